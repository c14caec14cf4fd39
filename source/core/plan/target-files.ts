// Which file each target uses on this machine: the shells' startup files (which bash login file
// exists decides), the files whose block is taken out, and files that are not targets at all.

import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { syntaxOf } from "./file-syntax.js";
import type { PlanInput } from "./plan-types.js";
import {
	BASH_LOGIN_FILES,
	type FileTargetName,
	gitBashHome,
	resolveTarget,
	type TargetFile,
} from "./targets.js";
import { profileFiles } from "./windows-plan.js";

export function fileFor(
	system: System,
	target: FileTargetName,
	input: PlanInput,
	existing: ReadonlySet<string>,
): TargetFile {
	return resolveTarget(target, {
		os: input.detected.os,
		// Git Bash's HOME can differ from the Windows profile folder Node reports.
		home: input.detected.os === "windows" ? gitBashHome(system.env, system.homeDir) : system.homeDir,
		zdotdir: input.detected.zdotdir,
		xdgConfigHome: input.detected.xdgConfigHome,
		cwd: system.cwd,
		envFile: input.envFile,
		existing: (path) => existing.has(path),
	});
}

/** Only PowerShell knows where its profile is; without it the block cannot be found, so nothing is changed. */
export const UNLOAD_PROFILE_UNKNOWN =
	"An earlier run saved the key in a PowerShell profile, and PowerShell did not answer with where that profile is, so claude-setup cannot take its block out. Nothing was changed. Check that pwsh starts, or delete the claude-setup block from your PowerShell profile yourself, then run again.";

/** The files of the targets whose block is taken out (`input.unload`), none that is also written. */
export async function unloadFiles(
	system: System,
	input: PlanInput,
	written: readonly TargetFile[],
): Promise<{ ok: true; files: TargetFile[] } | { ok: false; path: string; message: string }> {
	const found: TargetFile[] = [];
	const existing = new Set(await presentFiles(system));
	for (const target of input.unload ?? []) {
		if (target === "powershell") {
			const profiles = await profileFiles(system, input.windows, system.homeDir);
			if (!profiles.ok) return { ok: false, path: "", message: UNLOAD_PROFILE_UNKNOWN };
			found.push(...profiles.files);
		} else if (target !== "keychain" && target !== "windows") {
			found.push(fileFor(system, target, input, existing));
		}
	}
	return { ok: true, files: found.filter((file) => !written.some((other) => other.path === file.path)) };
}

/** Files whose existence changes which file a target uses (the bash login files). */
export async function presentFiles(system: System): Promise<string[]> {
	const home = system.platform === "win32" ? gitBashHome(system.env, system.homeDir) : system.homeDir;
	const { join } = pathsFor(system.platform);
	const present: string[] = [];
	for (const name of BASH_LOGIN_FILES) {
		const path = join(home, name);
		if ((await system.fs.info(path))?.isFile) present.push(path);
	}
	return present;
}

/** A file that is not a target, described well enough to comment lines out of it. */
export function looseFile(path: string): TargetFile {
	const found = syntaxOf(path);
	// Only startup files get lines commented out.
	const syntax = found === "json" ? "posix" : found;
	const target = syntax === "posix" ? "bash" : syntax;
	return { target, path, syntax, ownsWholeFile: false, label: path };
}
