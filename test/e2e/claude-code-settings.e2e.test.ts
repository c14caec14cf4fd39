// A stale key in Claude Code's settings.json beats the shell's: after `--key-stdin` the real
// Claude Code (claude -p from a fresh zsh) must send the new key, or claude-setup must have said
// why not and exited non-zero. Every settings scope Claude Code reads, and CLAUDE_CONFIG_DIR.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeInFreshShell, claudeOnPath } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { runCli } from "../helpers/terminal.js";

const SECRET = "SettingsSecretNeverShown";
const NEW = testKey(`${SECRET}New`, "NewK");
const OLD = testKey(`${SECRET}Old`, "OldK");
const REPLY = "Hello! Nice to meet you.";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [NEW, OLD], keyNames: { [NEW]: "new key", [OLD]: "old key" } });
});
afterAll(() => api.close());

/** A settings file as people write them: comments, an odd indent, other settings around the key. */
function settingsText(key: string): string {
	return `{\n   "model": "opus",\n   "env": {\n      "DISABLE_TELEMETRY": "1",\n      "ANTHROPIC_API_KEY": "${key}"\n   },\n   "permissions": { "allow": [] }\n}\n`;
}

interface Scope {
	readonly name: string;
	readonly file: (sandbox: Sandbox) => string;
	readonly env?: (sandbox: Sandbox) => Record<string, string>;
}

const SCOPES: Scope[] = [
	{ name: "~/.claude/settings.json", file: (s) => join(s.home, ".claude", "settings.json") },
	{ name: "project .claude/settings.json", file: (s) => join(s.project, ".claude", "settings.json") },
	{
		name: "project .claude/settings.local.json",
		file: (s) => join(s.project, ".claude", "settings.local.json"),
	},
	{
		name: "CLAUDE_CONFIG_DIR/settings.json",
		file: (s) => join(s.root, "claude-config", "settings.json"),
		env: (s) => ({ CLAUDE_CONFIG_DIR: join(s.root, "claude-config") }),
	},
];

function sandboxWith(scope: Scope) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	const extra = scope.env?.(sandbox) ?? {};
	const withEnv = { ...sandbox, env: { ...sandbox.env, ...extra } };
	const file = scope.file(withEnv);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, settingsText(OLD), { mode: 0o600 });
	return { sandbox: withEnv, file };
}

function sentSince(before: number): string[] {
	return api.requests
		.slice(before)
		.filter((request) => request.path === "/v1/messages")
		.map((request) => request.credentials["x-api-key"] ?? "none");
}

function expectNoLeak(text: string): void {
	expect(text).not.toContain(SECRET);
}

describe("a stale key in a Claude Code settings file", { timeout: 120_000 }, () => {
	it.each(SCOPES)(
		"$name: without --yes, exit 7 naming the file and --yes; Claude Code still sends the old key",
		async (scope) => {
			const { sandbox, file } = sandboxWith(scope);
			const saved = await runCli(sandbox, ["--key-stdin", "--target", "zsh"], NEW);
			expectNoLeak(saved.stdout + saved.stderr);
			expect(saved.exitCode).toBe(7);
			expect(saved.stdout).toContain("settings");
			expect(saved.stdout).toContain("Add --yes");
			expect(saved.stdout).not.toContain("All set");
			expect(readFileSync(file, "utf8")).toBe(settingsText(OLD));
			const before = api.requests.length;
			const run = await claudeInFreshShell("zsh", sandbox);
			expect(sentSince(before)).toContain("old key");
			expectNoLeak(run.stdout + run.stderr);
		},
	);

	it.each(SCOPES)(
		"$name: with --yes the value is replaced in place and Claude Code sends the new key",
		async (scope) => {
			const { sandbox, file } = sandboxWith(scope);
			const saved = await runCli(sandbox, ["--key-stdin", "--target", "zsh", "--yes", "--json"], NEW);
			expectNoLeak(saved.stdout + saved.stderr);
			expect(saved.exitCode).toBe(0);
			const report = JSON.parse(saved.stdout);
			expect(report.claudeCode.sendsNewKey).toBe(true);
			// Every other byte stays: comments, indent, order.
			expect(readFileSync(file, "utf8")).toBe(settingsText(NEW));
			expect(statSync(file).mode & 0o777).toBe(0o600);
			const before = api.requests.length;
			const run = await claudeInFreshShell("zsh", sandbox);
			expectNoLeak(run.stdout + run.stderr);
			expect(run.stdout).toBe(REPLY);
			expect(new Set(sentSince(before))).toEqual(new Set(["new key"]));
			// remove takes the key back out of the settings file, keeping the rest.
			const removed = await runCli(sandbox, ["remove", "--yes"]);
			expect(removed.exitCode).toBe(0);
			expect(readFileSync(file, "utf8")).not.toContain("ANTHROPIC_API_KEY");
			expect(readFileSync(file, "utf8")).toContain(`"model": "opus"`);
		},
	);
});

describe("before writing: billing and the interactive question; after: Claude Code asked", {
	timeout: 120_000,
}, () => {
	it("a subscription login and Claude Code set up: --key-stdin says it will bill the key, asks nothing of -p, and proves it", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		mkdirSync(join(sandbox.home, ".claude"));
		const login = {
			claudeAiOauth: { accessToken: `sk-ant-oat01-${"o".repeat(80)}`, expiresAt: Date.now() + 1e10 },
		};
		writeFileSync(join(sandbox.home, ".claude", ".credentials.json"), JSON.stringify(login));
		const state = { hasCompletedOnboarding: true, customApiKeyResponses: { approved: [], rejected: [] } };
		writeFileSync(join(sandbox.home, ".claude.json"), JSON.stringify(state));
		const claudeBin = claudeOnPath(sandbox);
		const saved = await runCli(sandbox, ["--key-stdin", "--target", "zsh", "--json"], NEW, claudeBin);
		expectNoLeak(saved.stdout + saved.stderr);
		expect(saved.exitCode).toBe(0);
		const report = JSON.parse(saved.stdout);
		expect(report.claudeCode.billsKeyInsteadOfSubscription).toBe(true);
		expect(report.claudeCode.interactive).toBe("asks");
		expect(report.claudeCode.notes.join(" ")).toMatch(/bill.*--target dotenv/);
		expect(report.claudeCode.notes.join(" ")).toContain("choose Yes");
		const proof = report.proofs.find((item: { target: string }) => item.target === "claude-code");
		expect(proof).toMatchObject({ ok: true });
		expect(proof.detail).toContain("claude auth status");
		const before = api.requests.length;
		const run = await claudeInFreshShell("zsh", sandbox);
		expect(run.stdout).toBe(REPLY);
		expect(new Set(sentSince(before))).toEqual(new Set(["new key"]));
	});

	it("a project .env: says Claude Code does not read it; the real Claude Code agrees", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const saved = await runCli(sandbox, ["--key-stdin", "--target", "dotenv"], NEW);
		expect(saved.exitCode).toBe(0);
		expect(saved.stdout).toContain("Claude Code does not read .env files");
		const run = await claudeInFreshShell("zsh", sandbox);
		expect(run.stdout).toContain("Not logged in");
	});
});
