// The version-controlled startup file question: the private file (default), the file
// anyway, or quit; asked once, and not at all when the plan already keeps the key out.
import { describe, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import type { Plan } from "../../../source/core/plan/plan.js";
import type { TrackedDotfile } from "../../../source/core/plan/tracked-dotfile.js";
import { at, checkRow, INTERACTIVE, PLAN, type Row } from "./wizard-fixtures.js";

const tracked = (kept: boolean): TrackedDotfile => ({
	path: "/home/ada/.zshrc",
	display: "~/.zshrc",
	via: "work-tree",
	repository: "~",
	why: "~/.zshrc is inside the git repository ~ (tracked)",
	private: kept,
});
const INLINE_PLAN: Plan = { ...PLAN, trackedDotfiles: [tracked(false)] };
const PRIVATE_PLAN: Plan = { ...PLAN, trackedDotfiles: [tracked(true)] };
const planning = { name: "planning" } as const;

const rows: Row[] = [
	{
		name: "a tracked target file, not yet asked → the question",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, planning),
		action: { type: "planned", plan: INLINE_PLAN },
		step: { name: "dotfiles", plan: INLINE_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "the plan already keeps the key out (rotation) → straight to the preview",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, planning),
		action: { type: "planned", plan: PRIVATE_PLAN },
		step: { name: "preview", plan: PRIVATE_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "private file → plan again with it",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "dotfiles", plan: INLINE_PLAN }),
		action: { type: "dotfiles-choice", choice: "private" },
		step: planning,
		exitCode: ExitCode.ok,
		fields: { privateFile: true },
	},
	{
		name: "write it anyway → plan again, answer recorded",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "dotfiles", plan: INLINE_PLAN }),
		action: { type: "dotfiles-choice", choice: "inline" },
		step: planning,
		exitCode: ExitCode.ok,
		fields: { privateFile: false },
	},
	{
		name: "answered 'anyway' → the tracked plan goes to the preview, not the question again",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, planning, { privateFile: false }),
		action: { type: "planned", plan: INLINE_PLAN },
		step: { name: "preview", plan: INLINE_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "quit → exit 130, nothing written",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "dotfiles", plan: INLINE_PLAN }),
		action: { type: "dotfiles-choice", choice: "quit" },
		step: { name: "exit", code: ExitCode.cancelled },
		exitCode: ExitCode.cancelled,
	},
];

describe("wizardReducer: a target file under version control", () => {
	it.each(rows)("$name", checkRow);
});
