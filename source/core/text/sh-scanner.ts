// Just enough of sh (bash, zsh) and fish to know, line by line, whether a line starts and ends
// outside every construct, string and heredoc, and whether it holds one statement. Unknown forms
// err towards "inside something": a line wrongly left is named to the person, a line wrongly
// commented out could break their shell.
import type { LineFacts } from "./line-facts.js";

type Frame =
	| { kind: "block"; closer: string }
	| { kind: "case"; pattern: boolean; seenIn: boolean }
	| { kind: "brace" | "param" | "backtick" | "squote" | "dquote" | "ansi" }
	| { kind: "paren"; arith: boolean };

type Syntax = "posix" | "fish";

const OPENERS: Record<Syntax, Readonly<Record<string, string>>> = {
	posix: { if: "fi", while: "done", until: "done", for: "done", select: "done", foreach: "end" },
	fish: { if: "end", while: "end", for: "end", function: "end", begin: "end", switch: "end" },
};
const CLOSERS = new Set(["fi", "done", "end", "esac"]);
// After these a command follows (`then export X=1`), so a reserved word may follow too.
const LEAD_INS: Record<Syntax, ReadonlySet<string>> = {
	posix: new Set(["then", "do", "else", "elif", "!", "time", "if", "while", "until"]),
	fish: new Set(["else", "and", "or", "not", "!", "command", "builtin", "time", "if", "while", "begin"]),
};
const STRINGS = new Set(["squote", "dquote", "ansi"]);
const WORD_STOP = /[\s;&|()<>'"`\\$]/;
const BOUNDARY = /[\s;&|()<>]/;

export function shLineFacts(lines: readonly string[], syntax: Syntax): LineFacts[] {
	const stack: Frame[] = [];
	const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
	let commandStart = true;
	let continued = false;
	return lines.map((line) => {
		if (heredocs.length > 0) {
			const { delimiter, stripTabs } = heredocs[0] ?? { delimiter: "", stripTabs: false };
			if ((stripTabs ? line.replace(/^\t+/, "") : line) === delimiter) heredocs.shift();
			const depth = stack.length;
			return textLine(depth);
		}
		return scanLine(line);
	});

	function textLine(depth: number): LineFacts {
		return {
			startsInText: true,
			endsInText: true,
			startDepth: depth,
			endDepth: depth,
			joinedBefore: false,
			joinedAfter: false,
			compound: false,
			blank: false,
		};
	}

	function scanLine(line: string): LineFacts {
		const inString = () => stack.some((frame) => STRINGS.has(frame.kind));
		const startsInText = inString();
		const startDepth = stack.length;
		if (!continued) commandStart = true;
		let compound = false;
		let semicolon = false;
		let sawCode = false;
		let trailing: "operator" | "backslash" | undefined;
		let joinedBefore = false;
		let firstWord = true;
		let wordStart = true;
		let afterElse = false;
		let functionName = false;
		const atTop = () => stack.length === 0;
		const code = () => {
			sawCode = true;
			trailing = undefined;
			if (semicolon && atTop()) compound = true;
		};
		let i = 0;
		while (i < line.length) {
			const char = line[i] ?? "";
			const next = line[i + 1] ?? "";
			const top = stack.at(-1);
			if (top?.kind === "squote") {
				if (char === "\\" && syntax === "fish" && (next === "'" || next === "\\")) i++;
				else if (char === "'") stack.pop();
				i++;
				continue;
			}
			if (top?.kind === "ansi" || top?.kind === "dquote") {
				if (char === "\\") i++;
				else if (char === (top.kind === "ansi" ? "'" : '"')) stack.pop();
				else if (top.kind === "dquote" && char === "$" && next === "(") {
					stack.push({ kind: "paren", arith: line[i + 2] === "(" });
					commandStart = true;
					wordStart = true;
					i++;
				} else if (top.kind === "dquote" && syntax === "posix" && char === "$" && next === "{") {
					stack.push({ kind: "param" });
					i++;
				} else if (top.kind === "dquote" && syntax === "posix" && char === "`")
					stack.push({ kind: "backtick" });
				i++;
				continue;
			}
			if (char === " " || char === "\t" || char === "\r") {
				wordStart = true;
				i++;
				continue;
			}
			if (char === "#" && wordStart) break;
			if (char === "\\" && i === line.length - 1) {
				trailing = "backslash";
				sawCode = true;
				break;
			}
			code();
			if (char === "\\") {
				i += 2;
				wordStart = false;
				commandStart = false;
				continue;
			}
			if (char === "'" || char === '"') {
				stack.push({ kind: char === "'" ? "squote" : "dquote" });
				wordStart = false;
				commandStart = false;
				i++;
				continue;
			}
			if (syntax === "posix" && char === "`") {
				if (top?.kind === "backtick") stack.pop();
				else stack.push({ kind: "backtick" });
				i++;
				continue;
			}
			if (char === "$" && next === "(") {
				stack.push({ kind: "paren", arith: line[i + 2] === "(" });
				commandStart = true;
				wordStart = true;
				i += 2;
				continue;
			}
			if (syntax === "posix" && char === "$" && (next === "{" || next === "'")) {
				stack.push({ kind: next === "{" ? "param" : "ansi" });
				i += 2;
				continue;
			}
			if (char === "}" && top?.kind === "param") {
				stack.pop();
				i++;
				continue;
			}
			if (char === ";" || char === "&" || char === "|") {
				i += operator(line, i, top);
				wordStart = true;
				continue;
			}
			if (char === "<" || char === ">") {
				i += redirection(line, i);
				wordStart = true;
				continue;
			}
			if (char === "(") {
				if (top?.kind === "case" && top.pattern) {
					i++;
					continue;
				}
				// A subshell or `f()` is a construct; `$(…)`, fish's `(…)` and `*(.)` are parts of a word.
				if (atTop() && syntax === "posix" && wordStart) compound = true;
				stack.push({ kind: "paren", arith: next === "(" || (top?.kind === "paren" && top.arith) });
				commandStart = true;
				wordStart = true;
				i++;
				continue;
			}
			if (char === ")") {
				if (top?.kind === "paren") stack.pop();
				else if (top?.kind === "case" && top.pattern) top.pattern = false;
				commandStart = true;
				wordStart = true;
				i++;
				continue;
			}
			// A plain word.
			let end = i;
			while (end < line.length && !WORD_STOP.test(line[end] ?? "")) end++;
			if (end === i) end++;
			const word = line.slice(i, end);
			const whole = wordStart && (end >= line.length || BOUNDARY.test(line[end] ?? ""));
			const lead = firstWord;
			firstWord = false;
			i = end;
			wordStart = false;
			if (!whole) {
				commandStart = false;
				continue;
			}
			if (syntax === "fish" && lead && (word === "and" || word === "or") && atTop()) joinedBefore = true;
			const wasCommandStart = commandStart;
			commandStart = false;
			if (functionName) {
				functionName = false;
				commandStart = true;
				continue;
			}
			const caseFrame = top?.kind === "case" ? top : undefined;
			if (caseFrame && !caseFrame.seenIn && word === "in") {
				caseFrame.seenIn = true;
				caseFrame.pattern = true;
				continue;
			}
			if (caseFrame?.pattern && word !== "esac") continue;
			if (!wasCommandStart && !(caseFrame && word === "esac")) continue;
			const reserved = reservedWord(word, afterElse);
			afterElse = word === "else";
			if (reserved === undefined) continue;
			// A construct opened here goes on below (endDepth says so); one closed here shares the line.
			if (reserved.closes) compound = true;
			commandStart = reserved.leadsIn;
			functionName = reserved.functionName;
		}
		const endsInText = inString() || heredocs.length > 0;
		continued = trailing === "backslash" || inString();
		return {
			startsInText,
			endsInText,
			startDepth,
			endDepth: stack.length,
			joinedBefore,
			joinedAfter: trailing !== undefined,
			compound,
			blank: !sawCode && !startsInText && !endsInText,
		};

		function operator(text: string, at: number, top: Frame | undefined): number {
			const pair = text.slice(at, at + 2);
			const caseFrame = top?.kind === "case" ? top : undefined;
			if (caseFrame?.pattern && text[at] === "|") return 1;
			if (syntax === "posix" && caseFrame && (pair === ";;" || pair === ";&")) {
				caseFrame.pattern = true;
				return text.slice(at, at + 3) === ";;&" ? 3 : 2;
			}
			if (pair === "&>") return 2;
			commandStart = true;
			if (text[at] === ";") {
				if (atTop()) semicolon = true;
				return 1;
			}
			if (atTop()) compound = true;
			sawCode = true;
			// A lone `&` ends its command (in the background); the others join it to the next one.
			const joins = pair === "&&" || pair === "||" || pair === "|&" || pair === "&|";
			if (joins || text[at] === "|") trailing = "operator";
			return joins ? 2 : 1;
		}

		function redirection(text: string, at: number): number {
			const rest = text.slice(at);
			if (syntax === "posix" && (rest.startsWith("<(") || rest.startsWith(">("))) {
				stack.push({ kind: "paren", arith: false });
				commandStart = true;
				return 2;
			}
			const inArithmetic = stack.some((frame) => frame.kind === "paren" && frame.arith);
			if (syntax === "posix" && rest.startsWith("<<") && !rest.startsWith("<<<") && !inArithmetic) {
				const stripTabs = rest[2] === "-";
				const opener = stripTabs ? 3 : 2;
				const word = /^[ \t]*([^\s;&|()<>]+)/.exec(rest.slice(opener));
				if (word?.[1]) heredocs.push({ delimiter: word[1].replace(/['"\\]/g, ""), stripTabs });
				return opener + (word?.[0].length ?? 0);
			}
			const operatorLength = /^[<>]+[&|!?]?-?/.exec(rest)?.[0].length ?? 1;
			return operatorLength;
		}

		function reservedWord(word: string, afterElseWord: boolean) {
			const leadsIn = LEAD_INS[syntax].has(word);
			const closer = OPENERS[syntax][word];
			// fish's `else if` continues the if that is open; it opens nothing.
			if (closer !== undefined && !(syntax === "fish" && word === "if" && afterElseWord)) {
				stack.push({ kind: "block", closer });
				return { opens: true, closes: false, leadsIn, functionName: false };
			}
			if (syntax === "posix" && word === "case") {
				stack.push({ kind: "case", pattern: false, seenIn: false });
				return { opens: true, closes: false, leadsIn: false, functionName: false };
			}
			if (syntax === "posix" && word === "{") {
				stack.push({ kind: "brace" });
				return { opens: true, closes: false, leadsIn: true, functionName: false };
			}
			if (syntax === "posix" && word === "}") return close("brace");
			if (CLOSERS.has(word)) return close(word === "esac" ? "case" : word);
			if (syntax === "posix" && word === "function")
				return { opens: false, closes: false, leadsIn: false, functionName: true };
			if (leadsIn) return { opens: false, closes: false, leadsIn, functionName: false };
			return undefined;
		}

		/** Closes the innermost frame this word closes; a stray closer changes nothing. */
		function close(what: string) {
			let index = stack.length - 1;
			while (index >= 0 && !closes(stack[index], what)) index--;
			if (index === -1) return undefined;
			stack.length = index;
			return { opens: false, closes: true, leadsIn: false, functionName: false };
		}
	}
}

function closes(frame: Frame | undefined, what: string): boolean {
	return frame?.kind === "block" ? frame.closer === what : frame?.kind === what;
}
