// Dotfiles under version control: the key goes in a 0600 file of claude-setup's own and the
// (tracked) startup file only sources it, so no commit or push carries the key and a rotation
// never touches the tracked file again.
import { locateBlock } from "../edit/block-markers.js";
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { splitLines } from "../text/line-endings.js";
import { stateDirectory } from "./manifest.js";
import type { TargetFile } from "./targets.js";

export type PrivateSyntax = "posix" | "fish";

/** Only Unix shells source a file this way; a .env or a PowerShell profile never does. */
export function canUsePrivateFile(file: TargetFile, system: System): boolean {
	return system.platform !== "win32" && (file.syntax === "posix" || file.syntax === "fish");
}

/** `${XDG_STATE_HOME:-~/.local/state}/claude-setup/env.sh` (or `env.fish`). */
export function privateFilePath(system: System, syntax: PrivateSyntax): string {
	return pathsFor(system.platform).join(stateDirectory(system), syntax === "fish" ? "env.fish" : "env.sh");
}

// Inside double quotes: posix shells expand $ and `, fish only $; both take \ as an escape.
const DOUBLE_QUOTED: Record<PrivateSyntax, RegExp> = { posix: /[\\"$`]/g, fish: /[\\"$]/g };

function quoted(syntax: PrivateSyntax, path: string, system: System): string {
	const home = system.homeDir.replace(/\/+$/, "");
	// "$HOME/…" keeps the line right on every machine the dotfiles are checked out on.
	if (home !== "" && system.env.HOME === system.homeDir && path.startsWith(`${home}/`)) {
		return `"$HOME${path.slice(home.length).replace(DOUBLE_QUOTED[syntax], "\\$&")}"`;
	}
	return syntax === "fish" ? `'${path.replace(/[\\']/g, "\\$&")}'` : `'${path.replace(/'/g, "'\\''")}'`;
}

/** The line in the startup file; the test keeps a checkout on another machine quiet. */
export function sourceLine(syntax: PrivateSyntax, path: string, system: System): string | undefined {
	// A path with a line break or control character cannot sit on one line of a block.
	if (/\p{Cc}/u.test(path)) return undefined;
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
