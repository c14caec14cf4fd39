// `claude-setup run -- <command…>`: one command gets the key, from the keychain when it was saved
// there, else from what a new terminal would get; no other process does. Its exit code is ours.
// Our own words go to stderr: stdout belongs to the command.

import { KEYCHAIN_ITEM_PATH } from "../apply/apply-keychain.js";
import { ExitCode } from "../exit-codes.js";
import { detectSystem } from "../flow/session.js";
import { readKey } from "../keychain/access.js";
import { storeCommandsFor } from "../keychain/store-commands.js";
import { readManifest } from "../plan/manifest.js";
import { newTerminalValue } from "../scan/terminal-value.js";
import type { System } from "../system.js";

type Found =
	| { readonly ok: true; readonly variable: string; readonly value: string }
	| { readonly ok: false; readonly why: string };

export async function findKey(system: System, parentPid: number): Promise<Found> {
	const item = (await readManifest(system)).find(
		(entry) => entry.target === "keychain" && entry.path === KEYCHAIN_ITEM_PATH,
	);
	const store = storeCommandsFor(system.platform);
	if (item && store) {
		const read = await readKey(system, store, item.variable);
		if (read.state === "stored") return { ok: true, variable: item.variable, value: read.value };
		// The person chose the keychain: a file's (older) key is no stand-in for it.
		if (read.state !== "empty") return { ok: false, why: `the key is in ${store.name}, but ${read.reason}` };
	}
	const { detected, windows } = await detectSystem(system, parentPid);
	const terminal = await newTerminalValue(system, detected, [], windows);
	if (terminal.state === "set" && terminal.value.trim() !== "") {
		return { ok: true, variable: "ANTHROPIC_API_KEY", value: terminal.value };
	}
	const why = terminal.state === "unknown" ? ` (${terminal.why})` : "";
	return {
		ok: false,
		why: `no key is saved: not in the keychain, and a new ${terminal.shell} has none${why}`,
	};
}

export async function runWithKey(
	system: System,
	command: readonly string[],
	io: { readonly printError: (line: string) => void; readonly parentPid: number },
): Promise<number> {
	const [program, ...args] = command;
	if (program === undefined || !system.runAttached) {
		io.printError("claude-setup run: give a command, e.g. `claude-setup run -- claude -p 'hello'`");
		return ExitCode.usage;
	}
	const found = await findKey(system, io.parentPid);
	if (!found.ok) {
		io.printError(`claude-setup run: ${found.why}.`);
		io.printError("  → Save one first: `claude-setup` (or see `claude-setup status`).");
		return ExitCode.usage;
	}
	const result = await system.runAttached(program, args, { ...system.env, [found.variable]: found.value });
	if (result.notFound) io.printError(`claude-setup run: ${program}: command not found.`);
	return result.exitCode;
}
