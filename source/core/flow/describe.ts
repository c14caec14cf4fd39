// Plain sentences about a plan, shared by the screens and the --key-stdin output.

import { maskKey } from "../key/key.js";
import { type FileChange, holdsKey, type Plan } from "../plan/plan.js";
import { displayPath } from "../plan/targets.js";
import type { UserVariableChange } from "../plan/windows-plan.js";
import type { Detected } from "../platform/platform.js";
import type { WindowsContext } from "../windows/detect.js";
import {
	shellAnswerMatters,
	type WindowsTargetWritten,
	type WindowsWhere,
	WSL_NOTE,
	windowsGuidance,
} from "../windows/guidance.js";

export function describeAction(change: FileChange): string {
	if (change.file.target === "keychain" && change.action === "deleted") {
		return `delete ${change.display}: it holds a key in clear text, and the keychain holds it now`;
	}
	if (change.unloads) {
		const what =
			change.action === "deleted"
				? `delete ${change.display} (claude-setup created it and it holds nothing else)`
				: `remove the claude-setup block from ${change.display}`;
		return `${what}: new terminals stop loading the key`;
	}
	if (change.supporting && !change.keyFileFor) {
		return `${change.action === "create" ? "create" : "update"} ${change.display} so git never picks up claude-setup's private files`;
	}
	const action = describeFileAction(change);
	return change.keyFileFor
		? `${action} — the key's private file, loaded by ${change.keyFileFor.join(" and ")}`
		: action;
}

/** Version-controlled target files: where the key went instead, or a warning that it went in. */
export function trackedNotes(plan: Plan): string[] {
	return (plan.trackedDotfiles ?? []).map((tracked) => {
		const keyFile = plan.changes.find((change) => change.keyFileFor?.includes(tracked.display))?.display;
		return tracked.private && keyFile
			? `${tracked.why}: the key goes in ${keyFile} (readable only by you), which ${tracked.display} loads.`
			: `${tracked.why}: the key goes into it. Keep it out of commits, or run \`claude-setup\` again and choose the private file.`;
	});
}

function describeFileAction(change: FileChange): string {
	if (change.file.syntax === "json") {
		return `replace the key in the "env" of ${change.display}, which Claude Code reads first (nothing else in it changes)`;
	}
	// A .env gets one line, not a marked block.
	const dotenv = change.file.syntax === "dotenv";
	switch (change.action) {
		case "create":
			return `create ${change.display} (readable only by you)`;
		case "inserted":
			return dotenv ? `add the key to ${change.display}` : `add a claude-setup block to ${change.display}`;
		case "replaced":
			return dotenv
				? `replace the key in ${change.display}`
				: `replace the claude-setup block in ${change.display}`;
		case "moved":
			return `move the claude-setup block to the end of ${change.display}, so it wins over a later definition`;
		case "unchanged":
			return `keep ${change.display}: it already holds this key`;
		case "disabled":
			return `comment out the other definitions in ${change.display}, with a note (remove puts them back)`;
		case "removed":
			return `take claude-setup's changes out of ${change.display}`;
		case "deleted":
			return `delete ${change.display} (claude-setup created it and it holds nothing else)`;
	}
}

export function describeUserVariable(change: UserVariableChange, variable: string): string {
	switch (change.action) {
		case "create":
			return `set ${variable} in ${change.display}`;
		case "replaced":
			return `replace ${variable} in ${change.display} (it was ${change.previousMasked})`;
		case "unchanged":
			return `keep ${variable} in ${change.display}: it already holds this key`;
		case "remove":
			return `remove ${variable} (${change.previousMasked}) from ${change.display}`;
	}
}

/** How to use the key now, for each file written; on Windows, what to restart. */
export function usageHints(plan: Plan, detected: Detected, windows?: WindowsContext): string[] {
	if (detected.os === "windows") return windowsHints(plan, windows);
	const hints: string[] = [];
	if (detected.os === "wsl") hints.push(WSL_NOTE);
	for (const change of plan.changes.filter(holdsKey)) {
		const path = displayPath(change.file.path, detected.home);
		if (change.file.target === "dotenv") {
			hints.push(
				dotenvUsage(change.display),
				`If your shell already exports ${plan.variable}, that value wins over ${change.display}: run \`unset ${plan.variable}\` to use the file.`,
			);
		} else {
			hints.push(nowHint(change.file, path, detected.shell));
		}
	}
	const shells = plan.changes.some((change) => holdsKey(change) && change.file.target !== "dotenv");
	if (plan.keychain && !shells) hints.push(RUN_HINT);
	if (detected.os === "macos" && shells) {
		hints.push("Apps started from the Dock or Finder do not read shell files; start them from a terminal.");
	}
	return hints;
}

/** The keychain without a shell block: what loads the key instead. */
export const RUN_HINT =
	"New terminals do not load the key: `claude-setup run -- <command>` runs one command with it.";

const SHELL_NAMES: Readonly<Record<string, string>> = {
	zsh: "zsh",
	bash: "bash",
	fish: "fish",
	powershell: "PowerShell",
};

/**
 * "Use it now" where it works: this terminal only when it runs the shell that reads the file
 * (a zsh cannot source a fish file, and a new zsh terminal never reads ~/.bashrc).
 */
function nowHint(file: FileChange["file"], path: string, shell: Detected["shell"]): string {
	const command = reloadCommand(file, path);
	const name = SHELL_NAMES[file.target];
	if (name === undefined || file.target === shell || SHELL_NAMES[shell] === undefined) {
		return `Use it now: open a new terminal, or run \`${command}\` in this one.`;
	}
	return `Use it in ${name}: start a new ${name}, or run \`${command}\` in a ${name} that is already open.`;
}

/** How this terminal reads the file again: pwsh dot-sources its profile. */
function reloadCommand(file: FileChange["file"], path: string): string {
	return file.syntax === "powershell" ? ". $PROFILE.CurrentUserAllHosts" : `source ${path}`;
}

/** How code loads the key from a .env file. */
function dotenvUsage(display: string): string {
	return `Use ${display} from your code: Node \`node --env-file=${display} app.js\` or \`import "dotenv/config"\`; Python \`from dotenv import load_dotenv; load_dotenv()\`.`;
}

/**
 * The classic "401 although I set my key": this terminal still exports another value, which
 * programs started here keep using (and which wins over any .env).
 */
export function staleTerminalWarning(
	plan: Plan,
	key: string,
	terminalValue: string | undefined,
): string | undefined {
	if (terminalValue === undefined || terminalValue === key) return undefined;
	const masked = terminalValue.trim() === "" ? "an empty value" : maskKey(terminalValue);
	const shellFile = plan.changes.find((change) => change.file.target !== "dotenv" && holdsKey(change));
	const fix = shellFile
		? `run \`${reloadCommand(shellFile.file, shellFile.display)}\` or open a new terminal`
		: `run \`unset ${plan.variable}\` (it wins over .env), and remove it from your shell files`;
	return `This terminal still has ${plan.variable}=${masked}; programs started here use it until you ${fix}.`;
}

function writtenOnWindows(plan: Plan): WindowsTargetWritten[] {
	const written: WindowsTargetWritten[] = plan.changes
		.filter(holdsKey)
		.map((change) =>
			change.file.target === "powershell" ? "powershell" : change.file.target === "bash" ? "bash" : "dotenv",
		);
	if (plan.userVariable) written.push("windows");
	return written;
}

const UNDETECTED: WindowsWhere = { shell: "unknown", vscode: false, windowsTerminal: false };

/** Whether the wizard should ask which shell the person uses before giving this plan's guidance. */
export function askShellFor(plan: Plan, detected: Detected, windows?: WindowsContext): boolean {
	return detected.os === "windows" && shellAnswerMatters(windows ?? UNDETECTED, writtenOnWindows(plan));
}

function windowsHints(plan: Plan, windows: WindowsContext | undefined): string[] {
	const written = writtenOnWindows(plan);
	const where = windows ?? UNDETECTED;
	const dotenv = plan.changes.find((change) => change.file.target === "dotenv");
	const hints = windowsGuidance(where, written, plan.variable);
	if (dotenv) {
		hints.push(dotenvUsage(dotenv.display));
	}
	return hints;
}
