// The startup files of every shell (not just the detected one: a stale export hides in any
// of them, pwsh's profiles included) and fish's universal variables.

import path from "node:path";
import { privateFilePath } from "../plan/private-file.js";
import { BASH_LOGIN_FILES, gitBashHome, projectPath } from "../plan/targets.js";
import type { Detected } from "../platform/platform.js";
import type { System } from "../system.js";
import { unixProfilePaths } from "../windows/profiles.js";
import { decodeFishVariables } from "./fish-universal.js";
import { type Collector, listFiles, makeFinding, readText, scanFile } from "./read.js";
import type { FileFormat } from "./scan-types.js";

const ZSH_FILES = [".zshenv", ".zprofile", ".zshrc", ".zlogin"];
const BASH_FILES = [".bashrc", ...BASH_LOGIN_FILES];

interface ShellFile {
	readonly path: string;
	readonly format: FileFormat;
}

function zshFiles(home: string, zdotdir: string | undefined): ShellFile[] {
	const folder = zdotdir ?? home;
	// zsh reads ~/.zshenv first (that is often where ZDOTDIR is set), then the rest from ZDOTDIR.
	const outer = folder === home ? [] : [path.posix.join(home, ".zshenv")];
	const files = [...outer, ...ZSH_FILES.map((name) => path.posix.join(folder, name))];
	return files.map((file) => ({ path: file, format: "zsh" }));
}

function bashFiles(home: string, join: (...parts: string[]) => string): ShellFile[] {
	return BASH_FILES.map((name) => ({ path: join(home, name), format: "bash" }));
}

function fishFolder(detected: Detected): string {
	return path.posix.join(detected.xdgConfigHome ?? path.posix.join(detected.home, ".config"), "fish");
}

async function fishFiles(system: System, detected: Detected): Promise<ShellFile[]> {
	const folder = fishFolder(detected);
	const confD = path.posix.join(folder, "conf.d");
	const snippets = await listFiles(system.fs, confD, ".fish");
	// fish sources conf.d before config.fish, so a definition in config.fish wins.
	return [
		...snippets.map((name) => path.posix.join(confD, name)),
		path.posix.join(folder, "config.fish"),
	].map((file) => ({ path: file, format: "fish" }));
}

/** Every shell startup file that could set a variable; Windows has only Git Bash's. */
export async function scanShellFiles(
	system: System,
	detected: Detected,
	collector: Collector,
): Promise<void> {
	const files: ShellFile[] =
		detected.os === "windows"
			? bashFiles(gitBashHome(system.env, detected.home), path.win32.join)
			: [
					...zshFiles(detected.home, detected.zdotdir),
					...bashFiles(detected.home, path.posix.join),
					...(await fishFiles(system, detected)),
					// pwsh's profiles (the one it runs for every host, then the console's own).
					...unixProfilePaths(detected.home, detected.xdgConfigHome).map((file) => ({
						path: file,
						format: "powershell" as const,
					})),
					// claude-setup's private key files, which version-controlled startup files source.
					{ path: privateFilePath(system, "posix"), format: "bash" },
					{ path: privateFilePath(system, "fish"), format: "fish" },
					{ path: privateFilePath(system, "powershell"), format: "powershell" },
				];
	for (const file of files) {
		const display = projectPath(file.path, system.cwd, detected.home);
		await scanFile(system.fs, file.path, display, file.format, collector);
	}
}

/** `set -U` values live in fish_variables, and one can come back when the global is removed. */
export async function scanFishUniversal(
	system: System,
	detected: Detected,
	collector: Collector,
): Promise<void> {
	if (detected.os === "windows") return;
	const file = path.posix.join(fishFolder(detected), "fish_variables");
	const text = await readText(system.fs, file, collector);
	if (text === undefined) return;
	const display = projectPath(file, system.cwd, detected.home);
	for (const { variable, value } of decodeFishVariables(text)) {
		collector.findings.push(makeFinding(variable, value, { kind: "fish-universal", path: file, display }));
	}
}
