// Just enough PowerShell lexing to find variable definitions in a profile: hide strings
// and comments (block comments and here-strings span lines), and read one value.

type State = "code" | "single" | "double" | "here-single" | "here-double" | "block-comment";

// `#` starts a comment at the start of a token, not inside a word like `a#b`.
const TOKEN_START_AFTER = /[\s;|&(){},=]/;

/**
 * Each line with the same length, where string contents become "_" (the quotes stay) and
 * comments become spaces, so `;`, `#` and `$env:` inside strings are not taken for code.
 */
export function maskPowerShellLines(lines: readonly string[]): string[] {
	return lexPowerShellLines(lines).masked;
}

/** The masked lines, and for each line (and the end) whether it starts in code. */
export function lexPowerShellLines(lines: readonly string[]): { masked: string[]; codeAtStart: boolean[] } {
	let state: State = "code";
	const codeAtStart: boolean[] = [];
	const masked = lines.map((line) => {
		codeAtStart.push(state === "code");
		return maskLine(line);
	});
	codeAtStart.push(state === "code");
	return { masked, codeAtStart };

	function maskLine(line: string): string {
		let out = "";
		if (state === "here-single" || state === "here-double") {
			const closer = state === "here-single" ? "'@" : '"@';
			if (!line.startsWith(closer)) return "_".repeat(line.length);
			state = "code";
			out = closer;
		}
		for (let i = out.length; i < line.length; i++) {
			const char = line[i] ?? "";
			const next = line[i + 1] ?? "";
			if (state === "block-comment") {
				if (char === "#" && next === ">") {
					state = "code";
					out += "  ";
					i++;
				} else out += " ";
			} else if (state === "single") {
				if (char === "'" && next === "'") {
					out += "__";
					i++;
				} else if (char === "'") {
					state = "code";
					out += char;
				} else out += "_";
			} else if (state === "double") {
				if ((char === "`" || (char === '"' && next === '"')) && i + 1 < line.length) {
					out += "__";
					i++;
				} else if (char === '"') {
					state = "code";
					out += char;
				} else out += "_";
			} else if (char === "<" && next === "#") {
				state = "block-comment";
				out += "  ";
				i++;
			} else if (char === "#" && (i === 0 || TOKEN_START_AFTER.test(line[i - 1] ?? ""))) {
				return out + " ".repeat(line.length - i);
			} else if (char === "@" && (next === "'" || next === '"') && line.slice(i + 2).trim() === "") {
				// A here-string runs until a line that starts with '@ or "@.
				state = next === "'" ? "here-single" : "here-double";
				return out + char + next + "_".repeat(line.length - i - 2);
			} else if (char === "'" || char === '"') {
				state = char === "'" ? "single" : "double";
				out += char;
			} else if (char === "`" && i + 1 < line.length) {
				out += "__";
				i++;
			} else out += char;
		}
		return out;
	}
}

// A bare value ends at whitespace or at anything that ends an argument.
const WORD_END = /[\s;,)|}]/;

/** Read one value starting at `start`: quotes removed, '' and backtick escapes undone. */
export function readPowerShellWord(line: string, start: number): { value: string; end: number } {
	let value = "";
	let i = start;
	while (i < line.length) {
		const char = line[i] ?? "";
		if (WORD_END.test(char)) break;
		if (char === "'" || char === '"') {
			let j = i + 1;
			for (; j < line.length; j++) {
				const inner = line[j] ?? "";
				const next = line[j + 1] ?? "";
				if (inner === char && next === char) {
					value += char;
					j++;
				} else if (inner === char) break;
				else if (inner === "`" && char === '"' && next !== "") {
					value += next;
					j++;
				} else value += inner;
			}
			i = Math.min(j + 1, line.length);
		} else if (char === "`" && i + 1 < line.length) {
			value += line[i + 1];
			i += 2;
		} else {
			value += char;
			i++;
		}
	}
	return { value, end: i };
}

// PowerShell takes the typographic single quotes (‘ ’ ‚ ‛) for `'` too; each is escaped by doubling.
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A single-quoted PowerShell string that means exactly `text`: nothing in it is expanded. */
export function quotePowerShellLiteral(text: string): string {
	return `'${text.replace(SINGLE_QUOTES, "$&$&")}'`;
}
