// The built CLI in a real pseudo-terminal, real shells, real git, HOME in a temp dir and
// the fake Anthropic API on loopback. Afterwards a fresh real shell must read the key,
// and nothing the user saw may contain the key.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, readBack, SECRET_PART, TEST_KEY, WRONG_KEY } from "../helpers/sandbox.js";
import { KEYS, pasteToPreview, runCli, runInTerminal } from "../helpers/terminal.js";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());

function expectNoLeak(text: string) {
	expect(text).not.toContain(SECRET_PART);
}

describe("interactive wizard in a pseudo-terminal", { timeout: 60_000 }, () => {
	it.each([
		{ shell: "zsh", file: ".zshrc", moves: "" },
		{ shell: "bash", file: ".bashrc", moves: "" },
		{ shell: "fish", file: ".config/fish/conf.d/claude-setup.fish", moves: "" },
	])("saves to $shell with Enter at every question and a fresh $shell reads it", async ({ shell, file }) => {
		const sandbox = makeSandbox({ shell, baseURL: api.url });
		const run = runInTerminal([], sandbox);
		await pasteToPreview(run, `  export ANTHROPIC_API_KEY="${TEST_KEY}"\n`);
		run.write(KEYS.enter);
		const screen = await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(screen).toContain(`A fresh ${shell} reads the key`);
		expect(screen).toMatch(/Claude replied in \d+ ms \(claude-haiku-5-5\)/);
		expect(statSync(`${sandbox.home}/${file}`).mode & 0o777).toBe(0o600);
		expect(readBack(shell, sandbox)).toBe(TEST_KEY);
		expectNoLeak(run.output());
	});

	it("writes .env in a real git repo, makes git ignore it, and proves it with Node's loader", async () => {
		const sandbox = makeSandbox({ shell: "bash", baseURL: api.url, gitRepo: true });
		const run = runInTerminal([], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		await run.waitForText("Where should the key go?");
		run.write("4");
		await run.waitForText(/❯ \.\/\.env/);
		run.write(KEYS.enter);
		await run.waitForText("so git ignores");
		run.write(KEYS.enter);
		const screen = await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(screen).toContain("A fresh .env loader reads");
		expect(readFileSync(`${sandbox.project}/.env`, "utf8")).toBe(`ANTHROPIC_API_KEY=${TEST_KEY}\n`);
		execFileSync("git", ["check-ignore", "-q", ".env"], { cwd: sandbox.project });
		expectNoLeak(run.output());
	});

	it("goes back to the key after a 401, and accepts the right key", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const run = runInTerminal(["--target", "zsh"], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(WRONG_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		await run.waitForText(/rejected|invalid/i);
		expect(existsSync(`${sandbox.home}/.zshrc`)).toBe(false);
		await pasteToPreview(run, TEST_KEY);
		run.write(KEYS.enter);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(run.output());
	});

	it("Ctrl-C at the key prompt exits 130, writes nothing and restores the cursor", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const run = runInTerminal([], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY.slice(0, 40));
		await run.waitForText("40 characters");
		run.write(KEYS.ctrlC);
		expect(await run.exited).toBe(130);
		expect(run.screen()).toContain("Cancelled. Nothing was written.");
		expect(run.output()).toContain("\x1b[?25h");
		expect(existsSync(`${sandbox.home}/.zshrc`)).toBe(false);
	});

	it.each([
		["at once", 0],
		["a few ms later", 5],
		["while the proof may run", 15],
	])(
		"Ctrl-C %s after Enter on the preview: the key is saved once, and the goodbye says so",
		async (_when, ms) => {
			const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
			const run = runInTerminal(["--target", "zsh"], sandbox);
			await pasteToPreview(run, TEST_KEY);
			run.write(KEYS.enter);
			// Whichever moment the key lands in: mid-write it waits (the write finishes and the run ends
			// well); after the write it cancels, saying the changes were written. Never "Nothing was written".
			setTimeout(() => run.write(KEYS.ctrlC), ms);
			const code = await run.exited;
			const screen = run.screen();
			expect(screen).not.toContain("Nothing was written");
			if (code === 0) expect(screen).toContain("All set.");
			else {
				expect(code).toBe(130);
				expect(screen).toContain("Cancelled. The changes shown above were already written.");
			}
			expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
			expect(readFileSync(`${sandbox.home}/.zshrc`, "utf8").match(/>>> claude-setup >>>/g)).toHaveLength(1);
		},
	);
});

describe("a terminal where CI happens to be set", { timeout: 60_000 }, () => {
	it("still draws every frame (Ink would otherwise show only the last one)", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const run = runInTerminal([], { ...sandbox, env: { ...sandbox.env, CI: "true" } });
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
	});
});

describe("--key-stdin", { timeout: 60_000 }, () => {
	it.each(["zsh", "bash", "fish"])("saves to %s and a fresh shell reads it", async (shell) => {
		const sandbox = makeSandbox({ shell, baseURL: api.url });
		const { stdout, stderr, exitCode } = await runCli(sandbox, ["--key-stdin", "--json"], `${TEST_KEY}\n`);
		expectNoLeak(stdout + stderr);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ ok: true, exitCode: 0, key: { kind: "api-key" } });
		expect(exitCode).toBe(0);
		expect(report.liveTest.model).toBe("claude-haiku-5-5");
		expect(readBack(shell, sandbox)).toBe(TEST_KEY);
	});

	it.each([
		["written with CRLF", "# from Windows\r\nalias ll='ls -l'\r\n"],
		[
			"with CRLF on its first line only, no final newline",
			"# mine\r\nalias ll='ls -l'\nalias gs='git status'",
		],
	])(
		"a ~/.zshrc %s: its bytes kept, the block in LF, and a fresh zsh reads the key",
		async (_name, original) => {
			const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
			writeFileSync(`${sandbox.home}/.zshrc`, original);
			const { stdout, exitCode } = await runCli(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY);
			expectNoLeak(stdout);
			expect(exitCode).toBe(0);
			const after = readFileSync(`${sandbox.home}/.zshrc`, "utf8");
			expect(after.startsWith(original)).toBe(true);
			expect(after.slice(original.length)).not.toContain("\r");
			expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		},
	);

	it("a ~/.zshrc others can read (0644) is made 0600, as the plan says, unless k keeps it", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(`${sandbox.home}/.zshrc`, "alias ll='ls -l'\n", { mode: 0o644 });
		const { stdout, exitCode } = await runCli(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY);
		expect(exitCode).toBe(0);
		expect(stdout).toContain("~/.zshrc can be read by other users (0644): it is made 0600");
		expect(statSync(`${sandbox.home}/.zshrc`).mode & 0o777).toBe(0o600);

		const kept = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(`${kept.home}/.zshrc`, "alias ll='ls -l'\n", { mode: 0o644 });
		const run = runInTerminal(["--target", "zsh"], kept);
		await pasteToPreview(run, TEST_KEY);
		run.write("k");
		await run.waitForText("its mode is kept as you chose");
		run.write(KEYS.enter);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(statSync(`${kept.home}/.zshrc`).mode & 0o777).toBe(0o644);
	});

	it("saves to .env in a real git repo; git check-ignore agrees and Node's loader reads it", async () => {
		const sandbox = makeSandbox({ shell: "bash", baseURL: api.url, gitRepo: true });
		const { stdout, exitCode } = await runCli(sandbox, ["--key-stdin", "--target", "dotenv"], TEST_KEY);
		expectNoLeak(stdout);
		expect(exitCode).toBe(0);
		expect(stdout).toContain("✓ git ignores ./.env");
		execFileSync("git", ["check-ignore", "-q", ".env"], { cwd: sandbox.project });
		const loaded = execFileSync(
			process.execPath,
			["--env-file=.env", "-p", "process.env.ANTHROPIC_API_KEY"],
			{
				cwd: sandbox.project,
				env: { PATH: sandbox.env.PATH },
				encoding: "utf8",
			},
		);
		expect(loaded.trim()).toBe(TEST_KEY);
	});

	it("--dotenv-file creates a .env in a folder that has none; Node itself takes --env-file for a missing file", async () => {
		const sandbox = makeSandbox({ shell: "bash", baseURL: api.url, gitRepo: true });
		const saved = await runCli(
			sandbox,
			["--key-stdin", "--target", "dotenv", "--dotenv-file", "app.env"],
			TEST_KEY,
		);
		expectNoLeak(saved.stdout);
		expect(saved.exitCode, saved.stdout).toBe(0);
		expect(readFileSync(`${sandbox.project}/app.env`, "utf8")).toContain(`ANTHROPIC_API_KEY=${TEST_KEY}`);
		// Why the flag exists: Node 20 reads --env-file after the script name too and exits 9 (nodejs/node#54232).
		const intercepted = await runCli(
			sandbox,
			["--key-stdin", "--target", "dotenv", "--env-file", "other.env"],
			TEST_KEY,
		);
		expect(intercepted.exitCode).toBe(9);
		expect(existsSync(`${sandbox.project}/other.env`)).toBe(false);
	});

	it("rejects a key the API refuses with exit 4 and writes nothing", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const { stdout, exitCode } = await runCli(sandbox, ["--key-stdin"], WRONG_KEY);
		expect(exitCode).toBe(4);
		expect(stdout).toMatch(/rejected/i);
		expect(existsSync(`${sandbox.home}/.zshrc`)).toBe(false);
		expectNoLeak(stdout);
	});

	it("without a terminal and without --key-stdin, says what to do and exits 2 at once", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const { stderr, exitCode } = await runCli(sandbox, []);
		expect(exitCode).toBe(2);
		expect(stderr).toContain("--key-stdin");
	});
});
