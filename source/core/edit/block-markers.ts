// The marker lines that delimit claude-setup's block in a shell startup file, and where
// they are (or what is wrong with them).

import type { Line } from "../text/line-endings.js";
import type { ShellSyntax } from "../text/shell-words.js";

export const BLOCK_START = "# >>> claude-setup >>>";
export const BLOCK_END = "# <<< claude-setup <<<";
// Editors fold #region blocks. PowerShell allows a label after #endregion; ours always has
// one, so a user's bare `#endregion` is never taken for ours.
export const POWERSHELL_BLOCK_START = "#region claude-setup";
export const POWERSHELL_BLOCK_END = "#endregion claude-setup";

/** The comment lines claude-setup writes in its block: nothing in them is expanded by any shell. */
export const BLOCK_COMMENT =
	"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.";
export const SOURCE_BLOCK_COMMENT =
	"# Added by claude-setup: loads your API key from a private file outside this repository. Delete this block to stop.";
const EARLIER_COMMENTS = [
	"# Added by claude-setup. Re-run `npx claude-setup` to change the key; delete this block to remove it.",
];

// Every other line claude-setup writes in its block: a variable set to a key-shaped value, or the
// line that loads its private key file. Anything else inside the markers is the person's.
// The keychain's lookup line (keychain/consumers.ts) works through the variable __claude_setup_key.
const OUR_LINES: Readonly<Record<ShellSyntax, readonly RegExp[]>> = {
	posix: [
		/^export [A-Za-z_][A-Za-z0-9_]*='[A-Za-z0-9_-]*'$/,
		/^\[ -f (.+) \] && \. \1$/,
		/^__claude_setup_key=\$\(.*; unset __claude_setup_key$/,
	],
	fish: [
		/^set -gx [A-Za-z_][A-Za-z0-9_]* '[A-Za-z0-9_-]*'$/,
		/^test -f (.+); and source \1$/,
		/^set -l __claude_setup_key \(.*; end$/,
	],
	powershell: [
		/^\$env:[A-Za-z_][A-Za-z0-9_]* = '[A-Za-z0-9_-]*'$/,
		/^& \{ \$keyFile = .+; if \(Test-Path -LiteralPath \$keyFile\) \{ \. \$keyFile \} \}$/,
		/^& \{ \$__claude_setup_key = .*\} \}$/,
	],
};

/** Every comment line claude-setup writes in a block starts so (the keychain's has its own wording). */
const OUR_COMMENT = /^# Added by claude-setup[.:] /;

/** A line inside the markers that claude-setup wrote (else the person added it). */
export function isOurBlockLine(content: string): boolean {
	const line = markerText(content);
	if (OUR_COMMENT.test(line) || EARLIER_COMMENTS.includes(line)) return true;
	// Every syntax's forms: the markers are the same in sh and fish files, and a caller may not know.
	return Object.values(OUR_LINES).some((patterns) => patterns.some((pattern) => pattern.test(line)));
}

/** The lines between the markers that the person added, in order, with their line endings. */
export function theirLinesInBlock(lines: readonly Line[], block: BlockLocation): Line[] {
	return lines.slice(block.startLine, block.endLine - 1).filter((line) => !isOurBlockLine(line.content));
}

export interface BlockMarkers {
	readonly start: string;
	readonly end: string;
}

export function blockMarkers(syntax: ShellSyntax = "posix"): BlockMarkers {
	return syntax === "powershell"
		? { start: POWERSHELL_BLOCK_START, end: POWERSHELL_BLOCK_END }
		: { start: BLOCK_START, end: BLOCK_END };
}

/** Markers match as whole lines; trailing spaces, tabs and a stray "\r" are tolerated. */
function markerText(content: string): string {
	return content.replace(/[ \t\r]+$/, "");
}

/** For each line: is it part of a claude-setup block (markers included)? */
export function blockMembership(
	lines: readonly { readonly content: string }[],
	syntax: ShellSyntax = "posix",
): boolean[] {
	const { start, end } = blockMarkers(syntax);
	let inside = false;
	return lines.map(({ content }) => {
		const marker = markerText(content);
		if (marker === start) {
			inside = true;
			return true;
		}
		if (marker === end) {
			const wasInside = inside;
			inside = false;
			return wasInside;
		}
		return inside;
	});
}

export type BlockProblem = {
	ok: false;
	problem: "unterminated" | "several-blocks" | "nested";
	/** 1-based line the problem was found at. */
	line: number;
	message: string;
};

/** 1-based lines of the start and end markers. */
export interface BlockLocation {
	readonly startLine: number;
	readonly endLine: number;
}

export function locateBlock(
	lines: readonly Line[],
	syntax: ShellSyntax = "posix",
): BlockLocation | undefined | BlockProblem {
	const { start, end } = blockMarkers(syntax);
	let openedAt: number | undefined;
	let found: BlockLocation | undefined;
	for (const [index, { content }] of lines.entries()) {
		const line = index + 1;
		const marker = markerText(content);
		const isStart = marker === start;
		const isEnd = marker === end;
		if (isStart && openedAt !== undefined) {
			return problem(
				"nested",
				line,
				`starts a claude-setup block inside the one that starts on line ${openedAt}, which has no end line before it.`,
				"Fix the markers by hand",
			);
		}
		if (isStart && found !== undefined) {
			return problem(
				"several-blocks",
				line,
				`starts a second claude-setup block; the first is on lines ${found.startLine}-${found.endLine}.`,
				"Delete one of them",
			);
		}
		if (isStart) openedAt = line;
		if (isEnd && openedAt === undefined) {
			return problem(
				"unterminated",
				line,
				`ends a claude-setup block ("${end}") but no "${start}" line comes before it.`,
				"Delete that line, or restore the start line",
			);
		}
		if (isEnd && openedAt !== undefined) {
			found = { startLine: openedAt, endLine: line };
			openedAt = undefined;
		}
	}
	if (openedAt === undefined) return found;
	return problem(
		"unterminated",
		openedAt,
		`starts a claude-setup block ("${start}") but no "${end}" line follows it.`,
		"Add the end line after the block, or delete the start line",
	);
}

function problem(kind: BlockProblem["problem"], line: number, what: string, fix: string): BlockProblem {
	const message = `Line ${line} ${what} Nothing was changed. ${fix}, then run \`claude-setup\` again.`;
	return { ok: false, problem: kind, line, message };
}
