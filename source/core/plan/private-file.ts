// Dotfiles under version control: the key goes in a 0600 file of claude-setup's own and the
// (tracked) startup file only sources it, so no commit or push carries the key and a rotation
// never touches the tracked file again.
import { locateBlock } from "../edit/block-markers.js";
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { splitLines } from "../text/line-endings.js";
import { quotePowerShellLiteral } from "../text/powershell-words.js";
import { stateDirectory } from "./manifest.js";
import type { TargetFile } from "./targets.js";

export type PrivateSyntax = "posix" | "fish" | "powershell";
const PRIVATE_SYNTAXES: readonly PrivateSyntax[] = ["posix", "fish", "powershell"];

/**
 * Startup files of macOS and Linux (sh, fish, pwsh's profile) source a file this way; a .env
 * never does. Not on Windows: its profiles live in Documents (OneDrive syncs, git rarely
 * tracks them) and only the simulated Windows could prove a sourced file there.
 */
export function canUsePrivateFile(file: TargetFile, system: System): boolean {
	return system.platform !== "win32" && file.syntax !== "dotenv";
}

const FILE_NAME: Record<PrivateSyntax, string> = { posix: "env.sh", fish: "env.fish", powershell: "env.ps1" };

/** `${XDG_STATE_HOME:-~/.local/state}/claude-setup/env.sh` (`env.fish`, `env.ps1`). */
export function privateFilePath(system: System, syntax: PrivateSyntax): string {
	return pathsFor(system.platform).join(stateDirectory(system), FILE_NAME[syntax]);
}

/** Every private key file: none of them is a target of its own. */
export function privateFilePaths(system: System): string[] {
	return PRIVATE_SYNTAXES.map((syntax) => privateFilePath(system, syntax));
}

// Inside double quotes: posix shells expand $ and `, fish only $; both take \ as an escape.
const DOUBLE_QUOTED: Record<Exclude<PrivateSyntax, "powershell">, RegExp> = {
	posix: /[\\"$`]/g,
	fish: /[\\"$]/g,
};

/** The path below $HOME ("/.local/state/…"), when the line may name it so; else undefined. */
function belowHome(path: string, system: System): string | undefined {
	const home = system.homeDir.replace(/\/+$/, "");
	// $HOME keeps the line right on every machine the dotfiles are checked out on.
	if (home === "" || system.env.HOME !== system.homeDir || !path.startsWith(`${home}/`)) return undefined;
	return path.slice(home.length);
}

function quoted(syntax: Exclude<PrivateSyntax, "powershell">, path: string, system: System): string {
	const rest = belowHome(path, system);
	if (rest !== undefined) return `"$HOME${rest.replace(DOUBLE_QUOTED[syntax], "\\$&")}"`;
	return syntax === "fish" ? `'${path.replace(/[\\']/g, "\\$&")}'` : `'${path.replace(/'/g, "'\\''")}'`;
}

/**
 * pwsh: the path as a literal (Join-Path $HOME '…', nothing expanded), tested with -LiteralPath,
 * inside `& { }` so the profile's session keeps no variable of ours ($env: is the process's).
 * pwsh reads `\` in a path as `/` even on Unix, so a folder named with one cannot be named.
 */
function powershellLine(path: string, system: System): string | undefined {
	if (path.includes("\\")) return undefined;
	const rest = belowHome(path, system);
	const file =
		rest === undefined
			? quotePowerShellLiteral(path)
			: `Join-Path $HOME ${quotePowerShellLiteral(rest.slice(1))}`;
	return `& { $keyFile = ${file}; if (Test-Path -LiteralPath $keyFile) { . $keyFile } }`;
}

/** The line in the startup file; the test keeps a checkout on another machine quiet. */
export function sourceLine(syntax: PrivateSyntax, path: string, system: System): string | undefined {
	// A path with a line break or control character cannot sit on one line of a block.
	if (/\p{Cc}/u.test(path)) return undefined;
	if (syntax === "powershell") return powershellLine(path, system);
	const file = quoted(syntax, path, system);
	return syntax === "fish" ? `test -f ${file}; and source ${file}` : `[ -f ${file} ] && . ${file}`;
}

/** The startup file's claude-setup block already sources the private file (rotation keeps it that way). */
export function sourcesPrivateFile(text: string, syntax: PrivateSyntax, line: string): boolean {
	const { lines } = splitLines(text);
	const block = locateBlock(lines, syntax);
	if (block === undefined || "problem" in block) return false;
	return lines.slice(block.startLine, block.endLine - 1).some(({ content }) => content.trimEnd() === line);
}
