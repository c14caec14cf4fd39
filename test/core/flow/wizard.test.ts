// The wizard reducer from the start to the target question: (settings, state, action) →
// step and exit code. The rest of the run is in wizard-save.test.ts.
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import { initialState } from "../../../source/core/flow/wizard.js";
import {
	API_KEY,
	advice,
	at,
	checkRow,
	environment,
	INTERACTIVE,
	NO_VERIFY,
	NO_VERIFY_PRESET,
	OAUTH_TOKEN,
	PRESET,
	type Row,
	STEPS,
} from "./wizard-fixtures.js";

const MODELS = [{ id: "claude-haiku-5-5" }];

const rows: Row[] = [
	// detection lands (behind the key prompt, or any later step)
	...(["linux", "macos"] as const).map(
		(os): Row => ({
			name: `detected ${os} → key, the default target`,
			settings: INTERACTIVE,
			state: initialState(INTERACTIVE),
			action: { type: "detected", environment: environment(os, "zsh") },
			step: { name: "key" },
			exitCode: ExitCode.ok,
			fields: { targets: ["zsh"], environment: environment(os, "zsh") },
		}),
	),
	{
		name: "detected with preset targets keeps them",
		settings: PRESET,
		state: initialState(PRESET),
		action: { type: "detected", environment: environment("linux", "bash") },
		step: { name: "key" },
		exitCode: ExitCode.ok,
		fields: { targets: ["fish"] },
	},
	{
		name: "detected while the API check runs → the step goes on",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "checking" }),
		action: { type: "detected", environment: environment("linux", "bash") },
		step: { name: "checking" },
		exitCode: ExitCode.ok,
		fields: { targets: ["bash"] },
	},
	{
		name: "detected Windows → the key prompt stays, the user environment is the default",
		settings: INTERACTIVE,
		state: initialState(INTERACTIVE),
		action: { type: "detected", environment: environment("windows", "windows") },
		step: { name: "key" },
		exitCode: ExitCode.ok,
		fields: { targets: ["windows"] },
	},
	// key
	...(
		[
			["API key, verify → checking", INTERACTIVE, API_KEY, { name: "checking" }],
			["API key, no verify → target", NO_VERIFY, API_KEY, { name: "target" }],
			["API key, no verify, preset → planning", NO_VERIFY_PRESET, API_KEY, { name: "planning" }],
			["OAuth token, verify → target (never checked)", INTERACTIVE, OAUTH_TOKEN, { name: "target" }],
			["OAuth token, preset → planning", PRESET, OAUTH_TOKEN, { name: "planning" }],
		] as const
	).map(
		([name, settings, key, step]): Row => ({
			name: `key-accepted: ${name}`,
			settings,
			state: at(settings, STEPS.key, { key: undefined }),
			action: { type: "key-accepted", key },
			step,
			exitCode: ExitCode.ok,
			fields: { key },
		}),
	),
	// checking
	{
		name: "check-passed → target, models kept",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.checking),
		action: { type: "check-passed", models: MODELS },
		step: { name: "target" },
		exitCode: ExitCode.ok,
		fields: { models: MODELS },
	},
	{
		name: "check-passed with preset → planning",
		settings: PRESET,
		state: at(PRESET, STEPS.checking),
		action: { type: "check-passed", models: MODELS },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
	},
	{
		name: "check-failed, rejected → back to the key, which is forgotten",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.checking),
		action: { type: "check-failed", advice: advice("rejected") },
		step: { name: "key", advice: advice("rejected") },
		exitCode: ExitCode.ok,
		fields: { key: undefined },
	},
	...(["unreachable", "server", "account"] as const).map(
		(outcome): Row => ({
			name: `check-failed, ${outcome} → the unreachable choice`,
			settings: INTERACTIVE,
			state: at(INTERACTIVE, STEPS.checking),
			action: { type: "check-failed", advice: advice(outcome) },
			step: { name: "unreachable", advice: advice(outcome), tries: 1 },
			exitCode: ExitCode.ok,
			fields: { key: API_KEY },
		}),
	),
	{
		name: "check-failed again after trying again → the choice, counting the tries",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "checking", tries: 2 }),
		action: { type: "check-failed", advice: advice("server") },
		step: { name: "unreachable", advice: advice("server"), tries: 3 },
		exitCode: ExitCode.ok,
	},
	// unreachable
	...(
		[
			[
				"retry → checking, one try failed",
				INTERACTIVE,
				"retry",
				"unreachable",
				{ name: "checking", tries: 1 },
				0,
				false,
			],
			["save → target, unchecked", INTERACTIVE, "save", "unreachable", { name: "target" }, 0, true],
			["save with preset → planning", PRESET, "save", "unreachable", { name: "planning" }, 0, true],
			[
				"quit after unreachable → exit 5",
				INTERACTIVE,
				"quit",
				"unreachable",
				{ name: "exit", code: 5 },
				5,
				false,
			],
			[
				"quit after a server error → exit 5: nothing confirmed the key",
				INTERACTIVE,
				"quit",
				"server",
				{ name: "exit", code: 5 },
				5,
				false,
			],
		] as const
	).map(
		([name, settings, choice, outcome, step, exitCode, unchecked]): Row => ({
			name: `unreachable-choice: ${name}`,
			settings,
			state: at(settings, { name: "unreachable", advice: advice(outcome), tries: 1 }),
			action: { type: "unreachable-choice", choice },
			step,
			exitCode,
			fields: { unchecked },
		}),
	),
];

describe("wizardReducer: the key prompt to the target question", () => {
	it.each(rows)("$name", checkRow);

	it("starts at the key prompt with the preset targets and exit code 0", () => {
		expect(initialState(PRESET)).toEqual({
			step: { name: "key" },
			unchecked: false,
			targets: ["fish"],
			written: [],
			proofs: [],
			exitCode: 0,
			typing: false,
			disableOthers: true,
		});
	});
});
