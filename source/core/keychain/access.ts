// Talking to the keychain: every call with a deadline (a locked keyring or a hung daemon
// must never hang a run), the answers read into what they mean, in one line each.

import { scrubSecrets } from "../key/scrub.js";
import { withoutSecrets } from "../platform/child-env.js";
import type { RunResult, System } from "../system.js";
import { PROBE_ACCOUNT, type StoreCommands, storeCommandsFor, type ToolCall } from "./store-commands.js";

/** Each call to the store gets this long (the issue's 2–3 s; the D-Bus default is 25 s). */
export const KEYCHAIN_DEADLINE_MS = 2500;

export type Availability =
	| { readonly ok: true; readonly store: StoreCommands }
	| { readonly ok: false; readonly reason: string };

export type ItemState =
	| { readonly state: "stored"; readonly value: string }
	| { readonly state: "empty" }
	| { readonly state: "locked"; readonly reason: string }
	| { readonly state: "unreachable"; readonly reason: string };

export async function callStore(system: System, call: ToolCall): Promise<RunResult> {
	return system.run(call.command, call.args, {
		env: withoutSecrets(system.env),
		input: call.input,
		timeoutMs: KEYCHAIN_DEADLINE_MS,
	});
}

const seconds = `${KEYCHAIN_DEADLINE_MS / 1000} s`;

/** One line on why a call failed: no tool, no bus, locked, no answer, or the tool's own words. */
export function failureReason(store: StoreCommands, result: RunResult): string {
	if (result.notFound) {
		return store.kind === "secret-service"
			? "secret-tool is not installed (Debian, Ubuntu: sudo apt install libsecret-tools)."
			: "the security command is missing.";
	}
	if (result.timedOut) return `${store.name} did not answer within ${seconds} (its daemon hangs).`;
	const said = result.stderr.trim().split(/\r?\n/)[0] ?? "";
	if (
		/autolaunch|dbus|d-bus|address is empty|could not connect|no such file|connection refused/i.test(said)
	) {
		return "there is no session bus here (an SSH login, a container or WSL without a desktop session).";
	}
	if (/locked|interaction is not allowed/i.test(said)) return lockedReason(store);
	const exit = result.exitCode === undefined ? "" : ` (exit ${result.exitCode})`;
	return `${store.tool} failed${exit}${said ? `: ${scrubSecrets(said).slice(0, 160)}` : "."}`;
}

function lockedReason(store: StoreCommands): string {
	return store.kind === "secret-service"
		? "the keyring is locked: log in to the desktop (or unlock it) and try again."
		: "the login keychain is locked (over SSH: security unlock-keychain) — unlock it and try again.";
}

const ok = (result: RunResult) => result.exitCode === 0 && !result.timedOut;

/** Stores, reads back and deletes a test item, each with a deadline: the store is offered only if all three work. */
export async function probeKeychain(system: System): Promise<Availability> {
	const store = storeCommandsFor(system.platform);
	if (!store) return { ok: false, reason: "Windows has no keychain target (see --help)." };
	const value = `probe-${Math.round(system.now())}`;
	const stored = await callStore(system, store.store(PROBE_ACCOUNT, value));
	if (!ok(stored)) return { ok: false, reason: failureReason(store, stored) };
	const read = await callStore(system, store.lookup(PROBE_ACCOUNT));
	const removed = await callStore(system, store.remove(PROBE_ACCOUNT));
	if (!ok(read)) return { ok: false, reason: failureReason(store, read) };
	if (read.stdout.replace(/\r?\n$/, "") !== value) {
		return { ok: false, reason: `${store.name} kept a test item but gave back something else.` };
	}
	if (!ok(removed)) return { ok: false, reason: failureReason(store, removed) };
	return { ok: true, store };
}

export async function storeKey(
	system: System,
	store: StoreCommands,
	account: string,
	value: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
	const result = await callStore(system, store.store(account, value));
	return ok(result) ? { ok: true } : { ok: false, reason: failureReason(store, result) };
}

export async function deleteKey(
	system: System,
	store: StoreCommands,
	account: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
	const result = await callStore(system, store.remove(account));
	if (ok(result)) return { ok: true };
	// Nothing there to delete is what we wanted.
	const after = await readKey(system, store, account);
	return after.state === "empty" ? { ok: true } : { ok: false, reason: failureReason(store, result) };
}

/** What the store holds for `account`: a locked keyring answers like an empty one, so ask twice. */
export async function readKey(system: System, store: StoreCommands, account: string): Promise<ItemState> {
	const result = await callStore(system, store.lookup(account));
	const value = result.stdout.replace(/\r?\n$/, "");
	if (ok(result) && value !== "") return { state: "stored", value };
	if (result.notFound) return { state: "unreachable", reason: failureReason(store, result) };
	const reason = failureReason(store, result);
	if (reason === lockedReason(store)) return { state: "locked", reason };
	if (store.kind === "macos-keychain") {
		// 44: errSecItemNotFound.
		return !result.timedOut && (result.exitCode === 44 || /could not be found/i.test(result.stderr))
			? { state: "empty" }
			: { state: "unreachable", reason };
	}
	if (!result.timedOut && result.stderr.trim() !== "") return { state: "unreachable", reason };
	// secret-tool: exit 1 and silence for both "nothing" and "locked", and a lookup can hang on an
	// unlock prompt nobody sees; a search lists a locked item without asking to unlock it.
	const search = store.search ? await callStore(system, store.search(account)) : undefined;
	if (search && /locked/i.test(search.stderr)) return { state: "locked", reason: lockedReason(store) };
	if (search?.timedOut || result.timedOut) return { state: "unreachable", reason };
	return { state: "empty" };
}
