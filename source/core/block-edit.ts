// claude-setup's marked block in a shell startup file: insert it, replace it in place,
// move it below later definitions, or remove it, changing no byte outside the block.

import {
	BLOCK_END,
	BLOCK_START,
	isBlockEnd,
	isBlockStart,
	type ShellSyntax,
} from "./block-markers.js";
import { findDefinitions } from "./definitions.js";
import {
	appendLines,
	dominantEol,
	joinLines,
	type Line,
	removeLines,
	splitLines,
} from "./line-endings.js";

export { BLOCK_END, BLOCK_START, type ShellSyntax };

export interface Assignment {
	readonly name: string;
	/** Only [A-Za-z0-9_-], so it is safe inside single quotes in every shell. */
	readonly value: string;
}

export type BlockProblem = {
	ok: false;
	problem: "unterminated" | "several-blocks" | "nested";
	/** 1-based line the problem was found at. */
	line: number;
	message: string;
};

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
	  }
	| BlockProblem;

/** 1-based lines of the start and end markers. */
export interface BlockLocation {
	readonly startLine: number;
	readonly endLine: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VALUE = /^[A-Za-z0-9_-]+$/;
const COMMENT =
	"# Added by claude-setup. Re-run `npx claude-setup` to change the key; delete this block to remove it.";

export function renderBlock(
	syntax: ShellSyntax,
	assignments: readonly Assignment[],
): string[] {
	const lines = assignments.map(({ name, value }) => {
		if (!NAME.test(name))
			throw new Error(`Not a variable name: ${JSON.stringify(name)}`);
		// Never echo the value: it is a secret.
		if (!VALUE.test(value))
			throw new Error(
				`The value for ${name} may only contain A-Z, a-z, 0-9, _ and -.`,
			);
		return syntax === "fish"
			? `set -gx ${name} '${value}'`
			: `export ${name}='${value}'`;
	});
	return [BLOCK_START, COMMENT, ...lines, BLOCK_END];
}

export function findBlock(
	text: string,
): BlockLocation | undefined | BlockProblem {
	return locateBlock(splitLines(text).lines);
}

export function applyBlock(
	text: string,
	syntax: ShellSyntax,
	assignments: readonly Assignment[],
): BlockEdit {
	const rendered = renderBlock(syntax, assignments);
	const { bom, lines } = splitLines(text);
	const eol = dominantEol(text);
	const block = locateBlock(lines);
	if (block !== undefined && "problem" in block) return block;
	if (block === undefined) {
		const appended = appendLines(lines, rendered, eol);
		return {
			ok: true,
			text: joinLines(bom, appended),
			action: "inserted",
			blockStartLine: lines.length + 1,
		};
	}
	const start = block.startLine - 1;
	const end = block.endLine - 1;
	// A definition below the block would win in a new shell: put the block last instead.
	const overridden = assignments.some(({ name }) =>
		findDefinitions(text, syntax, name).some(
			(definition) => definition.line > block.endLine,
		),
	);
	if (overridden) {
		const rest = removeLines(lines, start, end);
		const appended = appendLines(rest, rendered, eol);
		return {
			ok: true,
			text: joinLines(bom, appended),
			action: "moved",
			blockStartLine: rest.length + 1,
		};
	}
	const blockEol = lines[start]?.eol || eol;
	const replacement: Line[] = rendered.map((content, index) => ({
		content,
		eol:
			index === rendered.length - 1 ? (lines[end]?.eol ?? blockEol) : blockEol,
	}));
	const result = joinLines(bom, [
		...lines.slice(0, start),
		...replacement,
		...lines.slice(end + 1),
	]);
	const action = result === text ? "unchanged" : "replaced";
	return { ok: true, text: result, action, blockStartLine: block.startLine };
}

export function removeBlock(text: string): BlockEdit {
	const { bom, lines } = splitLines(text);
	const block = locateBlock(lines);
	if (block === undefined)
		return { ok: true, text, action: "unchanged", blockStartLine: 0 };
	if ("problem" in block) return block;
	const rest = removeLines(lines, block.startLine - 1, block.endLine - 1);
	return {
		ok: true,
		text: joinLines(bom, rest),
		action: "removed",
		blockStartLine: block.startLine,
	};
}

function locateBlock(
	lines: readonly Line[],
): BlockLocation | undefined | BlockProblem {
	let openedAt: number | undefined;
	let found: BlockLocation | undefined;
	for (const [index, { content }] of lines.entries()) {
		const lineNumber = index + 1;
		if (isBlockStart(content)) {
			if (openedAt !== undefined)
				return problem(
					"nested",
					lineNumber,
					nestedMessage(lineNumber, openedAt),
				);
			if (found !== undefined)
				return problem(
					"several-blocks",
					lineNumber,
					severalMessage(lineNumber, found),
				);
			openedAt = lineNumber;
		} else if (isBlockEnd(content)) {
			if (openedAt === undefined)
				return problem("unterminated", lineNumber, strayEndMessage(lineNumber));
			found = { startLine: openedAt, endLine: lineNumber };
			openedAt = undefined;
		}
	}
	if (openedAt !== undefined)
		return problem("unterminated", openedAt, unterminatedMessage(openedAt));
	return found;
}

function problem(
	kind: BlockProblem["problem"],
	line: number,
	message: string,
): BlockProblem {
	return {
		ok: false,
		problem: kind,
		line,
		message: `${message} Nothing was changed.`,
	};
}

const unterminatedMessage = (line: number) =>
	`Line ${line} starts a claude-setup block ("${BLOCK_START}") but no "${BLOCK_END}" line follows it. Add the end line after the block, or delete the start line, then run claude-setup again.`;
const strayEndMessage = (line: number) =>
	`Line ${line} ends a claude-setup block ("${BLOCK_END}") but no "${BLOCK_START}" line comes before it. Delete that line, or restore the start line, then run claude-setup again.`;
const severalMessage = (line: number, first: BlockLocation) =>
	`Line ${line} starts a second claude-setup block; the first is on lines ${first.startLine}-${first.endLine}. Delete one of them, then run claude-setup again.`;
const nestedMessage = (line: number, openedAt: number) =>
	`Line ${line} starts a claude-setup block inside the one that starts on line ${openedAt}, which has no end line before it. Fix the markers by hand, then run claude-setup again.`;
