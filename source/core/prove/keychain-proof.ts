// The keychain target proven the way its consumers read it: the store gives the key back, and
// Claude Code's apiKeyHelper, run through a shell as Claude Code runs it, prints exactly the key.

import { readKey } from "../keychain/access.js";
import type { KeychainChange } from "../plan/plan-types.js";
import { withoutSecrets } from "../platform/child-env.js";
import type { System } from "../system.js";

/** The same shape as proofs.ts's Proof (importing it would make a cycle). */
interface KeychainProof {
	readonly display: string;
	readonly target: "keychain";
	readonly ok: boolean;
	readonly detail: string;
}

/** apiKeyHelper gets its own deadline (3 s) plus the shell's start. */
const HELPER_PROOF_MS = 5000;

export async function proveKeychain(
	system: System,
	change: KeychainChange,
	key: string,
): Promise<KeychainProof[]> {
	const { store, account } = change;
	const display = `${store.name} (service claude-setup, account ${account})`;
	const read = await readKey(system, store, account);
	const proofs: KeychainProof[] = [
		{
			display,
			target: "keychain",
			ok: read.state === "stored" && read.value === key,
			detail:
				read.state === "stored"
					? read.value === key
						? `${capitalised(store.name)} gives the key back`
						: `${capitalised(store.name)} gives back another value: run \`claude-setup\` again.`
					: read.state === "empty"
						? `${capitalised(store.name)} has no item for ${account} after saving: run \`claude-setup\` again.`
						: `${capitalised(store.name)} could not be read: ${read.reason}`,
		},
	];
	const settings = change.settings;
	if (!settings) return proofs;
	const result = await system.run("/bin/sh", ["-c", settings.command], {
		env: withoutSecrets(system.env),
		timeoutMs: HELPER_PROOF_MS,
	});
	const printed = result.stdout.replace(/\r?\n$/, "");
	const ok = result.exitCode === 0 && printed === key;
	proofs.push({
		display: settings.display,
		target: "keychain",
		ok,
		detail: ok
			? `Claude Code's apiKeyHelper (${settings.display}) reads the key from the keychain`
			: `Claude Code's apiKeyHelper in ${settings.display} did not print the key${result.timedOut ? " in time" : ""}: run \`${settings.command}\` to see why.`,
	});
	return proofs;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
