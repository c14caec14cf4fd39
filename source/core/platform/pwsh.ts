// PowerShell 7 on macOS and Linux: whether pwsh is installed (looked up on PATH: starting it
// takes half a second) and whether it is the shell the person typed into, a pwsh among our
// ancestors nearer than any other shell (npx runs us through npm and an `sh -c`).
import path from "node:path";
import type { Env, FileSystem, RunCommand } from "../system.js";
import { withoutSecrets } from "./child-env.js";

/** "/usr/local/bin/zsh", "-zsh" (login form), "C:\\…\\PWSH.EXE" → "zsh", "zsh", "pwsh". */
export function programName(raw: string): string {
	const base = raw.trim().split(/[\\/]/).pop() ?? "";
	return base
		.replace(/^-/, "")
		.replace(/\.exe$/i, "")
		.toLowerCase();
}

/** The first executable file named `name` in PATH's folders (relative folders are skipped). */
export async function findOnPath(fs: FileSystem, env: Env, name: string): Promise<string | undefined> {
	const folders = (env.PATH ?? "").split(":").filter((folder) => folder.startsWith("/"));
	for (const folder of folders) {
		const candidate = path.posix.join(folder, name);
		try {
			const info = await fs.info(candidate);
			if (info?.isFile && (info.mode & 0o111) !== 0) return candidate;
		} catch {
			// An unreadable folder on PATH: look further.
		}
	}
	return undefined;
}

const PWSH = /^pwsh(-preview|-lts)?$/;
// Between the shell and us: npm, npx (titled "npm exec"), node, and the `sh -c` npm runs bins in.
const LAYERS = new Set(["node", "npm", "npx", "sh", "dash", "env", "corepack", "nodejs"]);
const SHELLS = new Set(["zsh", "bash", "fish"]);

/** A command line as `ps -o args=` prints it → the shell it is, if it is one. */
function shellOf(commandLine: string): "zsh" | "bash" | "fish" | "pwsh" | "layer" | undefined {
	const words = commandLine.trim().split(/\s+/);
	const name = programName(words[0] ?? "");
	if (PWSH.test(name)) return "pwsh";
	// `dotnet tool install` runs pwsh as `dotnet …/pwsh.dll`.
	if (name === "dotnet" && words.some((word) => /(^|\/)pwsh\.dll$/i.test(word))) return "pwsh";
	if (SHELLS.has(name)) return name as "zsh" | "bash" | "fish";
	return LAYERS.has(name) ? "layer" : undefined;
}

/** The nearest shell among the ancestors' command lines (nearest first), past npm's layers. */
export function nearestShell(ancestors: readonly string[]): "zsh" | "bash" | "fish" | "pwsh" | undefined {
	for (const commandLine of ancestors) {
		const shell = shellOf(commandLine);
		if (shell !== "layer") return shell;
	}
	return undefined;
}

const MAX_ANCESTORS = 6;

/**
 * Our ancestors' command lines, nearest first, up to the first shell. Asked only when pwsh
 * started something above us (it exports PSModulePath to everything it starts).
 */
export async function gatherAncestors(run: RunCommand, env: Env, parentPid: number): Promise<string[]> {
	const found: string[] = [];
	let pid = parentPid;
	while (found.length < MAX_ANCESTORS && Number.isSafeInteger(pid) && pid > 1) {
		const result = await run("ps", ["-o", "ppid=,args=", "-p", String(pid)], {
			env: withoutSecrets(env),
			timeoutMs: 3000,
		});
		const match = /^\s*(\d+)\s+(.*)$/s.exec(result.exitCode === 0 ? result.stdout.trim() : "");
		if (match === null) break;
		found.push(match[2] ?? "");
		if (shellOf(match[2] ?? "") !== "layer") break;
		pid = Number(match[1]);
	}
	return found;
}
