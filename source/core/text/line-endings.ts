// Split text into lines that remember their own terminators, so an edit can change some
// lines and join the rest back byte for byte (CRLF, LF, no final newline, BOM).

export type Eol = "\n" | "\r\n" | "";

export interface Line {
	/** The line without its terminator (and without the BOM on the first line). */
	readonly content: string;
	readonly eol: Eol;
}

export interface SplitText {
	/** A leading byte-order mark, as U+FEFF or as its UTF-8 bytes read as latin1; else "". */
	readonly bom: string;
	readonly lines: readonly Line[];
}

const BOMS = ["\uFEFF", "\xEF\xBB\xBF"];

export function splitLines(text: string): SplitText {
	const bom = BOMS.find((mark) => text.startsWith(mark)) ?? "";
	const body = text.slice(bom.length);
	const lines: Line[] = [];
	let start = 0;
	while (start < body.length) {
		const newline = body.indexOf("\n", start);
		if (newline === -1) {
			lines.push({ content: body.slice(start), eol: "" });
			break;
		}
		const crlf = newline > start && body[newline - 1] === "\r";
		lines.push({
			content: body.slice(start, crlf ? newline - 1 : newline),
			eol: crlf ? "\r\n" : "\n",
		});
		start = newline + 1;
	}
	return { bom, lines };
}

export function joinLines(bom: string, lines: readonly Line[]): string {
	return bom + lines.map((line) => line.content + line.eol).join("");
}

/** The line ending new lines should use: CRLF when the file's first line break is CRLF. */
export function dominantEol(text: string): "\n" | "\r\n" {
	const newline = text.indexOf("\n");
	return newline > 0 && text[newline - 1] === "\r" ? "\r\n" : "\n";
}

/**
 * Add lines at the end. When the text has no final newline, it gets a line break before
 * the new lines and none after them, so removeLines() can restore the original exactly.
 */
export function appendLines(lines: readonly Line[], added: readonly string[], eol: "\n" | "\r\n"): Line[] {
	const out = [...lines];
	const last = out.at(-1);
	if (last === undefined || last.eol !== "") {
		for (const content of added) out.push({ content, eol });
		return out;
	}
	// A stray "\r" at the very end would merge with an added "\n" into one CRLF.
	const separator = last.content.endsWith("\r") ? "\r\n" : eol;
	out[out.length - 1] = { content: last.content, eol: separator };
	added.forEach((content, index) => {
		out.push({ content, eol: index === added.length - 1 ? "" : eol });
	});
	return out;
}

/**
 * Remove lines first..last (0-based, inclusive). When they end the text without a final
 * newline, the line break before them goes too, so the text keeps that style.
 */
export function removeLines(lines: readonly Line[], first: number, last: number): Line[] {
	const out = [...lines.slice(0, first), ...lines.slice(last + 1)];
	const before = out[first - 1];
	if (last === lines.length - 1 && lines[last]?.eol === "" && before !== undefined) {
		out[first - 1] = { content: before.content, eol: "" };
	}
	return out;
}
