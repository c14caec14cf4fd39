// The plan as plain lines, for --key-stdin output (the preview screen draws its own).

import { describeParseCheck } from "../parse/parse-gate.js";
import type { Plan } from "../plan/plan.js";
import { sentenceCase } from "../wording/voice.js";
import { describeAction, describeUserVariable, trackedNotes } from "./describe.js";
import { keychainPlanLines } from "./keychain-gate.js";

export function planLines(plan: Plan, dryRun: boolean): string[] {
	const lines: string[] = [];
	// Sentence case after the bullet; "Would …" in a dry run, where nothing happens.
	const item = (text: string) => (dryRun ? `Would ${text}` : `• ${sentenceCase(text)}`);
	if (plan.keychain) lines.push(...keychainPlanLines(plan.keychain, item));
	for (const change of plan.changes) {
		lines.push(item(describeAction(change)));
		for (const other of change.otherDefinitions) {
			const left = other.left === undefined ? "" : ` — ${other.left}`;
			lines.push(`  note: line ${other.line} also sets ${plan.variable} (${other.masked})${left}`);
		}
		const parsed = change.parseCheck && describeParseCheck(change.parseCheck);
		if (parsed) lines.push(`  note: ${parsed}`);
		for (const note of change.accessNotes ?? []) lines.push(`! ${note}`);
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
