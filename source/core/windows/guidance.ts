// What a Windows (or WSL) user must do after saving, specific to where they are. Running
// programs keep the environment they started with (microsoft/terminal#1125): say which.

import type { WindowsContext, WindowsShell } from "./detect.js";

export type WindowsWhere = Pick<WindowsContext, "shell" | "vscode" | "windowsTerminal">;

export type WindowsTargetWritten = "windows" | "powershell" | "bash" | "dotenv";

/** The shells a person can name when detection cannot tell (no WMI, no PowerShell 7 to ask). */
export type AskedShell = Extract<WindowsShell, "powershell" | "cmd" | "git-bash">;

/** Whether the guidance depends on a shell we could not detect: then ask rather than guess. */
export function shellAnswerMatters(where: WindowsWhere, written: readonly WindowsTargetWritten[]): boolean {
	// Only the user variable's advice differs by shell (cmd's `set` lasts one window).
	return where.shell === "unknown" && written.includes("windows");
}

export function windowsGuidance(
	where: WindowsWhere,
	written: readonly WindowsTargetWritten[],
	variable: string,
): string[] {
	const lines: string[] = [];
	const environmentChanged = written.some((target) => target !== "dotenv");
	if (!environmentChanged) return lines;
	if (where.vscode) {
		lines.push(
			"In VS Code: quit VS Code completely (every window) and start it again — a new terminal tab is not enough, VS Code keeps the old environment.",
		);
	} else if (where.windowsTerminal) {
		lines.push(
			"In Windows Terminal: close every tab and window, then open it again — new tabs inherit the old environment until then.",
		);
	} else {
		lines.push("Open a new terminal window: windows that are already open keep the old environment.");
	}
	if (written.includes("windows")) {
		lines.push(
			`Every new PowerShell, cmd and Git Bash window, and apps you start from now on, see ${variable}.`,
		);
		if (where.shell === "cmd") {
			lines.push(
				`In cmd, \`set ${variable}=…\` lasts only for that window; the user variable is what new windows get.`,
			);
		}
	}
	if (written.includes("powershell") && !written.includes("windows")) {
		lines.push(`Only PowerShell sees ${variable} (its profile sets it); cmd and other apps do not.`);
	}
	if (written.includes("bash") && !written.includes("windows")) {
		lines.push(
			`Only Git Bash sees ${variable} (from ~/.bash_profile). The windows target reaches Git Bash too, and every other app.`,
		);
	}
	return lines;
}

/** WSL and Windows keep separate environments. */
export const WSL_NOTE =
	"This is WSL: the key is saved inside this Linux distribution. Windows variables do not cross into WSL (nor the reverse) unless they are listed in WSLENV.";
