// The wizard's keychain question (a shell block or only `run`) and the offer to delete the old
// key after a proven rotation, in the reducer.
import { describe, expect, it } from "vitest";
import type { Written } from "../../../source/core/apply/apply.js";
import { ExitCode } from "../../../source/core/exit-codes.js";
import { wizardReducer } from "../../../source/core/flow/wizard.js";
import {
	at,
	checkRow,
	FOUND,
	failedTest,
	INTERACTIVE,
	PASSED,
	proof,
	type Row,
	STEPS,
} from "./wizard-fixtures.js";

const WRITTEN: Written[] = [{ display: "~/.zshrc", path: "/home/u/.zshrc", action: "replaced" }];
const proven = { proofs: [proof(true)], written: WRITTEN };

const rows: Row[] = [
	{
		name: "the probe's answer keeps the target screen (the same step)",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.target),
		action: { type: "keychain-probed", probe: { ok: false, reason: "there is no session bus here." } },
		step: STEPS.target,
		exitCode: ExitCode.ok,
		fields: { keychainProbe: { ok: false, reason: "there is no session bus here." } },
	},
	{
		name: "the keychain chosen → asked about new terminals",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.target),
		action: { type: "targets-chosen", targets: ["keychain"] },
		step: { name: "keychain-shell" },
		exitCode: ExitCode.ok,
		fields: { targets: ["keychain"] },
	},
	{
		name: "the keychain and a shell chosen → no question: that shell's new terminals load it",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.target),
		action: { type: "targets-chosen", targets: ["keychain", "bash"] },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { targets: ["keychain", "bash"] },
	},
	{
		name: "a file chosen → no keychain question",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.target),
		action: { type: "targets-chosen", targets: ["zsh"] },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
	},
	{
		name: "only when I ask → no shell block, then planning",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS["keychain-shell"], { targets: ["keychain"] }),
		action: { type: "shell-choice", shellBlock: false },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { shellBlock: false, targets: ["keychain"] },
	},
	{
		name: "Claude answered after a write that was proven → look for the old key",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.testing, proven),
		action: { type: "tested", result: PASSED },
		step: { name: "old-keys" },
		exitCode: ExitCode.ok,
	},
	{
		name: "a failed proof → no offer to delete the old key",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.testing, { proofs: [proof(false)], written: WRITTEN }),
		action: { type: "tested", result: PASSED },
		step: { name: "done" },
		exitCode: ExitCode.ok,
	},
	{
		name: "Claude refused the new key → the old key stays",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.testing, proven),
		action: { type: "tested", result: failedTest("rejected") },
		step: { name: "done" },
		exitCode: ExitCode.keyRejected,
	},
	{
		name: "nothing holds the old key → done",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS["old-keys"]),
		action: { type: "old-keys-found" },
		step: { name: "done" },
		exitCode: ExitCode.ok,
	},
	{
		name: "traces found → asked",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS["old-keys"]),
		action: { type: "old-keys-found", found: FOUND },
		step: { name: "purge", found: FOUND },
		exitCode: ExitCode.ok,
	},
	{
		name: "yes → deleting",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.purge),
		action: { type: "purge-answered", yes: true },
		step: { name: "purging", found: FOUND },
		exitCode: ExitCode.ok,
	},
	{
		name: "no → done, and the summary says where the old key still is",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.purge),
		action: { type: "purge-answered", yes: false },
		step: { name: "done" },
		exitCode: ExitCode.ok,
		fields: { purge: { done: false, line: expect.stringContaining("1 commented-out line and 1 backup") } },
	},
	{
		name: "deleted → done with the line that says so",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.purging),
		action: { type: "purged", line: "Deleted the old key from 1 commented-out line and 1 backup." },
		step: { name: "done" },
		exitCode: ExitCode.ok,
		fields: { purge: { done: true, line: expect.stringContaining("Deleted") } },
	},
];

describe("wizardReducer: the keychain's question and the old key", () => {
	it.each(rows)("$name", checkRow);

	it("Esc while the old key is being deleted does not stop it halfway", () => {
		const state = at(INTERACTIVE, STEPS.purging);
		expect(wizardReducer(INTERACTIVE)(state, { type: "cancel" })).toBe(state);
	});
});
