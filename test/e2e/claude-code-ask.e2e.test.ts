// --ask-claude-code: after saving, the built CLI sends one real request with the real Claude Code
// (claude -p from a fresh shell) to the fake API and reports it with the other proofs. Without
// the flag Claude Code sends nothing (no tokens); without Claude Code the proof says so (exit 7).
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeOnPath } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { runCli } from "../helpers/terminal.js";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY], keyNames: { [TEST_KEY]: "saved key" } });
});
afterAll(() => api.close());

/** What the real Claude Code sent since request number `since`. */
const fromClaudeCode = (since: number) =>
	api.requests
		.slice(since)
		.filter(
			(request) =>
				request.path === "/v1/messages" && request.headers["user-agent"]?.startsWith("claude-cli/"),
		);

/** A sandbox where Claude Code was used before (it keeps ~/.claude.json), claude on PATH or not. */
function sandboxWith(claude: boolean) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	writeFileSync(join(sandbox.home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true }));
	// Without it: no folder on PATH holds a claude (npx puts node_modules/.bin there).
	const path = (sandbox.env.PATH ?? "")
		.split(":")
		.filter((folder) => !existsSync(join(folder, "claude")))
		.join(":");
	return { sandbox, env: claude ? claudeOnPath(sandbox) : { PATH: path } };
}

interface Proof {
	readonly target: string;
	readonly ok: boolean;
	readonly detail: string;
}

describe("--ask-claude-code", { timeout: 120_000 }, () => {
	it("sends one real claude -p request from a new zsh, with the saved key, and reports its reply", async () => {
		const { sandbox, env } = sandboxWith(true);
		const before = api.requests.length;
		const args = ["--key-stdin", "--target", "zsh", "--ask-claude-code"];
		const run = await runCli(sandbox, args, TEST_KEY, env);
		expect(run.stdout + run.stderr).not.toContain(SECRET_PART);
		expect(run.stdout).toContain(
			"✓ Claude Code (claude -p) started from a new zsh replied: “Hello! Nice to meet you.”",
		);
		expect(run.stdout).toMatch(/Claude Code started from a new zsh uses ANTHROPIC_API_KEY: the new key/);
		expect(run.exitCode).toBe(0);
		const sent = fromClaudeCode(before);
		expect(sent.length).toBeGreaterThan(0);
		for (const request of sent) expect(request.credentials).toEqual({ "x-api-key": "saved key" });
	});

	it("--json carries it among the proofs", async () => {
		const { sandbox, env } = sandboxWith(true);
		const args = ["--key-stdin", "--target", "zsh", "--ask-claude-code", "--json"];
		const run = await runCli(sandbox, args, TEST_KEY, env);
		expect(run.stdout).not.toContain(SECRET_PART);
		const report = JSON.parse(run.stdout) as { ok: boolean; proofs: Proof[] };
		const claude = report.proofs.filter((proof) => proof.target === "claude-code");
		expect(claude.map((proof) => proof.ok)).toEqual([true, true]);
		expect(claude[1]?.detail).toContain("replied: “Hello! Nice to meet you.”");
		expect(report.ok).toBe(true);
	});

	it("without the flag, Claude Code sends no request (no tokens spent)", async () => {
		const { sandbox, env } = sandboxWith(true);
		const before = api.requests.length;
		const run = await runCli(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY, env);
		expect(run.exitCode).toBe(0);
		expect(run.stdout).not.toContain("claude -p");
		expect(fromClaudeCode(before)).toEqual([]);
	});

	it("where Claude Code is not installed, says nothing was asked: saved but not proven (exit 7)", async () => {
		const { sandbox, env } = sandboxWith(false);
		const run = await runCli(sandbox, ["--key-stdin", "--target", "zsh", "--ask-claude-code"], TEST_KEY, env);
		expect(run.stdout).toContain("✗ Claude Code is not installed for a new zsh (no claude on its PATH)");
		expect(run.exitCode).toBe(7);
	});

	it("a key saved only in a project .env: Claude Code was not asked, and it says why (exit 7)", async () => {
		const { sandbox, env } = sandboxWith(true);
		const before = api.requests.length;
		const run = await runCli(
			sandbox,
			["--key-stdin", "--target", "dotenv", "--ask-claude-code"],
			TEST_KEY,
			env,
		);
		expect(run.stdout).toContain(
			"Claude Code was not asked: --ask-claude-code asks it from a new zsh, bash or fish",
		);
		expect(run.exitCode).toBe(7);
		expect(fromClaudeCode(before)).toEqual([]);
	});
});
