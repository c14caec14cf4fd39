// Read and edit `.env` files: one `NAME=value` line that every loader reads, with every
// other byte of the file (BOM, CRLF, a missing final newline) left as it was.

import {
	appendLines,
	dominantEol,
	joinLines,
	type Line,
	removeLines,
	splitLines,
} from "../text/line-endings.js";
import { type DotenvEntry, scanDotenv } from "./dotenv-scan.js";

export interface DotenvEdit {
	readonly text: string;
	readonly action: "inserted" | "replaced" | "unchanged";
	/** 1-based line of `NAME=value` in the result. */
	readonly line: number;
}

export interface DotenvRemoval {
	readonly text: string;
	readonly action: "removed" | "unchanged";
	/** How many definitions were removed. */
	readonly count: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const VALUE = /^[A-Za-z0-9_-]+$/;

/** name → value; the last definition wins, as in motdotla/dotenv and Node's --env-file. */
export function parseDotenv(text: string): Map<string, string> {
	const values = new Map<string, string>();
	for (const entry of scanDotenv(splitLines(text).lines)) values.set(entry.name, entry.value);
	return values;
}

/**
 * Write `NAME=value`: replace the first definition in place and delete later ones (they
 * would win), or append when there is none.
 */
export function setDotenvVar(text: string, name: string, value: string): DotenvEdit {
	if (!NAME.test(name)) throw new Error(`Not a variable name: ${JSON.stringify(name)}`);
	// Never echo the value: it is a secret.
	if (!VALUE.test(value)) throw new Error(`The value for ${name} may only contain A-Z, a-z, 0-9, _ and -.`);
	const written = `${name}=${value}`;
	const { bom, lines } = splitLines(text);
	const [first, ...later] = definitionsOf(lines, name);
	if (first === undefined) {
		const appended = appendLines(lines, [written], dominantEol(text));
		return {
			text: joinLines(bom, appended),
			action: "inserted",
			line: lines.length + 1,
		};
	}
	const kept = withoutEntries(lines, later);
	const eol = kept[first.lastLine]?.eol ?? "";
	kept.splice(first.firstLine, first.lastLine - first.firstLine + 1, {
		content: written,
		eol,
	});
	const result = joinLines(bom, kept);
	return {
		text: result,
		action: result === text ? "unchanged" : "replaced",
		line: first.firstLine + 1,
	};
}

/** Delete every definition of `name`. */
export function removeDotenvVar(text: string, name: string): DotenvRemoval {
	const { bom, lines } = splitLines(text);
	const entries = definitionsOf(lines, name);
	if (entries.length === 0) return { text, action: "unchanged", count: 0 };
	return {
		text: joinLines(bom, withoutEntries(lines, entries)),
		action: "removed",
		count: entries.length,
	};
}

function definitionsOf(lines: readonly Line[], name: string): DotenvEntry[] {
	return scanDotenv(lines).filter((entry) => entry.name === name);
}

function withoutEntries(lines: readonly Line[], entries: readonly DotenvEntry[]): Line[] {
	let kept = [...lines];
	// From the bottom up, so earlier line indexes stay valid.
	for (const entry of [...entries].reverse()) kept = removeLines(kept, entry.firstLine, entry.lastLine);
	return kept;
}
