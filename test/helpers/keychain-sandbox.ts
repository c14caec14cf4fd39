// A sandbox for the built CLI whose session has a real, unlocked Secret Service (dbus-daemon +
// gnome-keyring-daemon, its keyring files in the sandbox's HOME), with secret-tool's argv logged.

import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeSandbox, type Sandbox } from "./sandbox.js";
import { type SecretService, startSecretService } from "./secret-service.js";

/** Every file under `folder` (the keyring's own files included: they are encrypted). */
export function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

/** `started` collects the keyrings, for the caller to stop after its tests. */
export function keychainSandbox(
	baseURL: string,
	shell: string,
	started: SecretService[],
): Sandbox & { argvLog: string } {
	const sandbox = makeSandbox({ shell, baseURL });
	const keyring = startSecretService(sandbox.home);
	started.push(keyring);
	const bin = join(sandbox.root, "logged-bin");
	mkdirSync(bin);
	const argvLog = join(sandbox.root, "argv.log");
	const real = execFileSync("sh", ["-c", "command -v secret-tool"], { encoding: "utf8" }).trim();
	writeFileSync(
		join(bin, "secret-tool"),
		`#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec ${real} "$@"\n`,
	);
	chmodSync(join(bin, "secret-tool"), 0o755);
	Object.assign(sandbox.env, {
		DBUS_SESSION_BUS_ADDRESS: keyring.env.DBUS_SESSION_BUS_ADDRESS,
		XDG_RUNTIME_DIR: keyring.env.XDG_RUNTIME_DIR,
		PATH: `${bin}:${sandbox.env.PATH}`,
	});
	writeFileSync(argvLog, "");
	return { ...sandbox, argvLog };
}
