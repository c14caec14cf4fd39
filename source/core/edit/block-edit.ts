// claude-setup's marked block in a shell startup file: insert it, replace it in place,
// move it below later definitions, or remove it, changing no byte outside the block.

import {
	appendLines,
	dominantEol,
	joinLines,
	type Line,
	removeLines,
	splitLines,
} from "../text/line-endings.js";
import type { ShellSyntax } from "../text/shell-words.js";
import {
	BLOCK_COMMENT,
	BLOCK_END,
	BLOCK_START,
	type BlockLocation,
	type BlockProblem,
	blockMarkers,
	locateBlock,
	POWERSHELL_BLOCK_END,
	POWERSHELL_BLOCK_START,
	SOURCE_BLOCK_COMMENT,
	theirLinesInBlock,
} from "./block-markers.js";
import { findDefinitions } from "./definitions.js";

export {
	BLOCK_END,
	BLOCK_START,
	type BlockLocation,
	type BlockProblem,
	blockMarkers,
	POWERSHELL_BLOCK_END,
	POWERSHELL_BLOCK_START,
	type ShellSyntax,
};

export interface Assignment {
	readonly name: string;
	/** Only [A-Za-z0-9_-], so it is safe inside single quotes in every shell. */
	readonly value: string;
}

export type BlockEdit =
	| {
			ok: true;
			text: string;
			/** "removed" and "unchanged" are what removeBlock returns. */
			action: "inserted" | "replaced" | "moved" | "unchanged" | "removed";
			/**
			 * 1-based line of the start marker in the result; for removeBlock, the line the
			 * block started on before it was removed (0 when there was no block).
			 */
			blockStartLine: number;
			/** Lines the person added inside the block: kept, just above it (or where it was). */
			keptLines: number;
	  }
	| BlockProblem;

export interface BlockOptions {
	/**
	 * The line ending to use when the text has none to copy (a new or one-line file):
	 * "\r\n" for a new PowerShell profile. Default "\n".
	 */
	readonly newFileEol?: "\n" | "\r\n";
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VALUE = /^[A-Za-z0-9_-]+$/;

export function renderBlock(syntax: ShellSyntax, assignments: readonly Assignment[]): string[] {
	const lines = assignments.map(({ name, value }) => {
		if (!NAME.test(name)) throw new Error(`Not a variable name: ${JSON.stringify(name)}`);
		// Never echo the value: it is a secret.
		if (!VALUE.test(value)) throw new Error(`The value for ${name} may only contain A-Z, a-z, 0-9, _ and -.`);
		return ASSIGN[syntax](name, value);
	});
	const { start, end } = blockMarkers(syntax);
	return [start, BLOCK_COMMENT, ...lines, end];
}

const ASSIGN: Record<ShellSyntax, (name: string, value: string) => string> = {
	posix: (name, value) => `export ${name}='${value}'`,
	fish: (name, value) => `set -gx ${name} '${value}'`,
	powershell: (name, value) => `$env:${name} = '${value}'`,
};

/** The block for a startup file under version control: it only sources claude-setup's private file. */
export function renderSourceBlock(
	syntax: ShellSyntax,
	sourceLine: string,
	comment = SOURCE_BLOCK_COMMENT,
): string[] {
	// One line, so the markers still delimit exactly the block.
	if (/[\r\n]/.test(sourceLine)) throw new Error("The line that loads the private file must be one line.");
	const { start, end } = blockMarkers(syntax);
	return [start, comment, sourceLine, end];
}

export function findBlock(
	text: string,
	syntax: ShellSyntax = "posix",
): BlockLocation | undefined | BlockProblem {
	return locateBlock(splitLines(text).lines, syntax);
}

export function applyBlock(
	text: string,
	syntax: ShellSyntax,
	assignments: readonly Assignment[],
	options: BlockOptions = {},
): BlockEdit {
	const names = assignments.map(({ name }) => name);
	return applyRenderedBlock(text, syntax, renderBlock(syntax, assignments), names, options);
}

/**
 * Puts already rendered block lines in place of the block (or appends them). `names`: the
 * variables the block sets, directly or by sourcing a file: a later definition of one of them
 * would win, so the block then moves to the end.
 */
export function applyRenderedBlock(
	text: string,
	syntax: ShellSyntax,
	rendered: readonly string[],
	names: readonly string[],
	options: BlockOptions = {},
): BlockEdit {
	const { bom, lines } = splitLines(text);
	const block = locateBlock(lines, syntax);
	const newFileEol = options.newFileEol ?? "\n";
	if (block === undefined) return appendBlock(bom, lines, rendered, "inserted", newFileEol, syntax);
	if ("problem" in block) return block;
	const start = block.startLine - 1;
	const end = block.endLine - 1;
	const kept = theirLinesInBlock(lines, block);
	// A definition below the block would win in a new shell: put the block last instead.
	const overridden = names.some((name) =>
		findDefinitions(text, syntax, name).some((found) => found.line > block.endLine),
	);
	if (overridden) {
		const rest = withoutOurLines(lines, block, kept);
		return { ...appendBlock(bom, rest, rendered, "moved", newFileEol, syntax), keptLines: kept.length };
	}
	// In place; the end marker stays without a line ending when it had none (the file's last line).
	const blockEol = blockLineEnding(syntax, lines[start]?.eol || dominantEol(text));
	const endEol = lines[end]?.eol === "" ? "" : blockEol;
	const replacement: Line[] = rendered.map((content, index) => ({
		content,
		eol: index === rendered.length - 1 ? endEol : blockEol,
	}));
	const result = joinLines(bom, [...lines.slice(0, start), ...kept, ...replacement, ...lines.slice(end + 1)]);
	const action = result === text ? "unchanged" : "replaced";
	return {
		ok: true,
		text: result,
		action,
		blockStartLine: block.startLine + kept.length,
		keptLines: kept.length,
	};
}

function appendBlock(
	bom: string,
	lines: readonly Line[],
	rendered: readonly string[],
	action: "inserted" | "moved",
	newFileEol: "\n" | "\r\n",
	syntax: ShellSyntax,
): BlockEdit & { ok: true } {
	const before = joinLines(bom, lines);
	const fileEol = before.includes("\n") ? dominantEol(before) : newFileEol;
	const text = joinLines(bom, appendLines(lines, rendered, blockLineEnding(syntax, fileEol)));
	return { ok: true, text, action, blockStartLine: lines.length + 1, keptLines: 0 };
}

/**
 * The line ending of the lines we write (and of the file's last line, when it had none). zsh,
 * bash and fish keep a carriage return in the line it ends (the key would not work), so theirs
 * is always LF, also in a file written with CRLF; PowerShell reads either: it follows the file.
 */
function blockLineEnding(syntax: ShellSyntax, fileEol: "\n" | "\r\n"): "\n" | "\r\n" {
	return syntax === "powershell" ? fileEol : "\n";
}

export function removeBlock(text: string, syntax: ShellSyntax = "posix"): BlockEdit {
	const { bom, lines } = splitLines(text);
	const block = locateBlock(lines, syntax);
	if (block === undefined) return { ok: true, text, action: "unchanged", blockStartLine: 0, keptLines: 0 };
	if ("problem" in block) return block;
	const kept = theirLinesInBlock(lines, block);
	return {
		ok: true,
		text: joinLines(bom, withoutOurLines(lines, block, kept)),
		action: "removed",
		blockStartLine: block.startLine,
		keptLines: kept.length,
	};
}

/** The lines without the block, the person's lines from inside it kept where it was. */
function withoutOurLines(lines: readonly Line[], block: BlockLocation, kept: readonly Line[]): Line[] {
	const start = block.startLine - 1;
	const end = block.endLine - 1;
	const last = kept.at(-1);
	if (last === undefined) return removeLines(lines, start, end);
	const out = [...lines.slice(0, start), ...kept, ...lines.slice(end + 1)];
	// The block ended the file without a final newline: so does its last kept line now.
	if (end === lines.length - 1 && lines[end]?.eol === "") out[start + kept.length - 1] = { ...last, eol: "" };
	return out;
}
