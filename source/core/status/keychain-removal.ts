// `remove` for the keychain target: Claude Code's apiKeyHelper comes out of settings.json (only
// ours: another helper stays), and the item is deleted once the files are done.

import { KEYCHAIN_ITEM_PATH } from "../apply/apply-keychain.js";
import { scrubSecrets } from "../key/scrub.js";
import { deleteKey, readKey } from "../keychain/access.js";
import { isOurHelper, withApiKeyHelper, withoutApiKeyHelper } from "../keychain/consumers.js";
import { type StoreCommands, storeCommandsFor } from "../keychain/store-commands.js";
import { backupPath, fileBackupName } from "../plan/backups.js";
import type { ManifestEntry } from "../plan/manifest.js";
import { backupPlace, type FileChange } from "../plan/plan.js";
import { displayPath } from "../plan/targets.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";

export interface KeychainRemoval {
	readonly settings?: FileChange;
	readonly item?: { readonly store: StoreCommands; readonly account: string; readonly present: boolean };
	/** The store could not be asked (locked, no bus): said before anything is changed. */
	readonly problem?: string;
}

export async function planKeychainRemoval(
	system: System,
	entries: readonly ManifestEntry[],
): Promise<KeychainRemoval> {
	const ours = entries.filter((entry) => entry.target === "keychain");
	const itemEntry = ours.find((entry) => entry.path === KEYCHAIN_ITEM_PATH);
	const settingsEntry = ours.find((entry) => entry.path !== KEYCHAIN_ITEM_PATH);
	const settings = settingsEntry ? await settingsRemoval(system, settingsEntry) : undefined;
	const store = storeCommandsFor(system.platform);
	if (!itemEntry || !store) return { settings };
	const state = await readKey(system, store, itemEntry.variable);
	const problem = state.state === "locked" || state.state === "unreachable" ? state.reason : undefined;
	return {
		settings,
		item: { store, account: itemEntry.variable, present: state.state !== "empty" },
		problem,
	};
}

async function settingsRemoval(system: System, entry: ManifestEntry): Promise<FileChange | undefined> {
	const bytes = await system.fs.read(entry.path).catch(() => undefined);
	if (bytes === undefined) return undefined;
	const decoded = decodeText(bytes);
	const edited = withoutApiKeyHelper(decoded.text, isOurHelper);
	if (!edited.changed) return undefined;
	// The person's own helper that ours replaced goes back where it was.
	const own = entry.replacedHelper && !isOurHelper(entry.replacedHelper) ? entry.replacedHelper : undefined;
	const restored = own ? withApiKeyHelper(decoded.text, own) : undefined;
	if (own && restored?.ok) {
		return {
			...settingsChange(system, entry, decoded, restored.text, "removed"),
			previewLines: [
				"- apiKeyHelper (it read the key from the keychain)",
				`+ apiKeyHelper \`${scrubSecrets(own)}\` (yours, as before claude-setup)`,
			],
		};
	}
	const remove = entry.created && edited.empty;
	return settingsChange(
		system,
		entry,
		decoded,
		remove ? undefined : edited.text,
		remove ? "deleted" : "removed",
	);
}

function settingsChange(
	system: System,
	entry: ManifestEntry,
	decoded: ReturnType<typeof decodeText>,
	after: string | undefined,
	action: "deleted" | "removed",
): FileChange {
	const backup = backupPath(backupPlace(system), fileBackupName(entry.path));
	return {
		file: { target: "keychain", path: entry.path, syntax: "posix", ownsWholeFile: false, label: entry.path },
		display: displayPath(entry.path, system.homeDir),
		before: decoded.text,
		after,
		encoding: decoded.encoding,
		action,
		previewLines: ["- apiKeyHelper (it read the key from the keychain)"],
		otherDefinitions: [],
		backupPath: backup,
		backupDisplay: displayPath(backup, system.homeDir),
	};
}

export async function deleteKeychainItem(system: System, removal: KeychainRemoval) {
	if (!removal.item?.present) return { ok: true as const };
	return deleteKey(system, removal.item.store, removal.item.account);
}
