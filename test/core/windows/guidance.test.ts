import { describe, expect, it } from "vitest";
import { type WindowsWhere, windowsGuidance } from "../../../source/core/windows/guidance.js";

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
