// Find the definitions in a `.env` file line by line, with the rules motdotla/dotenv and
// Node's --env-file agree on: `export ` prefix, spaces around `=`, quotes stripped (a quoted
// value may span lines), `\n` expanded in double quotes, `#` ends an unquoted value.

import type { Line } from "../text/line-endings.js";

export interface DotenvEntry {
	readonly name: string;
	readonly value: string;
	/** 0-based index of the line with the name. */
	readonly firstLine: number;
	/** 0-based index of the last line the value spans (a quoted value can span several). */
	readonly lastLine: number;
}

const ENTRY = /^[ \t]*(?:export[ \t]+)?([\w.-]+)[ \t]*=[ \t]*(.*)$/s;
const QUOTES = ["'", '"', "`"];

export function scanDotenv(lines: readonly Line[]): DotenvEntry[] {
	const entries: DotenvEntry[] = [];
	for (let index = 0; index < lines.length; index++) {
		const match = ENTRY.exec(lines[index]?.content ?? "");
		if (!match) continue;
		const [, name = "", rest = ""] = match;
		const { value, lastLine } = readValue(lines, index, rest);
		entries.push({ name, value, firstLine: index, lastLine });
		index = lastLine;
	}
	return entries;
}

function readValue(lines: readonly Line[], index: number, rest: string): { value: string; lastLine: number } {
	const quote = rest[0] ?? "";
	if (QUOTES.includes(quote)) {
		const close = rest.indexOf(quote, 1);
		if (close !== -1) return { value: unquote(rest.slice(1, close), quote), lastLine: index };
		let value = rest.slice(1);
		for (let next = index + 1; next < lines.length; next++) {
			const content = lines[next]?.content ?? "";
			const end = content.indexOf(quote);
			if (end !== -1) {
				return {
					value: unquote(`${value}\n${content.slice(0, end)}`, quote),
					lastLine: next,
				};
			}
			value += `\n${content}`;
		}
		// Never closed: both loaders fall back to reading the line as an unquoted value.
	}
	const hash = rest.indexOf("#");
	return {
		value: (hash === -1 ? rest : rest.slice(0, hash)).trim(),
		lastLine: index,
	};
}

function unquote(inner: string, quote: string): string {
	return quote === '"' ? inner.replaceAll("\\n", "\n") : inner;
}
