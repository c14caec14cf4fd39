// runHeadless with the real node System and the real SDK against the fake API, plus the
// checks every headless test makes: the secret is never printed, credentials went as Bearer.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, expect } from "vitest";
import { type HeadlessOptions, type Report, runHeadless } from "../../../source/core/flow/headless.js";
import type { AnthropicApi } from "../../../source/core/system.js";
import { createAnthropicApi } from "../../../source/system/anthropic-api.js";
import { type FakeAnthropic, REDACTED_BEARER } from "../../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../../helpers/fake-api-per-file.js";
import { makeTempSystem, removeTempSystems, type TempSystem, testKey } from "../../helpers/temp-system.js";

export const SECRET = "HeadlessSecretNeverShown";
export const KEY = testKey(SECRET, "AbCd");
export const MASKED = "sk-ant-api03-…AbCd";
const WRONG_SECRET = "WrongSecretAlsoNeverShown";
export const WRONG_KEY = testKey(WRONG_SECRET, "WrOn");

export interface Run {
	readonly sandbox: TempSystem;
	readonly report: Report;
	readonly lines: string[];
	readonly text: string;
}

export async function sandboxFor(
	fakeUrl: string,
	options: { shell?: string; platform?: NodeJS.Platform; api?: AnthropicApi } = {},
): Promise<TempSystem> {
	return makeTempSystem({
		api: options.api ?? createAnthropicApi({ baseURL: fakeUrl, timeoutMs: 5000 }),
		env: { ANTHROPIC_BASE_URL: fakeUrl },
		shell: options.shell ?? "zsh",
		platform: options.platform,
	});
}

/** Runs claude-setup --key-stdin; asserts no secret in any line or in the report. */
export async function runIn(
	sandbox: TempSystem,
	rawKey: string,
	options: Partial<HeadlessOptions> = {},
	secrets: readonly string[] = [SECRET, WRONG_SECRET],
): Promise<Run> {
	const lines: string[] = [];
	const report = await runHeadless(
		sandbox.system,
		rawKey,
		{ targets: [], verify: true, dryRun: false, ...options },
		{ nodePath: process.execPath, parentPid: process.pid, print: (line) => lines.push(line) },
	);
	const text = lines.join("\n");
	const json = JSON.stringify(report);
	for (const secret of secrets) {
		expect(text).not.toContain(secret);
		expect(json).not.toContain(secret);
	}
	return { sandbox, report, lines, text };
}

/** Every request carried the key as `authorization: Bearer`, never as x-api-key. */
function expectBearerOnly(fake: FakeAnthropic): void {
	for (const request of fake.requests) {
		expect(request.authHeader).toBe("authorization");
		expect(request.headers.authorization).toBe(REDACTED_BEARER);
		expect(request.headers["x-api-key"]).toBeUndefined();
	}
	expect(JSON.stringify(fake.requests)).not.toContain(SECRET);
}

export function calls(fake: FakeAnthropic): string[] {
	return fake.requests.map((request) => `${request.method} ${request.path}`);
}

/** Every file under the sandbox's home and project, relative to the sandbox. */
export async function filesIn(sandbox: TempSystem): Promise<string[]> {
	const found: string[] = [];
	for (const dir of [sandbox.home, sandbox.project]) {
		for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
			const file = path.relative(sandbox.root, path.join(entry.parentPath, entry.name));
			// claude-setup's own record of what it wrote (for `remove`) is not a user file.
			if (entry.isFile() && !file.endsWith(path.join("claude-setup", "written.json"))) found.push(file);
		}
	}
	return found.sort();
}

/**
 * One fake API for a test file, reset before each test; after each, whatever reached it carried
 * the key as a Bearer token, never as x-api-key. `started` receives it once it listens.
 */
export function withFakeApi(started: (fake: FakeAnthropic) => void): void {
	let fake: FakeAnthropic | undefined;
	fakeApiPerFile([KEY], (running) => {
		fake = running;
		started(running);
	});
	afterAll(removeTempSystems);
	afterEach(() => {
		if (fake) expectBearerOnly(fake);
	});
}
