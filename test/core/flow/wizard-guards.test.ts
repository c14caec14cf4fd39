// Actions that do not belong to the current step (a late effect, a double Enter, Esc after
// the end) must leave the state exactly as it was.
import { describe, expect, it } from "vitest";
import type { Step, WizardAction } from "../../../source/core/flow/wizard.js";
import { wizardReducer } from "../../../source/core/flow/wizard.js";
import {
	API_KEY,
	advice,
	at,
	DRY_RUN,
	environment,
	FOUND,
	INTERACTIVE,
	NO_VERIFY,
	PASSED,
	PLAN,
	PRESET,
	proof,
	STEPS,
} from "./wizard-fixtures.js";

const FINAL: readonly Step["name"][] = ["done", "failed", "exit"];
const ALL = Object.keys(STEPS) as Step["name"][];

/** Each action, and the steps where it means something. */
const ACTIONS: ReadonlyArray<readonly [WizardAction, readonly Step["name"][]]> = [
	// Detection lands whenever it finishes, behind any step that is still going.
	[
		{ type: "detected", environment: environment("linux", "zsh") },
		ALL.filter((name) => !FINAL.includes(name)),
	],
	[{ type: "typing" }, ["key"]],
	[{ type: "existing-choice", choice: "replace" }, ["existing"]],
	[{ type: "existing-choice", choice: "keep" }, ["existing"]],
	[{ type: "existing-choice", choice: "quit" }, ["existing"]],
	[{ type: "kept", masked: "m", where: "w", result: PASSED }, ["keeping"]],
	[{ type: "others-answered", yes: true }, ["others"]],
	[{ type: "key-accepted", key: API_KEY }, ["key"]],
	[{ type: "destination-answered", choice: "save" }, ["destination"]],
	[{ type: "destination-answered", choice: "quit" }, ["destination"]],
	[{ type: "check-passed", models: [] }, ["checking"]],
	[{ type: "check-failed", advice: advice("rejected") }, ["checking"]],
	[{ type: "unreachable-choice", choice: "retry" }, ["unreachable"]],
	[{ type: "unreachable-choice", choice: "save" }, ["unreachable"]],
	[{ type: "unreachable-choice", choice: "quit" }, ["unreachable"]],
	[{ type: "targets-chosen", targets: ["zsh"] }, ["target"]],
	[{ type: "planned", plan: PLAN }, ["planning"]],
	[{ type: "policy-choice", choice: "windows" }, ["policy"]],
	[{ type: "policy-choice", choice: "allow" }, ["policy"]],
	[{ type: "policy-choice", choice: "keep" }, ["policy"]],
	[{ type: "billing-choice", choice: "dotenv" }, ["billing"]],
	[{ type: "billing-choice", choice: "go-on" }, ["billing"]],
	[{ type: "billing-choice", choice: "quit" }, ["billing"]],
	[{ type: "profiles-allowed" }, ["allowing"]],
	[{ type: "confirmed", yes: true }, ["preview"]],
	[{ type: "confirmed", yes: false }, ["preview"]],
	[{ type: "keep-modes" }, ["preview"]],
	[{ type: "written", written: [] }, ["writing"]],
	[{ type: "untrack-answered", untracked: true }, ["untrack"]],
	[{ type: "proved", proofs: [proof(true)] }, ["proving"]],
	[{ type: "tested", result: PASSED }, ["testing"]],
	[{ type: "shell-answered", shell: "cmd" }, ["shell"]],
	[{ type: "keychain-probed", probe: { ok: true } }, ["target"]],
	[{ type: "targets-chosen", targets: ["keychain"] }, ["target"]],
	[{ type: "shell-choice", shellBlock: false }, ["keychain-shell"]],
	[{ type: "old-keys-found", found: FOUND }, ["old-keys"]],
	[{ type: "old-keys-found" }, ["old-keys"]],
	[{ type: "purge-answered", yes: true }, ["purge"]],
	[{ type: "purge-answered", yes: false }, ["purge"]],
	[{ type: "purged", line: "Deleted." }, ["purging"]],
	[{ type: "failed", title: "t", message: "m", code: 6 }, ALL.filter((name) => !FINAL.includes(name))],
	// Mid-write Esc is ignored: the write is atomic and short.
	// Writing and deleting the old key are short and must not stop halfway.
	[
		{ type: "cancel" },
		ALL.filter((name) => !FINAL.includes(name) && name !== "writing" && name !== "purging"),
	],
];

const invalid = ACTIONS.flatMap(([action, valid]) =>
	ALL.filter((name) => !valid.includes(name)).map((step) => ({
		label: `${action.type}${"choice" in action ? ` ${action.choice}` : ""}${"yes" in action ? ` ${action.yes}` : ""}`,
		action,
		step,
	})),
);

describe("wizardReducer ignores actions that do not belong to the step", () => {
	it.each(invalid)("$label during $step", ({ action, step }) => {
		for (const settings of [INTERACTIVE, PRESET, NO_VERIFY, DRY_RUN]) {
			const state = at(settings, STEPS[step]);
			expect(wizardReducer(settings)(state, action)).toBe(state);
		}
	});

	it("accepts each action in each step it belongs to", () => {
		for (const [action, valid] of ACTIONS) {
			for (const step of valid) {
				const state = at(INTERACTIVE, STEPS[step]);
				expect(wizardReducer(INTERACTIVE)(state, action), `${action.type} during ${step}`).not.toBe(state);
			}
		}
	});

	it("does not turn a finished run's exit code into 130 on Esc", () => {
		const done = at(INTERACTIVE, STEPS.done, { exitCode: 7 });
		expect(wizardReducer(INTERACTIVE)(done, { type: "cancel" }).exitCode).toBe(7);
	});
});
