// The keychain target's plan: the item to store (its previous value, to put back on failure),
// Claude Code's settings.json with an apiKeyHelper that reads it, and the private key files of
// an earlier run, which would otherwise keep the key in clear text.

import { maskKey } from "../key/key.js";
import { readKey } from "../keychain/access.js";
import { apiKeyHelperCommand, apiKeyHelperOf, withApiKeyHelper } from "../keychain/consumers.js";
import type { StoreCommands } from "../keychain/store-commands.js";
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";
import { type BackupPlace, backupPath, fileBackupName } from "./backups.js";
import type { FileChange, KeychainChange } from "./plan-types.js";
import { privateFilePaths } from "./private-file.js";
import { displayPath, type TargetFile } from "./targets.js";

/** Claude Code keeps its user settings in CLAUDE_CONFIG_DIR when set, else ~/.claude. */
export function claudeSettingsPath(system: System): string {
	const { join } = pathsFor(system.platform);
	return join(system.env.CLAUDE_CONFIG_DIR || join(system.homeDir, ".claude"), "settings.json");
}

export type KeychainPlan =
	| { ok: true; change: KeychainChange; privateFiles: FileChange[] }
	| { ok: false; path: string; message: string };

export async function planKeychain(
	system: System,
	store: StoreCommands,
	variable: string,
	key: string,
	place: BackupPlace,
): Promise<KeychainPlan> {
	const previous = await readKey(system, store, variable);
	if (previous.state === "locked" || previous.state === "unreachable") {
		return { ok: false, path: "", message: `Could not use ${store.name}: ${previous.reason}` };
	}
	// apiKeyHelper's output goes out as an API key: an OAuth token has no helper.
	const settings =
		variable === "ANTHROPIC_API_KEY" ? await planSettings(system, store, variable, place) : undefined;
	if (settings && !settings.ok) return settings;
	return {
		ok: true,
		change: {
			store,
			account: variable,
			value: key,
			masked: maskKey(key),
			previous: previous.state === "stored" ? previous.value : undefined,
			settings: settings?.settings,
		},
		privateFiles: await privateFileDeletions(system, place),
	};
}

async function planSettings(system: System, store: StoreCommands, variable: string, place: BackupPlace) {
	const path = claudeSettingsPath(system);
	const display = displayPath(path, system.homeDir);
	const bytes = await system.fs.read(path).catch(() => undefined);
	const before = bytes === undefined ? undefined : decodeText(bytes).text;
	const command = apiKeyHelperCommand(store.kind, variable);
	const edited = withApiKeyHelper(before, command);
	if (!edited.ok) {
		const message = `${display}: ${edited.reason}. Nothing was changed: fix the file (Claude Code cannot read it either), then run \`claude-setup\` again.`;
		return { ok: false as const, path, message };
	}
	const replaces = before === undefined ? undefined : apiKeyHelperOf(before);
	const backup =
		before === undefined || before === edited.text ? undefined : backupPath(place, fileBackupName(path));
	return {
		ok: true as const,
		settings: {
			path,
			display,
			before,
			after: edited.text,
			command,
			replaces: replaces === command ? undefined : replaces,
			backupPath: backup,
			backupDisplay: backup && displayPath(backup, system.homeDir),
		},
	};
}

/** A private key file from an earlier run holds a key in clear text: with the keychain it goes. */
async function privateFileDeletions(system: System, place: BackupPlace): Promise<FileChange[]> {
	const changes: FileChange[] = [];
	for (const path of privateFilePaths(system)) {
		const bytes = await system.fs.read(path).catch(() => undefined);
		if (bytes === undefined) continue;
		const decoded = decodeText(bytes);
		const file: TargetFile = { target: "keychain", path, syntax: "posix", ownsWholeFile: true, label: path };
		const backup = backupPath(place, fileBackupName(path));
		changes.push({
			file,
			display: displayPath(path, system.homeDir),
			before: decoded.text,
			after: undefined,
			encoding: decoded.encoding,
			action: "deleted",
			supporting: true,
			previewLines: [],
			otherDefinitions: [],
			backupPath: backup,
			backupDisplay: displayPath(backup, system.homeDir),
		});
	}
	return changes;
}
