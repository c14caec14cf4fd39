// The reducer's question before the key first leaves for another host: when it is asked, what
// each answer leads to, and that it is asked once.
import { describe, expect, it } from "vitest";
import { decideDestination } from "../../../source/core/destination/destination.js";
import { type WizardSettings, wizardReducer } from "../../../source/core/flow/wizard.js";
import { destinationChoices } from "../../../source/core/flow/wizard-destination.js";
import { API_KEY, at, INTERACTIVE, STEPS } from "./wizard-fixtures.js";

const ASK: WizardSettings = {
	...INTERACTIVE,
	destination: decideDestination({ ANTHROPIC_BASE_URL: "https://gw.example.test" }),
};
const REFUSE: WizardSettings = {
	...INTERACTIVE,
	destination: decideDestination({ ANTHROPIC_BASE_URL: "http://gw.example.test" }),
};
const LOOPBACK: WizardSettings = {
	...INTERACTIVE,
	destination: decideDestination({ ANTHROPIC_BASE_URL: "http://127.0.0.1:9" }),
};

describe("when the question comes", () => {
	it.each([
		["another host", ASK, { name: "destination", leadsTo: "checking" }],
		["a refused address", REFUSE, { name: "destination", leadsTo: "checking" }],
		["this machine", LOOPBACK, { name: "checking" }],
		["Anthropic's API", INTERACTIVE, { name: "checking" }],
	] as const)("a key accepted, %s → %j", (_, settings, step) => {
		const state = at(settings, STEPS.key, { key: undefined });
		expect(wizardReducer(settings)(state, { type: "key-accepted", key: API_KEY }).step).toEqual(step);
	});

	it("not with --no-verify: nothing is sent", () => {
		const settings = { ...ASK, verify: false };
		const state = at(settings, STEPS.key, { key: undefined });
		expect(wizardReducer(settings)(state, { type: "key-accepted", key: API_KEY }).step).toEqual({
			name: "target",
		});
	});

	it("before keeping and testing the key already set", () => {
		const state = at(ASK, STEPS.existing);
		expect(wizardReducer(ASK)(state, { type: "existing-choice", choice: "keep" }).step).toEqual({
			name: "destination",
			leadsTo: "keeping",
		});
	});

	it("once: after a yes, the next key goes straight to the check", () => {
		const state = at(ASK, STEPS.key, { key: undefined, destinationAllowed: true });
		expect(wizardReducer(ASK)(state, { type: "key-accepted", key: API_KEY }).step).toEqual({
			name: "checking",
		});
	});
});

describe("the answers", () => {
	const asked = (settings: WizardSettings, leadsTo: "checking" | "keeping" = "checking") =>
		at(settings, { name: "destination", leadsTo });

	it("send → the check, remembered", () => {
		const next = wizardReducer(ASK)(asked(ASK), { type: "destination-answered", choice: "send" });
		expect(next).toMatchObject({ step: { name: "checking" }, destinationAllowed: true });
	});

	it("save → the next step without a check or a live test", () => {
		const next = wizardReducer(ASK)(asked(ASK), { type: "destination-answered", choice: "save" });
		expect(next).toMatchObject({ step: { name: "target" }, unchecked: true, notSent: true });
	});

	it("quit → exit 2", () => {
		const next = wizardReducer(ASK)(asked(ASK), { type: "destination-answered", choice: "quit" });
		expect(next).toMatchObject({ step: { name: "exit", code: 2 }, exitCode: 2 });
	});

	it.each([
		["send to a refused address", REFUSE, "checking", "send"],
		["save when keeping a key (there is nothing to save)", ASK, "keeping", "save"],
	] as const)("%s is not offered, and ignored", (_, settings, leadsTo, choice) => {
		expect(destinationChoices(settings, leadsTo)).not.toContain(choice);
		const state = asked(settings, leadsTo);
		expect(wizardReducer(settings)(state, { type: "destination-answered", choice })).toBe(state);
	});

	it.each([
		[ASK, "checking", ["send", "save", "quit"]],
		[ASK, "keeping", ["send", "quit"]],
		[REFUSE, "checking", ["save", "quit"]],
		[REFUSE, "keeping", ["quit"]],
	] as const)("offers %#: %j", (settings, leadsTo, choices) => {
		expect(destinationChoices(settings, leadsTo)).toEqual(choices);
	});
});
