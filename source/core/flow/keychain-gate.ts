// Before the keychain target is used: is there one here that works (probed, with deadlines),
// and which shells read the key from it. Never a silent fallback to a file.

import { scrubSecrets } from "../key/scrub.js";
import { probeKeychain } from "../keychain/access.js";
import type { StoreCommands } from "../keychain/store-commands.js";
import { WINDOWS_KEYCHAIN_NEXT, WINDOWS_KEYCHAIN_REFUSAL } from "../keychain/windows-why.js";
import type { KeychainChange } from "../plan/plan-types.js";
import { SHELL_TARGETS, type TargetName } from "../plan/targets.js";
import type { System } from "../system.js";
import type { Environment } from "./session.js";

export type KeychainGate =
	| { readonly ok: true; readonly store?: StoreCommands; readonly targets: readonly TargetName[] }
	| { readonly ok: false; readonly title: string; readonly why: string; readonly next: readonly string[] };

/**
 * `chosen`: the targets asked for; `shellBlock`: new terminals load the key (else only
 * `claude-setup run` does); `defaultShell`: the detected shell's target.
 */
export async function keychainGate(
	system: System,
	chosen: readonly TargetName[],
	shellBlock: boolean,
	defaultShell: TargetName,
): Promise<KeychainGate> {
	if (!chosen.includes("keychain")) return { ok: true, targets: chosen };
	if (system.platform === "win32") {
		return {
			ok: false,
			title: "No keychain target on Windows",
			why: WINDOWS_KEYCHAIN_REFUSAL,
			next: [WINDOWS_KEYCHAIN_NEXT],
		};
	}
	const clear = chosen.find((target) => target === "dotenv");
	if (clear) {
		return {
			ok: false,
			title: "The keychain and a .env do not go together",
			why: "The keychain keeps the key out of every file; a .env holds it in clear text.",
			next: ["Choose one: --target keychain, or --target dotenv."],
		};
	}
	const probe = await probeKeychain(system);
	if (!probe.ok) {
		return {
			ok: false,
			title: "The keychain cannot be used here",
			why: `${probe.reason.charAt(0).toUpperCase()}${probe.reason.slice(1)}`,
			next: [
				"Choose a file instead, e.g. --target zsh (readable only by you), or fix the keychain and run again.",
			],
		};
	}
	const shells = chosen.filter((target) => SHELL_TARGETS.includes(target));
	const add = shellBlock && shells.length === 0 && SHELL_TARGETS.includes(defaultShell) ? [defaultShell] : [];
	return { ok: true, store: probe.store, targets: [...chosen, ...add] };
}

/** The gate for a run's chosen targets; a keychain saved before gets the new key too, so it is probed like a chosen one. */
export function keychainGateFor(
	system: System,
	environment: Pick<Environment, "ourTargets" | "defaultTarget">,
	chosen: readonly TargetName[],
	shellBlock: boolean,
): Promise<KeychainGate> {
	const before: TargetName[] = environment.ourTargets.includes("keychain") ? ["keychain"] : [];
	return keychainGate(system, [...new Set([...chosen, ...before])], shellBlock, environment.defaultTarget);
}

/** The keychain's part of a plan, for --key-stdin's lines. */
export function keychainPlanLines(change: KeychainChange, item: (text: string) => string): string[] {
	const verb = change.previous === undefined ? "save" : "replace";
	const lines = [item(`${verb} ${change.account} in ${change.store.name} (service claude-setup)`)];
	const settings = change.settings;
	if (settings && settings.before !== settings.after) {
		const replaces = settings.replaces
			? // A helper of the person's may hold a key in its command line: never shown whole.
				` (replaces your apiKeyHelper \`${scrubSecrets(settings.replaces)}\`; backed up)`
			: "";
		lines.push(item(`set Claude Code's apiKeyHelper in ${settings.display} to read it${replaces}`));
	}
	return lines;
}
