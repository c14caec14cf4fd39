// Rotation disables definitions claude-setup did not write by commenting them out with a
// note that makes them easy to find, and `remove` puts them back exactly as they were.
// Every supported format (sh, fish, PowerShell, .env) takes `#` comments. The note holds
// nothing a shell expands in any context (no backtick, dollar sign, backslash or bracket): should a line
// ever end up in a heredoc or a string, the note is only text.
import { joinLines, splitLines } from "../text/line-endings.js";

export const DISABLED_NOTE = "# claude-setup disabled this line; claude-setup remove restores it: ";
/** Notes earlier versions wrote: `remove` still restores their lines. */
const EARLIER_NOTES = ["# claude-setup disabled this line (run `claude-setup remove` to restore): "];
const NOTES = [DISABLED_NOTE, ...EARLIER_NOTES];

/** The note a line starts with, if claude-setup disabled it. */
function noteOf(content: string): string | undefined {
	return NOTES.find((note) => content.startsWith(note));
}

/** Comments out the given 1-based lines; lines already disabled by us are left alone. */
export function commentOutLines(
	text: string,
	lineNumbers: readonly number[],
): { text: string; count: number } {
	const wanted = new Set(lineNumbers);
	const { bom, lines } = splitLines(text);
	let count = 0;
	const edited = lines.map((line, index) => {
		if (!wanted.has(index + 1) || noteOf(line.content) !== undefined) return line;
		count++;
		return { ...line, content: DISABLED_NOTE + line.content };
	});
	return { text: count === 0 ? text : joinLines(bom, edited), count };
}

/**
 * Puts back every line commented out by commentOutLines, byte for byte; with `keep`, those
 * 1-based lines stay commented out (remove found their key rejected).
 */
export function restoreCommentedLines(
	text: string,
	keep: ReadonlySet<number> = new Set(),
): { text: string; count: number } {
	const { bom, lines } = splitLines(text);
	let count = 0;
	const restored = lines.map((line, index) => {
		const note = noteOf(line.content);
		if (note === undefined || keep.has(index + 1)) return line;
		count++;
		return { ...line, content: line.content.slice(note.length) };
	});
	return { text: count === 0 ? text : joinLines(bom, restored), count };
}

/** 1-based numbers of the lines claude-setup disabled, for status and remove. */
export function disabledLines(text: string): number[] {
	return splitLines(text)
		.lines.map((line, index) => (noteOf(line.content) !== undefined ? index + 1 : 0))
		.filter((line) => line > 0);
}
