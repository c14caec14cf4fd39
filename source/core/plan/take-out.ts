// Taking claude-setup's block out of a startup file while saving a key: the keychain, loaded only
// on request, leaves no block that would load a key in new terminals.

import { findBlock, removeBlock, type ShellSyntax } from "../edit/block-edit.js";
import { theirLinesInBlock } from "../edit/block-markers.js";
import { scrubSecrets } from "../key/scrub.js";
import { splitLines } from "../text/line-endings.js";
import type { FileChange } from "./plan-types.js";

export type TakenOut =
	| {
			ok: true;
			/** undefined: the file is deleted (only a take-out deletes). */
			text: string | undefined;
			action: FileChange["action"];
			/** The preview's notes (lines the person added inside the block, kept). */
			lines: string[];
			/** The block's own lines taken out, every key masked. */
			removed?: string[];
	  }
	| { ok: false; message: string };

/**
 * claude-setup's block out of a startup file, the same way `remove` takes it out (lines the
 * person added inside stay). Lines it commented out stay so: they hold an older key. A file of
 * claude-setup's own (fish's conf.d file) left empty is deleted. `removed`: the block's own
 * lines, every key masked, for the preview.
 */
export function takeOut(
	syntax: ShellSyntax,
	disabled: { text: string; count: number },
	ownsWholeFile: boolean,
): TakenOut {
	const block = findBlock(disabled.text, syntax);
	const removed = removeBlock(disabled.text, syntax);
	if (!removed.ok) return { ok: false, message: removed.message };
	if (removed.action !== "removed" || block === undefined || "problem" in block) {
		return {
			ok: true,
			text: disabled.text,
			action: disabled.count > 0 ? "disabled" : "unchanged",
			lines: [],
		};
	}
	const lines = splitLines(disabled.text).lines;
	const theirs = theirLinesInBlock(lines, block);
	const ours = lines
		.slice(block.startLine - 1, block.endLine)
		.filter((line) => !theirs.includes(line))
		.map((line) => scrubSecrets(line.content));
	const empty = ownsWholeFile && removed.text.trim() === "";
	return {
		ok: true,
		text: empty ? undefined : removed.text,
		action: empty ? "deleted" : "removed",
		lines: keptNote(removed.keptLines, "where the block was"),
		removed: ours,
	};
}

/** The preview's word on lines the person added inside claude-setup's block (they are kept). */
export function keptNote(count: number, where: string): string[] {
	if (count === 0) return [];
	const lines = count === 1 ? "1 line you added" : `${count} lines you added`;
	return [`# kept ${lines} inside the claude-setup block, ${where}`];
}
