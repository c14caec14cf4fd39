// One line of text laid out in a width: breaks at spaces only, with a hanging indent.
import { displayWidth } from "./width.js";

export interface WrapOptions {
	/** Columns available, the prefixes included. */
	readonly width: number;
	/** Put before the first line (a marker such as "  ✓ "); the text's own start by default. */
	readonly first?: string;
	/** Put before every following line; spaces as wide as `first` by default (a hanging indent). */
	readonly rest?: string;
	/**
	 * A word too wide for an indented line starts at the left edge instead ("flush"), where it may
	 * still fit: for screens that must break what does not fit, unlike a terminal's soft wrap.
	 */
	readonly overlong?: "hang" | "flush";
}

/**
 * A marker that starts a line: spaces, then one symbol the product uses for a list item or a
 * verdict, then a space. Its width is where wrapped lines continue.
 */
const MARKER = /^( *(?:[✓✗!•·→●↺+\-❯]|request-id:|backup:) )/u;

/** Where a line's continuation starts: under the text after its marker, or two columns in. */
export function hangingIndent(line: string): { first: string; rest: string } {
	const marked = MARKER.exec(line)?.[1];
	if (marked) return { first: marked, rest: " ".repeat(displayWidth(marked)) };
	const indent = /^ */.exec(line)?.[0] ?? "";
	return { first: indent, rest: `${indent}  ` };
}

/**
 * `text` as lines no wider than `width`. Runs of spaces inside a line are kept (status aligns
 * columns with them) except where the line breaks. A word wider than the room gets a line of its
 * own, whole: a path or a command broken in two no longer works when copied.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
	const first = options.first ?? "";
	const rest = options.rest ?? " ".repeat(displayWidth(first));
	const lines: string[] = [];
	let line = first;
	let lineWidth = displayWidth(first);
	let empty = true;
	for (const [, space = "", word = ""] of text.matchAll(/( *)((?:`[^`]*`|[^ ])+|$)/g)) {
		if (word === "") break;
		const wordWidth = displayWidth(word);
		const spaceWidth = empty ? 0 : space.length;
		if (!empty && lineWidth + spaceWidth + wordWidth > options.width) {
			lines.push(line);
			const flush = options.overlong === "flush" && displayWidth(rest) + wordWidth > options.width;
			line = flush ? "" : rest;
			lineWidth = displayWidth(line);
			empty = true;
		}
		if (!empty) line += space;
		line += word;
		lineWidth += spaceWidth + wordWidth;
		empty = false;
	}
	lines.push(line);
	return lines;
}

/** A block of lines, each wrapped under its own marker; blank lines stay. */
export function wrapLines(lines: readonly string[], width: number): string[] {
	return lines
		.flatMap((line) => line.split("\n"))
		.flatMap((line) => {
			if (displayWidth(line) <= width) return [line];
			const { first, rest } = hangingIndent(line);
			return wrapText(line.slice(first.length), { width, first, rest });
		});
}
