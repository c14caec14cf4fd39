// What shell-statements.ts needs to know about each line of a PowerShell profile: where strings,
// here-strings and block comments begin and end (lexPowerShellLines), how deep in brackets each
// line starts and ends, and what joins a line to its neighbours.
import type { LineFacts } from "./line-facts.js";
import { lexPowerShellLines } from "./powershell-words.js";

// Keywords that open a construct or belong to one: a line starting with one is not a plain statement.
const CONSTRUCT =
	/^(?:if|elseif|else|foreach|for|while|do|until|switch|function|filter|workflow|try|catch|finally|trap|param|begin|process|end|class|enum|data)(?![\w-])/i;
// An operator at the end of a line makes PowerShell read the next line as its operand.
const JOINS_NEXT =
	/(?:`|\||&&|\|\||,|=|\+|-(?:and|or|xor|band|bor|bxor|join|split|replace|f|eq|ne|gt|ge|lt|le|like|match|contains|in))$/i;

export function powershellLineFacts(lines: readonly string[]): LineFacts[] {
	const { masked, codeAtStart } = lexPowerShellLines(lines);
	let depth = 0;
	return masked.map((code, index) => {
		const startDepth = depth;
		let compound = false;
		let semicolon = false;
		for (const [position, char] of [...code].entries()) {
			const atTop = depth === 0;
			if (char === "(" || char === "[" || char === "{") {
				// A script block opened at the top is a construct (`if (…) {`, `& {`); brackets are values.
				if (char === "{" && atTop) compound = true;
				depth++;
			} else if (char === ")" || char === "]" || char === "}") {
				depth = Math.max(0, depth - 1);
				if (char === "}" && depth === 0) compound = true;
			} else if (atTop && char === ";") semicolon = true;
			else if (atTop && (char === "|" || (char === "&" && code[position + 1] === "&"))) compound = true;
			else if (semicolon && atTop && char.trim() !== "") compound = true;
		}
		const trimmed = code.trim();
		return {
			startsInText: codeAtStart[index] === false,
			endsInText: codeAtStart[index + 1] === false,
			startDepth,
			endDepth: depth,
			joinedBefore: trimmed.startsWith("|"),
			joinedAfter: JOINS_NEXT.test(trimmed),
			compound: compound || CONSTRUCT.test(trimmed),
			blank: trimmed === "" && codeAtStart[index] !== false && codeAtStart[index + 1] !== false,
		};
	});
}
