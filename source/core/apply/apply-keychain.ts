// The keychain part of a plan, applied before the files: the item (the blocks and the helper
// read it), then Claude Code's settings.json. Each step leaves an undo for a later failure.

import { deleteKey, storeKey } from "../keychain/access.js";
import type { ManifestEntry } from "../plan/manifest.js";
import type { KeychainChange } from "../plan/plan-types.js";
import type { System } from "../system.js";
import { encodeText } from "../text/text-encoding.js";

/** The manifest's path for the keychain item (not a file). */
export const KEYCHAIN_ITEM_PATH = "keychain";

export interface KeychainSteps {
	/** Says which file or item is being written, for the failure message. */
	readonly current: (path: string) => void;
	readonly undo: Array<() => Promise<void>>;
	readonly backup: (path: string, text: string) => Promise<void>;
	readonly fail: (message: string) => Error;
}

export async function applyKeychain(system: System, change: KeychainChange, steps: KeychainSteps) {
	const { store, account, value, previous, settings } = change;
	steps.current(KEYCHAIN_ITEM_PATH);
	const stored = await storeKey(system, store, account, value);
	if (!stored.ok)
		throw steps.fail(`Could not save the key in ${store.name}: ${stored.reason} Nothing was changed.`);
	steps.undo.push(async () => {
		if (previous === undefined) await deleteKey(system, store, account);
		else await storeKey(system, store, account, previous);
	});
	if (!settings || settings.before === settings.after) return;
	if (settings.backupPath && settings.before !== undefined) {
		steps.current(settings.backupPath);
		await steps.backup(settings.backupPath, settings.before);
	}
	steps.current(settings.path);
	const folder = settings.path.slice(
		0,
		Math.max(settings.path.lastIndexOf("/"), settings.path.lastIndexOf("\\")),
	);
	if (folder && !(await system.fs.info(folder))) await system.fs.makeDirectory(folder, 0o700);
	await system.fs.writeAtomic(settings.path, encodeText({ text: settings.after, encoding: "bytes" }), 0o600);
	steps.undo.push(async () => {
		if (settings.before === undefined) await system.fs.remove(settings.path);
		else
			await system.fs.writeAtomic(
				settings.path,
				encodeText({ text: settings.before, encoding: "bytes" }),
				0o600,
			);
	});
}

/** What remove needs later: the item, and the settings file if claude-setup created it. */
export function keychainManifestEntries(change: KeychainChange): ManifestEntry[] {
	const entries: ManifestEntry[] = [
		{
			target: "keychain",
			path: KEYCHAIN_ITEM_PATH,
			variable: change.account,
			created: change.previous === undefined,
		},
	];
	if (change.settings) {
		const replaced = change.settings.replaces;
		entries.push({
			target: "keychain",
			path: change.settings.path,
			variable: change.account,
			created: change.settings.before === undefined,
			...(replaced ? { replacedHelper: replaced } : {}),
		});
	}
	return entries;
}
