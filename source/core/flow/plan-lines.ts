// The plan as plain lines, for --key-stdin output (the preview screen draws its own).

import type { Plan } from "../plan/plan.js";
import { sentenceCase } from "../wording/voice.js";
import { describeAction, describeUserVariable, trackedNotes } from "./describe.js";

export function planLines(plan: Plan, dryRun: boolean): string[] {
	const lines: string[] = [];
	// Sentence case after the bullet; "Would …" in a dry run, where nothing happens.
	const item = (text: string) => (dryRun ? `Would ${text}` : `• ${sentenceCase(text)}`);
	for (const change of plan.changes) {
		lines.push(item(describeAction(change)));
		for (const other of change.otherDefinitions) {
			lines.push(`  note: line ${other.line} also sets ${plan.variable} (${other.masked})`);
		}
	}
	for (const note of trackedNotes(plan)) lines.push(`! ${note}`);
	if (plan.userVariable) lines.push(item(describeUserVariable(plan.userVariable, plan.variable)));
	if (plan.gitignore) lines.push(item(`add ${plan.gitignore.entry} to ${plan.gitignore.display}`));
	for (const blocked of plan.blockedProfiles) {
		lines.push(`! ${blocked.label}: ${blocked.report.explanation}`);
	}
	if (plan.blockedProfiles.length > 0) {
		lines.push("  → The windows target (--target windows) needs no execution policy and reaches every app.");
	}
	return lines;
}
