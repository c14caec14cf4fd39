// `status` for the keychain target: which store, whether it answers and is unlocked, and
// whether the item, Claude Code's apiKeyHelper and the shell blocks agree.

import { KEYCHAIN_ITEM_PATH } from "../apply/apply-keychain.js";
import { maskKey } from "../key/key.js";
import { readKey } from "../keychain/access.js";
import { apiKeyHelperCommand, apiKeyHelperOf } from "../keychain/consumers.js";
import { storeCommandsFor } from "../keychain/store-commands.js";
import { readManifest } from "../plan/manifest.js";
import { displayPath } from "../plan/targets.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";

export interface KeychainStatus {
	readonly store: string;
	readonly variable: string;
	readonly state: "stored" | "empty" | "locked" | "unreachable";
	readonly masked?: string;
	readonly reason?: string;
	/** settings.json's apiKeyHelper reads this item. */
	readonly helper?: { readonly path: string; readonly ok: boolean };
	/** Shell files whose claude-setup block reads the item. */
	readonly shellBlocks: readonly string[];
	/** Everything agrees and the store answers: nothing to fix. */
	readonly ok: boolean;
}

/**
 * `onRequestKey`: the key it holds when no shell block loads it (only `claude-setup run` does),
 * for status to check live; never part of the status itself, which --json prints.
 */
export async function keychainStatus(
	system: System,
): Promise<{ status: KeychainStatus; onRequestKey?: string } | undefined> {
	const manifest = await readManifest(system);
	const item = manifest.find((entry) => entry.target === "keychain" && entry.path === KEYCHAIN_ITEM_PATH);
	const store = storeCommandsFor(system.platform);
	if (!item || !store) return undefined;
	const read = await readKey(system, store, item.variable);
	const settingsEntry = manifest.find(
		(entry) => entry.target === "keychain" && entry.path !== KEYCHAIN_ITEM_PATH,
	);
	const settings = settingsEntry ? await textOf(system, settingsEntry.path) : "";
	const helper = settingsEntry && {
		path: displayPath(settingsEntry.path, system.homeDir),
		ok: apiKeyHelperOf(settings) === apiKeyHelperCommand(store.kind, item.variable),
	};
	const shellBlocks: string[] = [];
	for (const entry of manifest) {
		if (entry.target === "keychain" || entry.target === "dotenv" || entry.target === "windows") continue;
		if ((await textOf(system, entry.path)).includes(`claude-setup account ${item.variable}`)) {
			shellBlocks.push(displayPath(entry.path, system.homeDir));
		}
	}
	const status: KeychainStatus = {
		store: store.name,
		variable: item.variable,
		state: read.state,
		masked: read.state === "stored" ? maskKey(read.value) : undefined,
		reason: read.state === "locked" || read.state === "unreachable" ? read.reason : undefined,
		helper,
		shellBlocks,
		ok: read.state === "stored" && (helper?.ok ?? true),
	};
	const onRequest = read.state === "stored" && shellBlocks.length === 0;
	return onRequest ? { status, onRequestKey: read.value } : { status };
}

async function textOf(system: System, path: string): Promise<string> {
	const bytes = await system.fs.read(path).catch(() => undefined);
	return bytes === undefined ? "" : decodeText(bytes).text;
}

export function keychainLines(status: KeychainStatus): string[] {
	const held =
		status.state === "stored"
			? `answers, unlocked, holds ${status.variable} ${status.masked}`
			: status.state === "empty"
				? `answers, but holds no ${status.variable}: run \`claude-setup\` again to save it`
				: `cannot be read: ${status.reason}`;
	const lines = [`Keychain: ${status.store} (service claude-setup) ${held}`];
	const readable = status.state === "stored";
	const mark = readable ? "✓" : "!";
	const until = readable ? "" : " (and gets nothing until the keychain can be read)";
	if (status.helper) {
		lines.push(
			status.helper.ok
				? `  ${mark} Claude Code's apiKeyHelper (${status.helper.path}) reads it${until}`
				: `  ✗ ${status.helper.path} no longer has claude-setup's apiKeyHelper: run \`claude-setup\` again`,
		);
	}
	if (status.shellBlocks.length > 0)
		lines.push(`  ${mark} New terminals load it: ${status.shellBlocks.join(", ")}`);
	else lines.push("  · No shell block: `claude-setup run -- <command>` gives a command the key");
	return lines;
}
