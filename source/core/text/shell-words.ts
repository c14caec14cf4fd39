// Just enough shell lexing to find variable definitions on one line of a startup file:
// hide quoted text and comments, and read one word's value with its quotes removed.

/** The three syntaxes of the files we edit: sh-like (zsh, bash), fish, and PowerShell. */
export type ShellSyntax = "posix" | "fish" | "powershell";

const WORD_START_AFTER = /[\s;&|()]/;

/**
 * The line with the same length, where everything inside quotes becomes "_" and a
 * comment becomes spaces, so separators and `#` inside strings are not mistaken for code.
 */
export function maskShellLine(line: string, syntax: ShellSyntax): string {
	let out = "";
	let quote: string | undefined;
	for (let i = 0; i < line.length; i++) {
		const char = line[i] ?? "";
		if (quote !== undefined) {
			const escapes = quote === '"' || syntax === "fish";
			if (char === "\\" && escapes && i + 1 < line.length) {
				out += "__";
				i++;
			} else if (char === quote) {
				quote = undefined;
				out += char;
			} else {
				out += "_";
			}
		} else if (char === "\\" && i + 1 < line.length) {
			out += "__";
			i++;
		} else if (char === "'" || char === '"') {
			quote = char;
			out += char;
		} else if (char === "#" && (i === 0 || WORD_START_AFTER.test(line[i - 1] ?? ""))) {
			return out + " ".repeat(line.length - i);
		} else {
			out += char;
		}
	}
	return out;
}

const POSIX_WORD_END = /[\s;&|()<>]/;
const FISH_WORD_END = /[\s;&|<>]/;

/** Read one shell word starting at `start`; returns its value without quotes and where it ends. */
export function readShellWord(
	line: string,
	start: number,
	syntax: ShellSyntax,
): { value: string; end: number } {
	const wordEnd = syntax === "fish" ? FISH_WORD_END : POSIX_WORD_END;
	let value = "";
	let i = start;
	while (i < line.length) {
		const char = line[i] ?? "";
		if (wordEnd.test(char)) break;
		if (char === "'" || char === '"' || (char === "`" && syntax === "posix")) {
			const closed = readQuoted(line, i, syntax);
			value += closed.value;
			i = closed.end;
		} else if (char === "\\" && i + 1 < line.length) {
			value += line[i + 1];
			i += 2;
		} else if (char === "(" || (char === "$" && line[i + 1] === "(")) {
			const end = matchingParen(line, line.indexOf("(", i));
			value += line.slice(i, end);
			i = end;
		} else {
			value += char;
			i++;
		}
	}
	return { value, end: i };
}

const ESCAPABLE_IN_QUOTES: Record<string, string> = {
	'posix"': '"\\$`',
	'fish"': '"\\$',
	"fish'": "'\\",
};

function readQuoted(line: string, open: number, syntax: ShellSyntax): { value: string; end: number } {
	const quote = line[open] ?? "";
	// Inside quotes a backslash escapes only these characters; before any other it stays.
	const escapable = ESCAPABLE_IN_QUOTES[`${syntax}${quote}`] ?? "";
	let value = "";
	let i = open + 1;
	while (i < line.length && line[i] !== quote) {
		const next = line[i + 1] ?? "";
		if (line[i] === "\\" && next !== "" && escapable.includes(next)) {
			value += next;
			i += 2;
		} else {
			value += line[i];
			i++;
		}
	}
	return { value, end: Math.min(i + 1, line.length) };
}

function matchingParen(line: string, open: number): number {
	let depth = 0;
	for (let i = open; i < line.length; i++) {
		if (line[i] === "(") depth++;
		if (line[i] === ")" && --depth === 0) return i + 1;
	}
	return line.length;
}
