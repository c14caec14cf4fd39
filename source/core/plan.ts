// Answers + the files as they are now → the exact changes to preview and then apply.
// Nothing here writes; apply.ts does, from this plan only.

import { type BackupPlace, backupPath, backupStamp, userVariableBackupName } from "./backups.js";
import { syntaxOf } from "./file-syntax.js";
import { planGitignore } from "./gitignore.js";
import { maskKey } from "./key.js";
import { type ManifestEntry, stateDirectory } from "./manifest.js";
import { pathsFor } from "./paths.js";
import { type Disable, planFile } from "./plan-file.js";
import { planPrivateFiles } from "./plan-private.js";
import type { Detected } from "./platform.js";
import type { System } from "./system.js";
import {
	BASH_LOGIN_FILES,
	displayPath,
	type FileTargetName,
	gitBashHome,
	projectPath,
	resolveTarget,
	type TargetFile,
	type TargetName,
	targetsFor,
} from "./targets.js";
import type { TextEncodingKind } from "./text-encoding.js";
import type { TrackedDotfile } from "./tracked-dotfile.js";
import type { WindowsContext } from "./windows/detect.js";
import {
	blockingPolicies,
	type HostPolicy,
	planUserVariable,
	profileFiles,
	type UserVariableChange,
} from "./windows-plan.js";

export interface OtherDefinition {
	readonly line: number;
	readonly masked: string;
}

export interface FileChange {
	readonly file: TargetFile;
	readonly display: string;
	/** The file's content now (see decodeText), undefined when it does not exist. */
	readonly before: string | undefined;
	/** The content to write; undefined deletes the file (remove: a file claude-setup created). */
	readonly after: string | undefined;
	/** How before/after map to bytes: apply.ts writes them back the same way (UTF-16 stays UTF-16). */
	readonly encoding: TextEncodingKind;
	readonly action:
		| "create"
		| "inserted"
		| "replaced"
		| "moved"
		| "unchanged"
		| "disabled"
		| "removed"
		| "deleted";
	/** claude-setup's own file (private key file, its .gitignore): no target, proven through those that use it. */
	readonly supporting?: boolean;
	/** A private key file: the startup files (shown) that source it. */
	readonly keyFileFor?: readonly string[];
	/** The lines we add or replace, with the key masked, for the preview. */
	readonly previewLines: readonly string[];
	readonly otherDefinitions: readonly OtherDefinition[];
	readonly backupPath: string | undefined;
	/** The backup path as shown to the user (`~/.local/state/…`). */
	readonly backupDisplay: string | undefined;
}

/** A file a new shell or program reads the key from: not one whose stale lines were only commented out, nor a supporting file. */
export function holdsKey(change: FileChange): boolean {
	return change.action !== "disabled" && !change.supporting;
}

export interface GitignoreChange {
	readonly path: string;
	readonly display: string;
	readonly before: string | undefined;
	readonly after: string;
	readonly entry: string;
}

export interface Plan {
	readonly variable: string;
	readonly masked: string;
	readonly changes: readonly FileChange[];
	readonly gitignore?: GitignoreChange;
	/** The .env is tracked by git: ignoring it does not untrack it. */
	readonly trackedSecretFile?: {
		readonly path: string;
		readonly display: string;
		readonly command: string;
		readonly cwd: string;
	};
	readonly backupDir: string;
	/** The windows target: the user environment variable. */
	readonly userVariable?: UserVariableChange;
	/** PowerShell hosts whose execution policy will not run the profile we write. */
	readonly blockedProfiles: readonly HostPolicy[];
	/** Target files under version control, and whether the key is kept out of each. */
	readonly trackedDotfiles?: readonly TrackedDotfile[];
	/** Set when this plan takes claude-setup's changes back: these records are then forgotten. */
	readonly removal?: { readonly entries: readonly ManifestEntry[] };
}

export interface PlanInput {
	readonly targets: readonly TargetName[];
	readonly variable: string;
	readonly key: string;
	readonly envFile?: string;
	readonly detected: Detected;
	readonly windows?: WindowsContext;
	/** Definitions claude-setup did not write, to comment out (rotation). */
	readonly disable?: readonly Disable[];
	/** Keep the key in claude-setup's private file, sourced from the startup files (see plan-private). */
	readonly privateFile?: boolean;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; path: string; message: string };

/** `${XDG_STATE_HOME:-~/.local/state}/claude-setup/backups`, `%LOCALAPPDATA%\claude-setup\backups`. */
export function backupDirectory(system: System): string {
	return pathsFor(system.platform).join(stateDirectory(system), "backups");
}

/** Where this run's backups go, all named with one stamp. */
export function backupPlace(system: System): BackupPlace {
	return {
		backupDir: backupDirectory(system),
		stamp: backupStamp(system.now()),
		join: pathsFor(system.platform).join,
	};
}

export async function planChanges(system: System, input: PlanInput): Promise<PlanResult> {
	const place = backupPlace(system);
	const context = { variable: input.variable, key: input.key, ...place };
	const unavailable = input.targets.find((target) => !targetsFor(input.detected.os).includes(target));
	if (unavailable) {
		return { ok: false, path: "", message: `The ${unavailable} target is not available on this system.` };
	}
	const files: TargetFile[] = [];
	// Which bash login files exist (it decides the bash target's file): read once, when first needed.
	let existing: Set<string> | undefined;
	let userVariable: UserVariableChange | undefined;
	for (const target of input.targets) {
		if (target === "windows" || target === "powershell") {
			if (!input.windows) return { ok: false, path: "", message: `The ${target} target needs Windows.` };
			if (target === "powershell") {
				const profiles = await profileFiles(system, input.windows, system.homeDir);
				if (!profiles.ok) return { ok: false, path: "", message: profiles.message };
				files.push(...profiles.files);
				continue;
			}
			const backup = backupPath(context, userVariableBackupName(input.variable));
			const planned = await planUserVariable(
				system,
				input.windows,
				input.variable,
				input.key,
				backup,
				displayPath(backup, system.homeDir),
			);
			if (!planned.ok) return { ok: false, path: "", message: planned.message };
			userVariable = planned.change;
			continue;
		}
		existing ??= new Set(await presentFiles(system));
		files.push(fileFor(system, target, input, existing));
	}
	const privates = await planPrivateFiles(system, files, input.privateFile, context);
	if (!privates.ok) return privates;
	// The private file first: a startup file never sources one that is not there yet.
	const changes: FileChange[] = [...privates.plan.changes];
	const disable = input.disable ?? [];
	for (const file of files) {
		const here = disable.filter((item) => item.path === file.path);
		const sourceLine = privates.plan.sourceLines.get(file.path);
		const planned = await planFile(system, file, { ...context, sourceLine }, here);
		if (!planned.ok) return planned;
		changes.push(planned.change);
	}
	// Stale definitions in files that are not targets (an old export in ~/.bash_profile).
	for (const path of new Set(disable.map((item) => item.path))) {
		if (files.some((file) => file.path === path)) continue;
		const here = disable.filter((item) => item.path === path);
		const planned = await planFile(system, looseFile(path), context, here, true);
		if (!planned.ok) return planned;
		if (planned.change.action !== "unchanged") changes.push(planned.change);
	}
	const profileHosts = changes.flatMap((change) => (change.file.host ? [change.file.host] : []));
	const dotenv = changes.find((change) => change.file.target === "dotenv");
	const git = dotenv ? await planGitignore(system.run, dotenv.file.path, system.fs) : undefined;
	return {
		ok: true,
		plan: {
			variable: input.variable,
			masked: maskKey(input.key),
			changes,
			backupDir: place.backupDir,
			userVariable,
			trackedDotfiles: privates.plan.tracked,
			blockedProfiles: profileHosts.length > 0 ? await blockingPolicies(system, profileHosts) : [],
			gitignore: git?.addition
				? {
						path: git.addition.path,
						display: projectPath(git.addition.path, system.cwd, system.homeDir),
						before: git.addition.before,
						after: git.addition.after,
						entry: git.addition.entry,
					}
				: undefined,
			trackedSecretFile: git?.tracked && {
				...git.tracked,
				display: projectPath(git.tracked.path, system.cwd, system.homeDir),
			},
		},
	};
}

function fileFor(
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
function looseFile(path: string): TargetFile {
	const syntax = syntaxOf(path);
	const target = syntax === "posix" ? "bash" : syntax;
	return { target, path, syntax, ownsWholeFile: false, label: path };
}
