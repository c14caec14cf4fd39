// Answers + the files as they are now → the exact changes to preview and then apply.
// Nothing here writes; apply.ts does, from this plan only.

import { planGitignore } from "../edit/gitignore.js";
import { maskKey } from "../key/key.js";
import { KEYCHAIN_BLOCK_COMMENT, keychainShellLine } from "../keychain/consumers.js";
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { type BackupPlace, backupPath, backupStamp, userVariableBackupName } from "./backups.js";
import { stateDirectory } from "./manifest.js";
import { planFile } from "./plan-file.js";
import { planKeychain } from "./plan-keychain.js";
import { planPrivateFiles } from "./plan-private.js";
import { planSettingsKey } from "./plan-settings.js";
import type { FileChange, PlanInput, PlanResult } from "./plan-types.js";
import { fileFor, looseFile, presentFiles, unloadFiles } from "./target-files.js";
import { displayPath, projectPath, type TargetFile, targetsFor } from "./targets.js";
import { blockingPolicies, planUserVariable, profileFiles, type UserVariableChange } from "./windows-plan.js";

export type { FileChange, Plan, PlanInput } from "./plan-types.js";
export { holdsKey } from "./plan-types.js";

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
	const context = { variable: input.variable, key: input.key, keepModes: input.keepModes, ...place };
	const here = targetsFor(input.detected.os);
	const unavailable = input.targets.find((target) => !here.includes(target));
	if (unavailable) {
		const only = unavailable === "windows" ? " (it is the Windows user variable)" : "";
		const message = `The ${unavailable} target is not available on this system${only}. Nothing was changed: choose one of ${here.join(", ")} with --target.`;
		return { ok: false, path: "", message };
	}
	const files: TargetFile[] = [];
	// Which bash login files exist (it decides the bash target's file): read once, when first needed.
	let existing: Set<string> | undefined;
	let userVariable: UserVariableChange | undefined;
	let keychain: Awaited<ReturnType<typeof planKeychain>> | undefined;
	for (const target of input.targets) {
		if (target === "keychain") {
			if (!input.keychain) return { ok: false, path: "", message: "The keychain target needs a keychain." };
			keychain = await planKeychain(system, input.keychain, input.variable, input.key, place);
			if (!keychain.ok) return keychain;
			continue;
		}
		if (target === "powershell") {
			// On Windows each installed host's profile; elsewhere pwsh's.
			if (input.detected.os === "windows" && !input.windows) {
				return { ok: false, path: "", message: "The powershell target needs PowerShell." };
			}
			const profiles = await profileFiles(system, input.windows, system.homeDir);
			if (!profiles.ok) return { ok: false, path: "", message: profiles.message };
			files.push(...profiles.files);
			continue;
		}
		if (target === "windows") {
			if (!input.windows) return { ok: false, path: "", message: `The ${target} target needs Windows.` };
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
	const store = keychain?.ok ? input.keychain : undefined;
	const privates = await planPrivateFiles(system, files, store ? false : input.privateFile, context);
	if (!privates.ok) return privates;
	// The private file first: a startup file never sources one that is not there yet.
	const changes: FileChange[] = [...privates.plan.changes, ...(keychain?.ok ? keychain.privateFiles : [])];
	const disable = input.disable ?? [];
	// The key loaded only on request: the blocks claude-setup wrote before are taken out.
	const unloaded = await unloadFiles(system, input, files);
	if (!unloaded.ok) return unloaded;
	for (const file of unloaded.files) {
		const planned = await planFile(
			system,
			file,
			context,
			disable.filter((item) => item.path === file.path),
			"take-out",
		);
		if (!planned.ok) return planned;
		if (planned.change.action !== "unchanged") changes.push(planned.change);
	}
	for (const file of files) {
		const here = disable.filter((item) => item.path === file.path);
		const sourceLine =
			store && file.syntax !== "dotenv" && file.syntax !== "json"
				? keychainShellLine(store.kind, file.syntax, input.variable)
				: privates.plan.sourceLines.get(file.path);
		const sourceComment = store ? KEYCHAIN_BLOCK_COMMENT : undefined;
		const planned = await planFile(system, file, { ...context, sourceLine, sourceComment }, here);
		if (!planned.ok) return planned;
		changes.push(planned.change);
	}
	// Stale definitions in files that are not targets (an old export in ~/.bash_profile).
	for (const path of new Set(disable.map((item) => item.path))) {
		if ([...files, ...unloaded.files].some((file) => file.path === path)) continue;
		const here = disable.filter((item) => item.path === path);
		const planned = await planFile(system, looseFile(path), context, here, "only-disable");
		if (!planned.ok) return planned;
		if (planned.change.action !== "unchanged") changes.push(planned.change);
	}
	for (const path of input.claudeSettings ?? []) {
		const planned = await planSettingsKey(system, path, context);
		if (!planned.ok) return planned;
		if (planned.change.action !== "unchanged") changes.push(planned.change);
	}
	const profileHosts = changes.flatMap((change) => (change.file.host ? [change.file.host] : []));
	const dotenv = changes.find((change) => change.file.target === "dotenv");
	// Judged where the key lands: a .env that is a link puts it in the link's target.
	const dotenvReal = dotenv && ((await system.fs.info(dotenv.file.path))?.realPath ?? dotenv.file.path);
	const git = dotenvReal ? await planGitignore(system.run, dotenvReal, system.fs, system.cwd) : undefined;
	return {
		ok: true,
		plan: {
			variable: input.variable,
			masked: maskKey(input.key),
			changes,
			backupDir: place.backupDir,
			userVariable,
			keychain: keychain?.ok ? keychain.change : undefined,
			trackedDotfiles: privates.plan.tracked,
			// Only Windows has execution policies that stop a profile (elsewhere it is Unrestricted).
			blockedProfiles:
				profileHosts.length > 0 && system.platform === "win32"
					? await blockingPolicies(system, profileHosts)
					: [],
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
