// `claude-setup remove`: take back exactly what claude-setup wrote — its marked blocks, the
// .env lines and Windows user variable it recorded — and put back the definitions it
// commented out. A file it created and that holds nothing else is deleted.

import { removeBlock } from "../edit/block-edit.js";
import { restoreCommentedLines } from "../edit/comment-out.js";
import { removeDotenvVar } from "../edit/dotenv.js";
import { readJsonObject, setJsonValue } from "../edit/json-edit.js";
import { maskKey } from "../key/key.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";
import type { WindowsContext } from "../windows/detect.js";
import { readUserVariable } from "../windows/user-env.js";
import { backupPath, fileBackupName, userVariableBackupName } from "./backups.js";
import { syntaxOf } from "./file-syntax.js";
import { type ManifestEntry, readManifest, USER_ENVIRONMENT_PATH } from "./manifest.js";
import { gateChange } from "./parse-change.js";
import { backupPlace, type FileChange, type Plan } from "./plan.js";
import { keptNote } from "./take-out.js";
import {
	CLAUDE_SETTINGS,
	displayPath,
	type FileOwner,
	projectPath,
	type TargetFile,
	type TargetName,
} from "./targets.js";
import { preferredHost, USER_ENVIRONMENT } from "./windows-plan.js";

export interface RemovalInput {
	/** Files to look in (every startup file, profile and .env the scan read). */
	readonly files: readonly string[];
	/** Only these targets; all when empty. */
	readonly targets: readonly TargetName[];
	readonly windows?: WindowsContext;
	/** Path → lines claude-setup commented out that stay so (their key is rejected). */
	readonly keepDisabled?: ReadonlyMap<string, ReadonlySet<number>>;
}

export type RemovalResult = { ok: true; plan: Plan } | { ok: false; path: string; message: string };

export async function planRemoval(system: System, input: RemovalInput): Promise<RemovalResult> {
	const manifest = (await readManifest(system)).filter(
		(entry) => input.targets.length === 0 || (input.targets as readonly string[]).includes(entry.target),
	);
	const place = backupPlace(system);
	// The keychain's records (its item, Claude Code's settings) are taken back by status/keychain-removal.
	const files = manifest.filter((entry) => entry.target !== "keychain").map((entry) => entry.path);
	const paths = new Set([...input.files, ...files]);
	paths.delete(USER_ENVIRONMENT_PATH);
	const changes: FileChange[] = [];
	for (const path of paths) {
		const syntax = syntaxOf(path);
		const target = targetOf(path, syntax, manifest);
		if (input.targets.length > 0 && !(input.targets as readonly string[]).includes(target)) continue;
		const bytes = await system.fs.read(path).catch(() => undefined);
		if (bytes === undefined) continue;
		const decoded = decodeText(bytes);
		const edited = takeBack(
			decoded.text,
			syntax,
			manifest.filter((entry) => entry.path === path),
			input.keepDisabled?.get(path),
		);
		if (!edited.ok)
			return { ok: false, path, message: `${displayPath(path, system.homeDir)}: ${edited.message}` };
		if (edited.text === decoded.text) continue;
		const created = manifest.some((entry) => entry.path === path && entry.created);
		const remove = created && edited.text.trim() === "";
		const file: TargetFile = { target, path, syntax, ownsWholeFile: false, label: path };
		const display =
			syntax === "dotenv" ? projectPath(path, system.cwd, system.homeDir) : displayPath(path, system.homeDir);
		const gated = await gateChange(system, file, display, decoded.text, remove ? undefined : edited.text);
		if (!gated.ok) return { ok: false, path, message: gated.message };
		const backup = backupPath(place, fileBackupName(path));
		changes.push({
			file,
			display,
			before: decoded.text,
			after: remove ? undefined : edited.text,
			encoding: decoded.encoding,
			action: remove ? "deleted" : "removed",
			previewLines: edited.notes,
			otherDefinitions: [],
			backupPath: backup,
			backupDisplay: displayPath(backup, system.homeDir),
			...(gated.check === undefined ? {} : { parseCheck: gated.check }),
		});
	}
	const variable = manifest.find((entry) => entry.path === USER_ENVIRONMENT_PATH);
	const userVariable =
		variable && input.windows ? await planVariableRemoval(system, input.windows, variable) : undefined;
	const variableBackup = variable && backupPath(place, userVariableBackupName(variable.variable));
	return {
		ok: true,
		plan: {
			variable: variable?.variable ?? "ANTHROPIC_API_KEY",
			masked: "",
			changes,
			backupDir: place.backupDir,
			blockedProfiles: [],
			removal: { entries: manifest },
			userVariable: userVariable && {
				...userVariable,
				backupPath: variableBackup,
				backupDisplay: variableBackup && displayPath(variableBackup, system.homeDir),
			},
		},
	};
}

type TakeBack = { ok: true; text: string; notes: string[] } | { ok: false; message: string };

function takeBack(
	text: string,
	syntax: TargetFile["syntax"],
	recorded: readonly ManifestEntry[],
	keep?: ReadonlySet<number>,
): TakeBack {
	const notes: string[] = [];
	let current = text;
	if (syntax === "json") return takeBackSettings(text, recorded);
	if (syntax !== "dotenv") {
		const removed = removeBlock(current, syntax);
		if (!removed.ok) return { ok: false, message: removed.message };
		if (removed.action === "removed") {
			current = removed.text;
			notes.push("- the claude-setup block", ...keptNote(removed.keptLines, "where the block was"));
		}
	} else {
		for (const entry of recorded) {
			const removed = removeDotenvVar(current, entry.variable);
			if (removed.count > 0) notes.push(`- ${entry.variable}=…`);
			current = removed.text;
		}
	}
	// Line numbers are the file's as read: taking our block out above them would shift them.
	const kept = keep && keep.size > 0 ? shiftedLines(text, current, keep) : undefined;
	const restored = restoreCommentedLines(current, kept);
	if (restored.count > 0) {
		current = restored.text;
		notes.push(
			`↺ ${restored.count} definition${restored.count === 1 ? "" : "s"} claude-setup had commented out`,
		);
	}
	return { ok: true, text: current, notes };
}

/** A Claude Code settings.json: the `env` values claude-setup set are deleted, every other byte kept. */
function takeBackSettings(text: string, recorded: readonly ManifestEntry[]): TakeBack {
	let current = text;
	const notes: string[] = [];
	for (const entry of recorded) {
		if (readJsonObject(current) === undefined) break;
		const env = readJsonObject(current)?.env;
		if (typeof env !== "object" || env === null || !(entry.variable in env)) continue;
		const removed = setJsonValue(current, ["env", entry.variable], undefined);
		if (!removed.ok) return { ok: false, message: `it could not be edited: ${removed.reason}` };
		current = removed.text;
		notes.push(`- "env": { "${entry.variable}": … }`);
	}
	return { ok: true, text: current, notes };
}

async function planVariableRemoval(system: System, windows: WindowsContext, entry: ManifestEntry) {
	const host = preferredHost(windows.hosts);
	const current = await readUserVariable(system.run, host, entry.variable);
	if (!current.ok || current.value === undefined) return undefined;
	return {
		host,
		display: USER_ENVIRONMENT,
		previous: current.value,
		value: "",
		previousMasked: maskKey(current.value),
		action: "remove" as const,
	};
}

function targetOf(path: string, syntax: TargetFile["syntax"], manifest: readonly ManifestEntry[]): FileOwner {
	const recorded = manifest.find((entry) => entry.path === path);
	if (recorded) return recorded.target;
	if (syntax === "json") return CLAUDE_SETTINGS;
	if (syntax === "fish" || syntax === "dotenv" || syntax === "powershell") return syntax;
	return /zsh/.test(path.split(/[\\/]/).pop() ?? "") ? "zsh" : "bash";
}

/** The kept lines' numbers in `after` (lines were only removed, never added, since `before`). */
function shiftedLines(before: string, after: string, keep: ReadonlySet<number>): Set<number> {
	const wanted = before.split("\n").filter((_, index) => keep.has(index + 1));
	const lines = after.split("\n");
	const shifted = new Set<number>();
	for (const content of wanted) {
		const index = lines.findIndex((line, at) => line === content && !shifted.has(at + 1));
		if (index !== -1) shifted.add(index + 1);
	}
	return shifted;
}
