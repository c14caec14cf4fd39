// Where a PowerShell profile sets an environment variable: `$env:NAME = …`,
// `[Environment]::SetEnvironmentVariable('NAME', …)` and `Set-Item env:NAME …`.
// Environment variable names are case-insensitive on Windows, and so is PowerShell.
import { maskPowerShellLines, readPowerShellWord } from "../text/powershell-words.js";

export interface PowerShellDefinition {
	readonly value: string;
	/** "$env:", "SetEnvironmentVariable User", "Set-Item"… */
	readonly syntax: string;
}

// A statement starts at the line start, after ; { } ( | & or after = (chained assignments).
const STATEMENT_START = String.raw`(?:^|[;{}(|&=])[ \t]*`;
const NAME_END = "(?![A-Za-z0-9_])";

/** The definitions on each line (one array per line), in the order they appear. */
export function powershellDefinitions(lines: readonly string[], name: string): PowerShellDefinition[][] {
	const masked = maskPowerShellLines(lines);
	return lines.map((content, index) => {
		const code = masked[index] ?? "";
		const found = [
			...envAssignments(content, code, name),
			...setEnvironmentVariable(content, code, name),
			...setItem(content, code, name),
		];
		return found.sort((a, b) => a.at - b.at).map(({ value, syntax }) => ({ value, syntax }));
	});
}

type Located = PowerShellDefinition & { at: number };

function envAssignments(content: string, code: string, name: string): Located[] {
	const pattern = new RegExp(
		`${STATEMENT_START}\\$(?:env:${name}${NAME_END}|\\{env:${name}\\})[ \\t]*=(?!=)[ \\t]*`,
		"gi",
	);
	return [...code.matchAll(pattern)].map((match) => ({
		at: match.index + match[0].indexOf("$"),
		value: readPowerShellWord(content, match.index + match[0].length).value,
		syntax: "$env:",
	}));
}

function setEnvironmentVariable(content: string, code: string, name: string): Located[] {
	// The name is inside quotes, which the mask hides: match the text, then check that it is code.
	const pattern = new RegExp(
		`\\[(?:System\\.)?Environment\\]::SetEnvironmentVariable\\([ \\t]*(['"])${name}\\1[ \\t]*,[ \\t]*`,
		"gi",
	);
	const found: Located[] = [];
	for (const match of content.matchAll(pattern)) {
		if (code[match.index] !== "[") continue;
		const value = readPowerShellWord(content, match.index + match[0].length);
		const rest = /^[ \t]*,[ \t]*/.exec(content.slice(value.end));
		const scope = rest ? readPowerShellWord(content, value.end + rest[0].length).value : "";
		// `'User'` or `[EnvironmentVariableTarget]::User`: the last word is the scope.
		const scopeName = /([A-Za-z]+)$/.exec(scope)?.[1];
		found.push({
			at: match.index,
			value: value.value,
			syntax: scopeName ? `SetEnvironmentVariable ${scopeName}` : "SetEnvironmentVariable",
		});
	}
	return found;
}

// Parameters of Set-Item / New-Item that take a value; any other is a switch (-Force…).
const VALUED_PARAMETERS = [
	"path",
	"literalpath",
	"value",
	"name",
	"itemtype",
	"filter",
	"include",
	"exclude",
];

function setItem(content: string, code: string, name: string): Located[] {
	const pattern = new RegExp(`${STATEMENT_START}(Set-Item|New-Item|si|ni)(?=[ \\t])`, "gi");
	const target = new RegExp(`^env:[\\\\/]?${name}$`, "i");
	const found: Located[] = [];
	for (const match of code.matchAll(pattern)) {
		const args = readArguments(content, code, match.index + match[0].length);
		const folder = args.path ?? args.positional[0] ?? "";
		const path = args.name === undefined ? folder : `${folder.replace(/[\\/]$/, "")}\\${args.name}`;
		if (!target.test(path)) continue;
		const command = (match[1] ?? "").toLowerCase().startsWith("n") ? "New-Item" : "Set-Item";
		const value = args.value ?? args.positional[args.path === undefined ? 1 : 0] ?? "";
		found.push({ at: match.index + match[0].length - (match[1] ?? "").length, value, syntax: command });
	}
	return found;
}

interface Arguments {
	path?: string;
	value?: string;
	name?: string;
	positional: string[];
}

function readArguments(content: string, code: string, start: number): Arguments {
	const args: Arguments = { positional: [] };
	let position = start;
	for (;;) {
		while (code[position] === " " || code[position] === "\t") position++;
		if (position >= code.length || /[;|}&)]/.test(code[position] ?? "")) return args;
		const parameter = /^-([A-Za-z]+)(:?)/.exec(code.slice(position));
		if (parameter) {
			position += parameter[0].length;
			const given = (parameter[1] ?? "").toLowerCase();
			const full = VALUED_PARAMETERS.find((candidate) => candidate.startsWith(given));
			if (full === undefined) continue;
			while (!parameter[2] && (code[position] === " " || code[position] === "\t")) position++;
			const word = readPowerShellWord(content, position);
			position = word.end;
			if (full === "path" || full === "literalpath") args.path = word.value;
			if (full === "value" || full === "name") args[full] = word.value;
			continue;
		}
		const word = readPowerShellWord(content, position);
		if (word.end === position) return args;
		args.positional.push(word.value);
		position = word.end;
	}
}
