// The wizard reducer from the target question to the end: (settings, state, action) →
// step and exit code, for settings with and without verify and in a dry run.
import { describe, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import {
	API_KEY,
	at,
	checkRow,
	DRY_RUN,
	failedTest,
	INTERACTIVE,
	NO_VERIFY,
	OAUTH_TOKEN,
	PASSED,
	PLAN,
	proof,
	type Row,
	STEPS,
	TRACKED_PLAN,
} from "./wizard-fixtures.js";

const rows: Row[] = [
	// target, planning, preview
	{
		name: "targets-chosen → planning",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.target),
		action: { type: "targets-chosen", targets: ["bash", "dotenv"] },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { targets: ["bash", "dotenv"] },
	},
	{
		name: "planned → preview",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.planning),
		action: { type: "planned", plan: PLAN },
		step: { name: "preview", plan: PLAN },
		exitCode: ExitCode.ok,
		fields: { plan: PLAN },
	},
	{
		name: "confirmed yes → writing",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.preview),
		action: { type: "confirmed", yes: true },
		step: { name: "writing", plan: PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "confirmed yes in a dry run → done, nothing written",
		settings: DRY_RUN,
		state: at(DRY_RUN, STEPS.preview),
		action: { type: "confirmed", yes: true },
		step: { name: "done" },
		exitCode: ExitCode.ok,
		fields: { written: [] },
	},
	{
		name: "confirmed no → exit 130",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.preview),
		action: { type: "confirmed", yes: false },
		step: { name: "exit", code: 130 },
		exitCode: ExitCode.cancelled,
	},
	// writing, untrack
	{
		name: "written → proving",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.writing),
		action: { type: "written", written: [{ display: "~/.zshrc", path: "/h/.zshrc", action: "create" }] },
		step: { name: "proving", plan: PLAN },
		exitCode: ExitCode.ok,
		fields: { written: [{ display: "~/.zshrc", path: "/h/.zshrc", action: "create" }] },
	},
	// A tracked .env never receives the key while it stays tracked: the question comes before writing.
	{
		name: "confirmed yes with a tracked .env → untrack, nothing written yet",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "preview", plan: TRACKED_PLAN }),
		action: { type: "confirmed", yes: true },
		step: { name: "untrack", plan: TRACKED_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "written with a tracked .env (already untracked) → proving",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "writing", plan: TRACKED_PLAN }),
		action: { type: "written", written: [] },
		step: { name: "proving", plan: TRACKED_PLAN },
		exitCode: ExitCode.ok,
		fields: { written: [] },
	},
	{
		name: "untrack-answered true → writing",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.untrack),
		action: { type: "untrack-answered", untracked: true },
		step: { name: "writing", plan: TRACKED_PLAN },
		exitCode: ExitCode.ok,
		fields: { untracked: true },
	},
	{
		name: "untrack-answered false → nothing written, exit 6 with the command",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.untrack),
		action: { type: "untrack-answered", untracked: false },
		step: {
			name: "failed",
			title: "Nothing was written: git tracks ./.env",
			message:
				"The key would go into your next commit. Run `git rm --cached -- .env` (the file stays on disk; git stops tracking it), then run `claude-setup` again; or choose another target.",
		},
		exitCode: ExitCode.writeFailed,
		fields: { untracked: false },
	},
	// proving
	...(
		[
			["proven, verify, API key → testing", INTERACTIVE, API_KEY, true, { name: "testing" }, 0],
			["proven, no verify → done", NO_VERIFY, API_KEY, true, { name: "done" }, 0],
			["proven, OAuth token → done (no live test)", INTERACTIVE, OAUTH_TOKEN, true, { name: "done" }, 0],
			["not proven → still tested, exit 7", INTERACTIVE, API_KEY, false, { name: "testing" }, 7],
			["not proven, no verify → done, exit 7", NO_VERIFY, API_KEY, false, { name: "done" }, 7],
		] as const
	).map(
		([name, settings, key, ok, step, exitCode]): Row => ({
			name: `proved: ${name}`,
			settings,
			state: at(settings, STEPS.proving, { key }),
			action: { type: "proved", proofs: [proof(true), proof(ok)] },
			step,
			exitCode,
		}),
	),
	{
		name: "proved: saved unchecked (API unreachable) → done, no live test",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, STEPS.proving, { unchecked: true }),
		action: { type: "proved", proofs: [proof(true)] },
		step: { name: "done" },
		exitCode: ExitCode.ok,
		fields: { proofs: [proof(true)] },
	},
	// testing
	...(
		[
			["passed → exit 0", PASSED, 0, 0],
			["passed after a failed proof → stays 7", PASSED, 7, 7],
			["rejected → exit 4", failedTest("rejected"), 0, 4],
			["unreachable → exit 5", failedTest("unreachable"), 0, 5],
			["account (credits) → exit 7", failedTest("account"), 0, 7],
			["server (overloaded) → exit 7", failedTest("server"), 0, 7],
		] as const
	).map(
		([name, result, before, exitCode]): Row => ({
			name: `tested: ${name}`,
			settings: INTERACTIVE,
			state: at(INTERACTIVE, STEPS.testing, { exitCode: before }),
			action: { type: "tested", result },
			step: { name: "done" },
			exitCode,
			fields: { liveTest: result },
		}),
	),
	// failed and cancel, from steps where they apply
	...(["key", "planning", "writing", "testing"] as const).map(
		(name): Row => ({
			name: `failed during ${name} → failed with its code`,
			settings: INTERACTIVE,
			state: at(INTERACTIVE, STEPS[name]),
			action: { type: "failed", title: "Nothing was written", message: "No room.", code: 6 },
			step: { name: "failed", title: "Nothing was written", message: "No room." },
			exitCode: ExitCode.writeFailed,
		}),
	),
	...(["key", "checking", "unreachable", "target", "preview", "untrack", "testing"] as const).map(
		(name): Row => ({
			name: `cancel during ${name} → exit 130`,
			settings: INTERACTIVE,
			state: at(INTERACTIVE, STEPS[name]),
			action: { type: "cancel" },
			step: { name: "exit", code: 130 },
			exitCode: ExitCode.cancelled,
		}),
	),
];

describe("wizardReducer: the target question to the end", () => {
	it.each(rows)("$name", checkRow);
});
