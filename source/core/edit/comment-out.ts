// Rotation disables definitions claude-setup did not write by commenting them out with a
// note that makes them easy to find, and `remove` puts them back exactly as they were.
// Every supported format (sh, fish, PowerShell, .env) takes `#` comments.
import { joinLines, splitLines } from "../text/line-endings.js";

export const DISABLED_NOTE = "# claude-setup disabled this line (run `claude-setup remove` to restore): ";

/** Comments out the given 1-based lines; lines already disabled by us are left alone. */
export function commentOutLines(
	text: string,
	lineNumbers: readonly number[],
): { text: string; count: number } {
	const wanted = new Set(lineNumbers);
	const { bom, lines } = splitLines(text);
	let count = 0;
	const edited = lines.map((line, index) => {
		if (!wanted.has(index + 1) || line.content.startsWith(DISABLED_NOTE)) return line;
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
		if (!line.content.startsWith(DISABLED_NOTE) || keep.has(index + 1)) return line;
		count++;
		return { ...line, content: line.content.slice(DISABLED_NOTE.length) };
	});
	return { text: count === 0 ? text : joinLines(bom, restored), count };
}

/** 1-based numbers of the lines claude-setup disabled, for status and remove. */
export function disabledLines(text: string): number[] {
	return splitLines(text)
		.lines.map((line, index) => (line.content.startsWith(DISABLED_NOTE) ? index + 1 : 0))
		.filter((line) => line > 0);
}
