// What a person opens, proven by the built CLI: a stale key in ~/.zlogin still wins in a login
// zsh (SSH, tmux, macOS Terminal), and a ~/.bash_profile that does not load ~/.bashrc leaves a
// login bash without the key. Both are said on screen, in --json, and make ok false (exit 7).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { KEYS, runCli, runInTerminal } from "../helpers/terminal.js";

const STALE_SECRET = "StaleZloginNeverShown";
const STALE_KEY = testKey(STALE_SECRET, "ZlOg");

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());

function sandboxWith(shell: string, files: Record<string, string>) {
	const sandbox = makeSandbox({ shell, baseURL: api.url });
	for (const [name, text] of Object.entries(files)) writeFileSync(join(sandbox.home, name), text);
	return sandbox;
}

describe("login shells, --key-stdin --json", { timeout: 60_000 }, () => {
	it("a stale key in ~/.zlogin: in staleDefinitions with where it wins, ok false, exit 7", async () => {
		const sandbox = sandboxWith("zsh", { ".zlogin": `export ANTHROPIC_API_KEY=${STALE_KEY}\n` });
		const result = await runCli(sandbox, ["--key-stdin", "--target", "zsh", "--json"], TEST_KEY);
		expect(result.exitCode).toBe(7);
		for (const secret of [SECRET_PART, STALE_SECRET]) expect(result.stdout).not.toContain(secret);
		const report = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(report).toMatchObject({
			ok: false,
			staleDefinitions: [{ where: "~/.zlogin line 1", masked: "sk-ant-api03-…ZlOg", winsIn: ["zsh -l -i"] }],
			proofs: [
				{ ok: true, shells: ["zsh -i"] },
				{ ok: false, shells: ["zsh -l -i"], sees: "sk-ant-api03-…ZlOg" },
			],
		});
	});

	it("a ~/.bash_profile that does not load ~/.bashrc: the login bash proof fails, with the line to add", async () => {
		const sandbox = sandboxWith("bash", { ".bash_profile": "export EDITOR=vi\n" });
		const result = await runCli(sandbox, ["--key-stdin", "--target", "bash"], TEST_KEY);
		expect(result.exitCode).toBe(7);
		expect(result.stdout).toContain("✓ A fresh bash reads the key from ~/.bashrc");
		expect(result.stdout).toContain(
			"✗ a new login bash (what SSH and tmux open) does not see ANTHROPIC_API_KEY",
		);
		expect(result.stdout).toContain("[ -f ~/.bashrc ] && . ~/.bashrc");
	});
});

describe("login shells, the wizard in a pseudo-terminal", { timeout: 60_000 }, () => {
	it("declining to comment out ~/.zlogin's key: the done screen says a login zsh still gets it", async () => {
		const sandbox = sandboxWith("zsh", { ".zlogin": `export ANTHROPIC_API_KEY=${STALE_KEY}\n` });
		const run = runInTerminal([], { env: sandbox.env, cwd: sandbox.cwd });
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		await run.waitForText("Where should the key go?", 30_000);
		run.write(KEYS.enter);
		await run.waitForText("Comment it out?", 30_000);
		run.write("n");
		await run.waitForText("Write these changes?", 30_000);
		run.write(KEYS.enter);
		const done = await run.waitForText(/not everything checks out/i, 30_000);
		expect(done).toContain("✓ A fresh zsh reads the key from ~/.zshrc");
		expect(done).toMatch(
			/✗ a new login zsh \(what SSH and tmux open\) sees a different value \(sk-ant-api03-…ZlOg\)/,
		);
		// The definition that wins is named, from what the scan found.
		expect(done).toMatch(/definition\s+wins\s+—\s+~\/\.zlogin\s+line\s+1/);
		expect(done).not.toContain("All set");
		run.write(KEYS.enter);
		expect(await run.exited).toBe(7);
		for (const secret of [SECRET_PART, STALE_SECRET]) expect(run.output()).not.toContain(secret);
	});
});
