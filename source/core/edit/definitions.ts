// Every place a file defines a variable, so callers can warn about definitions that
// disagree with ours and make sure ours comes last (a later definition wins).

import { type Line, splitLines } from "../text/line-endings.js";
import type { ShellSyntax } from "../text/shell-words.js";
import { maskShellLine, readShellWord } from "../text/shell-words.js";
import { blockMembership } from "./block-markers.js";
import { scanDotenv } from "./dotenv-scan.js";
import { powershellDefinitions } from "./powershell-definitions.js";

export interface Definition {
	/** 1-based line number. */
	readonly line: number;
	/** The value with quotes removed; for comparing and masking, never to print. */
	readonly value: string;
	/** How it was written: "assignment", "export", "declare -x", "set -gx", "dotenv", "$env:"… */
	readonly syntax: string;
	readonly insideOurBlock: boolean;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function findDefinitions(text: string, syntax: ShellSyntax | "dotenv", name: string): Definition[] {
	if (!VARIABLE_NAME.test(name)) throw new Error(`Not a variable name: ${JSON.stringify(name)}`);
	const { lines } = splitLines(text);
	const inBlock = blockMembership(lines, syntax === "dotenv" ? "posix" : syntax);
	if (syntax === "dotenv") {
		return scanDotenv(lines)
			.filter((entry) => entry.name === name)
			.map((entry) => ({
				line: entry.firstLine + 1,
				value: entry.value,
				syntax: "dotenv",
				insideOurBlock: inBlock[entry.firstLine] ?? false,
			}));
	}
	// PowerShell strings and comments span lines, so its lines are read all at once.
	const contents = lines.map((line: Line) => line.content);
	const findOnLine = syntax === "fish" ? fishDefinitions : posixDefinitions;
	const perLine =
		syntax === "powershell"
			? powershellDefinitions(contents, name)
			: contents.map((content) => findOnLine(content, name));
	return perLine.flatMap((onLine, index) =>
		onLine.map((found) => ({
			line: index + 1,
			...found,
			insideOurBlock: inBlock[index] ?? false,
		})),
	);
}

type Found = { value: string; syntax: string };

// A definition starts a command: at the line start or after ; & | ( { then do else.
const POSIX_COMMAND_START = String.raw`(?:^|[;&|({]|\b(?:then|do|else)\b)[ \t]*`;

function posixDefinitions(content: string, name: string): Found[] {
	const masked = maskShellLine(content, "posix");
	const pattern = new RegExp(
		`${POSIX_COMMAND_START}(?:(export|declare|typeset)((?:[ \\t]+-[A-Za-z]+)*)(?:[ \\t]+--)?[ \\t]+)?${name}=`,
		"g",
	);
	const found: Found[] = [];
	for (const match of masked.matchAll(pattern)) {
		const { value, end } = readShellWord(content, match.index + match[0].length, "posix");
		const [, keyword, flags = ""] = match;
		// `NAME=v command` only sets NAME for that one command.
		if (keyword === undefined && runsCommand(masked.slice(end))) continue;
		const words = [keyword ?? "assignment", ...flags.trim().split(/\s+/)];
		found.push({
			value,
			syntax: words.filter((word) => word !== "").join(" "),
		});
	}
	return found;
}

function runsCommand(rest: string): boolean {
	return /^[ \t]+[^\s;&|)}]/.test(rest) && !/^[ \t]+[A-Za-z_][A-Za-z0-9_]*=/.test(rest);
}

const FISH_COMMAND_START = String.raw`(?:^|[;&|]|\b(?:and|or|not|begin|if|while)\b)[ \t]*`;
// Flags that make `set` query, erase or list instead of define.
const FISH_NOT_DEFINING = /^-[a-zA-Z]*[eqSn]|^--(?:erase|query|show|names)$/;

function fishDefinitions(content: string, name: string): Found[] {
	const masked = maskShellLine(content, "fish");
	const pattern = new RegExp(
		`${FISH_COMMAND_START}set((?:[ \\t]+-[A-Za-z]+|[ \\t]+--[a-z-]*)*)[ \\t]+${name}(?=[\\s;&|]|$)`,
		"g",
	);
	const found: Found[] = [];
	for (const match of masked.matchAll(pattern)) {
		const flags = (match[1] ?? "")
			.trim()
			.split(/\s+/)
			.filter((flag) => flag !== "" && flag !== "--");
		if (flags.some((flag) => FISH_NOT_DEFINING.test(flag))) continue;
		const values: string[] = [];
		let position = match.index + match[0].length;
		for (;;) {
			while (masked[position] === " " || masked[position] === "\t") position++;
			if (position >= masked.length || /[;&|]/.test(masked[position] ?? "")) break;
			const word = readShellWord(content, position, "fish");
			if (word.end === position) break;
			values.push(word.value);
			position = word.end;
		}
		found.push({
			value: values.join(" "),
			syntax: ["set", ...flags].join(" "),
		});
	}
	return found;
}
