// The real node System pointed at a throwaway HOME and project folder, for tests that
// plan, write and prove real files. Nothing of the real user's environment leaks in.

import { mkdir, mkdtemp, realpath, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { AnthropicApi, System } from "../../source/core/system.js";
import { createNodeSystem } from "../../source/system/node-system.js";
import { baseEnv } from "./sandbox.js";

/** Whether anything is at `file` now. */
export const exists = (file: string): Promise<boolean> =>
	stat(file).then(
		() => true,
		() => false,
	);

export interface TempSystem {
	readonly root: string;
	readonly home: string;
	readonly project: string;
	readonly system: System;
}

/** An API that fails the test if anything calls it. */
export const NO_API: AnthropicApi = {
	listModels: () => Promise.reject(new Error("unexpected API call: listModels")),
	sendTestMessage: () => Promise.reject(new Error("unexpected API call: sendTestMessage")),
};

const roots: string[] = [];

export async function makeTempSystem(
	options: {
		api?: AnthropicApi;
		env?: Record<string, string>;
		platform?: NodeJS.Platform;
		shell?: string;
		now?: number;
	} = {},
): Promise<TempSystem> {
	// realpath: macOS puts temp folders behind the /var → /private/var link.
	const root = await realpath(await mkdtemp(path.join(os.tmpdir(), "claude-setup-core-")));
	roots.push(root);
	const home = path.join(root, "home");
	const project = path.join(root, "project");
	await mkdir(home);
	await mkdir(project);
	const env = { ...baseEnv(home, options.shell ?? "zsh"), ...options.env };
	const base = createNodeSystem({ api: options.api ?? NO_API });
	const system: System = {
		...base,
		platform: options.platform ?? "linux",
		env,
		homeDir: home,
		cwd: project,
		now: () => options.now ?? Date.UTC(2026, 10, 5, 9, 30, 0, 123),
	};
	return { root, home, project, system };
}

/** Removes every folder made by makeTempSystem; for afterAll. */
export async function removeTempSystems(): Promise<void> {
	await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** A loopback URL where nothing listens: connections are refused at once. */
export async function closedURL(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : 9;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

/** A well-formed API key (108 characters) whose middle is `secret`, ending in `last4`. */
export function testKey(secret: string, last4 = "AbCd"): string {
	return `sk-ant-api03-${secret}${"x".repeat(95 - secret.length - last4.length)}${last4}`;
}
