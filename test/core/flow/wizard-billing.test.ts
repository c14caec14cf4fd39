// "Claude Code will bill the key instead of your subscription": the project .env instead (plan
// again for it), going on (plan again, not asked twice), or quitting with nothing written.
import { describe, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import { at, checkRow, INTERACTIVE, PLAN, PRESET, type Row } from "./wizard-fixtures.js";

const billing = { name: "billing", plan: PLAN } as const;

const rows: Row[] = [
	{
		name: "the project .env instead → plan again for dotenv alone",
		settings: PRESET,
		state: at(PRESET, billing, { targets: ["zsh", "fish"] }),
		action: { type: "billing-choice", choice: "dotenv" },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { targets: ["dotenv"], billing: "dotenv" },
	},
	{
		name: "go on → plan again with the same targets, the answer kept so it is not asked twice",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, billing, { targets: ["zsh"] }),
		action: { type: "billing-choice", choice: "go-on" },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { targets: ["zsh"], billing: "go-on" },
	},
	{
		name: "quit → nothing written (130)",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, billing, { targets: ["zsh"] }),
		action: { type: "billing-choice", choice: "quit" },
		step: { name: "exit", code: ExitCode.cancelled },
		exitCode: ExitCode.cancelled,
	},
	{
		name: "answered already → a new plan goes to the preview",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "planning" }, { targets: ["zsh"], billing: "go-on" }),
		action: { type: "planned", plan: PLAN },
		step: { name: "preview", plan: PLAN },
		exitCode: ExitCode.ok,
	},
];

describe("the billing question", () => {
	it.each(rows)("$name", checkRow);
});
