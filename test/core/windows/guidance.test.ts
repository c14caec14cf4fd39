import { describe, expect, it } from "vitest";
import {
	shellAnswerMatters,
	type WindowsWhere,
	windowsGuidance,
} from "../../../source/core/windows/guidance.js";

const at = (where: Partial<WindowsWhere>): WindowsWhere => ({
	shell: "powershell",
	vscode: false,
	windowsTerminal: false,
	...where,
});

describe("windowsGuidance", () => {
	it.each([
		{
			name: "VS Code: restart VS Code entirely",
			where: at({ vscode: true, windowsTerminal: true }),
			written: ["windows"] as const,
			says: ["quit VS Code completely", "see ANTHROPIC_API_KEY"],
			not: ["Windows Terminal"],
		},
		{
			name: "Windows Terminal: close every tab",
			where: at({ windowsTerminal: true }),
			written: ["windows"] as const,
			says: ["close every tab and window"],
			not: ["VS Code"],
		},
		{
			name: "a plain console: a new window",
			where: at({}),
			written: ["windows"] as const,
			says: ["Open a new terminal window"],
			not: [],
		},
		{
			name: "cmd: set lasts only for that window",
			where: at({ shell: "cmd" }),
			written: ["windows"] as const,
			says: ["`set ANTHROPIC_API_KEY=…` lasts only for that window"],
			not: [],
		},
		{
			name: "profile only: only PowerShell sees it",
			where: at({}),
			written: ["powershell"] as const,
			says: ["Only PowerShell sees ANTHROPIC_API_KEY"],
			not: ["cmd,"],
		},
		{
			name: "Git Bash file only: the windows target reaches Git Bash too",
			where: at({ shell: "git-bash" }),
			written: ["bash"] as const,
			says: ["Only Git Bash sees", "The windows target reaches Git Bash too"],
			not: [],
		},
	])("$name", ({ where, written, says, not }) => {
		const text = windowsGuidance(where, written, "ANTHROPIC_API_KEY").join("\n");
		for (const phrase of says) expect(text).toContain(phrase);
		for (const phrase of not) expect(text).not.toContain(phrase);
	});

	it("says nothing to do for a .env alone: no environment changed", () => {
		expect(windowsGuidance(at({ vscode: true }), ["dotenv"], "ANTHROPIC_API_KEY")).toEqual([]);
	});
});

describe("shellAnswerMatters: ask which shell only when nothing told us and the advice differs", () => {
	it.each([
		{ name: "unknown shell, user variable written", shell: "unknown", written: ["windows"], ask: true },
		{
			name: "unknown shell, user variable and .env",
			shell: "unknown",
			written: ["dotenv", "windows"],
			ask: true,
		},
		{
			name: "unknown shell, profile only (same advice everywhere)",
			shell: "unknown",
			written: ["powershell"],
			ask: false,
		},
		{ name: "unknown shell, Git Bash file only", shell: "unknown", written: ["bash"], ask: false },
		{ name: "unknown shell, nothing written", shell: "unknown", written: [], ask: false },
		{ name: "cmd detected", shell: "cmd", written: ["windows"], ask: false },
		{ name: "pwsh detected", shell: "pwsh", written: ["windows"], ask: false },
		{ name: "Git Bash detected", shell: "git-bash", written: ["windows"], ask: false },
	] as const)("$name → $ask", ({ shell, written, ask }) => {
		expect(shellAnswerMatters(at({ shell }), written)).toBe(ask);
	});
});
