// When Windows cannot tell which shell started us (no WMI, no PowerShell 7 .Parent) and the
// guidance depends on it, the wizard asks before the summary instead of guessing.
import { describe, expect, it } from "vitest";
import { usageHints } from "../../../source/core/flow/describe.js";
import type { Environment } from "../../../source/core/flow/session.js";
import { type WizardAction, wizardReducer } from "../../../source/core/flow/wizard.js";
import type { Plan } from "../../../source/core/plan/plan.js";
import type { WindowsShell } from "../../../source/core/windows/detect.js";
import {
	API_KEY,
	at,
	environment,
	INTERACTIVE,
	NO_VERIFY,
	PASSED,
	PLAN,
	proof,
	STEPS,
} from "./wizard-fixtures.js";

const USER_VARIABLE: Plan = {
	...PLAN,
	userVariable: {
		host: "powershell",
		display: "the Windows user environment",
		previous: undefined,
		value: API_KEY.key,
		action: "create",
	},
};

function windowsEnvironment(shell: WindowsShell | undefined): Environment {
	const base = environment("windows", "windows");
	const detected = { ...base.detected, shell: "unknown" as const, shellSource: "default" as const };
	if (shell === undefined) return { ...base, detected };
	return { ...base, detected, windows: { shell, hosts: [], vscode: false, windowsTerminal: false } };
}

describe("the shell question after the proofs", () => {
	it.each([
		{
			name: "unknown shell, user variable, live test done",
			shell: "unknown",
			plan: USER_VARIABLE,
			next: "shell",
		},
		{ name: "no Windows probe at all, user variable", shell: undefined, plan: USER_VARIABLE, next: "shell" },
		{ name: "cmd detected", shell: "cmd", plan: USER_VARIABLE, next: "done" },
		{ name: "pwsh detected", shell: "pwsh", plan: USER_VARIABLE, next: "done" },
		{ name: "unknown shell, no user variable", shell: "unknown", plan: PLAN, next: "done" },
	] as const)("$name → $next", ({ shell, plan, next }) => {
		const tested = at(INTERACTIVE, STEPS.testing, { environment: windowsEnvironment(shell), plan });
		expect(wizardReducer(INTERACTIVE)(tested, { type: "tested", result: PASSED }).step).toEqual({
			name: next,
		});
		// Without a live test the question follows the proofs directly.
		const proving = at(
			NO_VERIFY,
			{ name: "proving", plan },
			{ environment: windowsEnvironment(shell), plan },
		);
		const proved: WizardAction = { type: "proved", proofs: [proof(true)] };
		expect(wizardReducer(NO_VERIFY)(proving, proved).step).toEqual({ name: next });
	});

	it("off Windows it never asks", () => {
		const state = at(INTERACTIVE, STEPS.testing, {
			environment: environment("linux", "zsh"),
			plan: USER_VARIABLE,
		});
		expect(wizardReducer(INTERACTIVE)(state, { type: "tested", result: PASSED }).step).toEqual({
			name: "done",
		});
	});

	it.each([
		["cmd", "cmd", true],
		["powershell", "powershell", false],
		["git-bash", "git-bash", false],
	] as const)("answering %s records it (asked) and shapes the guidance", (answer, shell, cmdLine) => {
		const asking = at(INTERACTIVE, STEPS.shell, {
			environment: windowsEnvironment("unknown"),
			plan: USER_VARIABLE,
		});
		const after = wizardReducer(INTERACTIVE)(asking, { type: "shell-answered", shell: answer });
		expect(after.step).toEqual({ name: "done" });
		expect(after.environment?.windows?.shell).toBe(shell);
		expect(after.environment?.detected).toMatchObject({ shell, shellSource: "asked" });
		const hints = usageHints(
			USER_VARIABLE,
			after.environment?.detected ?? windowsEnvironment("cmd").detected,
			after.environment?.windows,
		);
		expect(hints.some((hint) => hint.startsWith("In cmd, `set ANTHROPIC_API_KEY=…`"))).toBe(cmdLine);
	});
});
