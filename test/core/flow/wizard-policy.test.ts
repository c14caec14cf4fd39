// The PowerShell execution-policy question: use the user environment instead, allow
// profiles (only when the person chooses it), or keep the profile anyway.
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import { wizardReducer } from "../../../source/core/flow/wizard.js";
import { at, BLOCKED_PLAN, checkRow, INTERACTIVE, PLAN, type Row } from "./wizard-fixtures.js";

const rows: Row[] = [
	{
		name: "a plan whose profile would not run → the policy question",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "planning" }, { targets: ["powershell"] }),
		action: { type: "planned", plan: BLOCKED_PLAN },
		step: { name: "policy", plan: BLOCKED_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "a plan whose profiles run → straight to the preview",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "planning" }, { targets: ["powershell"] }),
		action: { type: "planned", plan: PLAN },
		step: { name: "preview", plan: PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "use the user environment instead → plan again with windows in place of powershell",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "policy", plan: BLOCKED_PLAN }, { targets: ["powershell", "dotenv"] }),
		action: { type: "policy-choice", choice: "windows" },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
		fields: { targets: ["windows", "dotenv"] },
	},
	{
		name: "allow profiles → the allowing step runs the one command",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "policy", plan: BLOCKED_PLAN }, { targets: ["powershell"] }),
		action: { type: "policy-choice", choice: "allow" },
		step: { name: "allowing", plan: BLOCKED_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "keep the profile anyway → the preview",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "policy", plan: BLOCKED_PLAN }, { targets: ["powershell"] }),
		action: { type: "policy-choice", choice: "keep" },
		step: { name: "preview", plan: BLOCKED_PLAN },
		exitCode: ExitCode.ok,
	},
	{
		name: "profiles allowed → plan again (the policy is read afresh)",
		settings: INTERACTIVE,
		state: at(INTERACTIVE, { name: "allowing", plan: BLOCKED_PLAN }, { targets: ["powershell"] }),
		action: { type: "profiles-allowed" },
		step: { name: "planning" },
		exitCode: ExitCode.ok,
	},
];

describe("wizardReducer: the execution-policy question", () => {
	it.each(rows)("$name", checkRow);

	it("a failed attempt to allow profiles is shown when the question comes back", () => {
		const reduce = wizardReducer(INTERACTIVE);
		const allowing = at(INTERACTIVE, { name: "allowing", plan: BLOCKED_PLAN }, { targets: ["powershell"] });
		const planning = reduce(allowing, { type: "profiles-allowed", failure: "Group Policy decides." });
		const asked = reduce(planning, { type: "planned", plan: BLOCKED_PLAN });
		expect(asked.step).toEqual({ name: "policy", plan: BLOCKED_PLAN, failure: "Group Policy decides." });
		expect(asked.policyFailure).toBeUndefined();
	});
});
