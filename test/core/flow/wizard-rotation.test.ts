// Rotation in the reducer: a key already set is offered for replacing, keeping or quitting;
// definitions claude-setup did not write are offered for commenting out.
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import type { Environment } from "../../../source/core/flow/session.js";
import { initialState, wizardReducer } from "../../../source/core/flow/wizard.js";
import type { Finding } from "../../../source/core/scan/scan-types.js";
import {
	API_KEY,
	advice,
	at,
	checkRow,
	environment,
	failedTest,
	INTERACTIVE,
	PASSED,
	PRESET,
	type Row,
} from "./wizard-fixtures.js";

const STALE: Finding = {
	variable: "ANTHROPIC_API_KEY",
	value: `sk-ant-api03-${"s".repeat(89)}StalAA`,
	masked: "sk-ant-api03-…alAA",
	kind: "api-key",
	problems: [],
	source: {
		kind: "file",
		path: "/home/ada/.bash_profile",
		display: "~/.bash_profile",
		line: 3,
		format: "bash",
	},
	managed: false,
};
const OURS: Finding = { ...STALE, value: API_KEY.key, managed: true };

function withKeys(credentials: Finding[]): Environment {
	return {
		...environment("linux", "zsh"),
		credentials,
		existing: credentials.map((finding) => ({ source: "somewhere", masked: finding.masked })),
	};
}

const rows: Row[] = [
	{
		name: "a key is found while the prompt is untouched → replace / keep / quit",
		settings: INTERACTIVE,
		state: initialState(INTERACTIVE),
		action: { type: "detected", environment: withKeys([STALE]) },
		step: { name: "existing" },
		exitCode: ExitCode.ok,
	},
	{
		name: "a key is found after typing began → the prompt stays",
		settings: INTERACTIVE,
		state: { ...initialState(INTERACTIVE), typing: true },
		action: { type: "detected", environment: withKeys([STALE]) },
		step: { name: "key" },
		exitCode: ExitCode.ok,
	},
	{
		name: "a key is found after a 401 → the prompt (with its advice) stays",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "key", advice: advice("rejected") }),
		action: { type: "detected", environment: withKeys([STALE]) },
		step: { name: "key", advice: advice("rejected") },
		exitCode: ExitCode.ok,
	},
	{
		name: "replace → the key prompt, which detection will not leave again",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "existing" }),
		action: { type: "existing-choice", choice: "replace" },
		step: { name: "key" },
		exitCode: ExitCode.ok,
		fields: { typing: true },
	},
	{
		name: "keep → test the key that is there",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "existing" }),
		action: { type: "existing-choice", choice: "keep" },
		step: { name: "keeping" },
		exitCode: ExitCode.ok,
	},
	{
		name: "quit → exit 0: nothing is wrong with leaving it",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "existing" }),
		action: { type: "existing-choice", choice: "quit" },
		step: { name: "exit", code: 0 },
		exitCode: ExitCode.ok,
	},
	{
		name: "the kept key works → done, exit 0",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "keeping" }),
		action: { type: "kept", masked: "sk-…", where: "~/.zshrc", result: PASSED },
		step: { name: "done" },
		exitCode: ExitCode.ok,
		fields: { kept: { masked: "sk-…", where: "~/.zshrc" }, liveTest: PASSED },
	},
	{
		// Not a dead end: the advice says "paste the key again", and the key prompt is where to do it.
		name: "the kept key is refused → the key prompt, with why",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "keeping" }),
		action: { type: "kept", masked: "sk-…", where: "~/.zshrc", result: failedTest("rejected") },
		step: { name: "key", advice: advice("rejected") },
		exitCode: ExitCode.ok,
	},
	{
		name: "the kept key cannot be checked (server error) → done, saying so",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "keeping" }),
		action: { type: "kept", masked: "sk-…", where: "~/.zshrc", result: failedTest("unreachable") },
		step: { name: "done" },
		exitCode: ExitCode.unreachable,
	},
	{
		name: "a target is chosen and a stale definition exists → the others question",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "target" }, { environment: withKeys([STALE]) }),
		action: { type: "targets-chosen", targets: ["zsh"] },
		step: { name: "others" },
		exitCode: ExitCode.ok,
	},
	{
		name: "only our own block holds a key → no question",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "target" }, { environment: withKeys([OURS]) }),
		action: { type: "targets-chosen", targets: ["zsh"] },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
	},
	{
		name: "no: keep the others as they are",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "others" }),
		action: { type: "others-answered", yes: false },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { disableOthers: false },
	},
];

describe("wizardReducer: rotation", () => {
	it.each(rows)("$name", checkRow);

	it("comments others out by default, also with preset targets (no question asked)", () => {
		expect(initialState(PRESET).disableOthers).toBe(true);
		const state = at(PRESET, { name: "checking" }, { environment: withKeys([STALE]) });
		expect(wizardReducer(PRESET)(state, { type: "check-passed", models: [] }).step).toEqual({
			name: "planning",
		});
	});
});
