// Plain sentences about a plan, shared by the screens and the --key-stdin output.

import { maskKey } from "./key.js";
import type { FileChange, Plan } from "./plan.js";
import type { Detected } from "./platform.js";
import { displayPath } from "./targets.js";

export function describeAction(change: FileChange): string {
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
	}
}

/** How to use the key now, for each file written. */
export function usageHints(plan: Plan, detected: Detected): string[] {
	const hints: string[] = [];
	for (const change of plan.changes) {
		const path = displayPath(change.file.path, detected.home);
		if (change.file.target === "dotenv") {
			hints.push(
				`Use ${change.display} from your code: Node \`node --env-file=${change.display} app.js\` or \`import "dotenv/config"\`; Python \`from dotenv import load_dotenv; load_dotenv()\`.`,
				`A ${plan.variable} already exported in your shell wins over ${change.display}: \`unset ${plan.variable}\` if an old one is there.`,
			);
		} else {
			hints.push(`Use it now: open a new terminal, or run \`source ${path}\` in this one.`);
		}
	}
	if (detected.os === "macos" && plan.changes.some((change) => change.file.target !== "dotenv")) {
		hints.push("Apps started from the Dock or Finder do not read shell files; start them from a terminal.");
	}
	return hints;
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
	const shellFile = plan.changes.find((change) => change.file.target !== "dotenv");
	const fix = shellFile
		? `run \`source ${shellFile.display}\` or open a new terminal`
		: `run \`unset ${plan.variable}\` (it wins over .env), and remove it from your shell files`;
	return `This terminal still has ${plan.variable}=${masked}; programs started here use it until you ${fix}.`;
}
