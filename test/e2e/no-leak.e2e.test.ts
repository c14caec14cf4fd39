// The leak audit on the built CLI: one sentinel key through the interactive wizard in a real
// pseudo-terminal (raw output, escape codes and all), --key-stdin (text and --json), every error
// path, status and remove. Wrappers named git, zsh, bash, fish and ps come first on PATH and log
// their arguments (and environment) before running the real program: the sentinel's secret part
// must be in no output, no log line, no file or folder name and not in the manifest.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
	type FakeAnthropic,
	type ScriptedReply,
	scripted,
	startFakeAnthropic,
} from "../helpers/fake-anthropic.js";
import { manifestText, namesUnder, watchNames } from "../helpers/leak-audit.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { closedURL } from "../helpers/temp-system.js";
import { KEYS, pasteToPreview, runCli, runInTerminal } from "../helpers/terminal.js";

const WRAPPED = ["git", "zsh", "bash", "fish", "ps"] as const;

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());
beforeEach(() => api.setBehaviour(undefined));

interface Audited extends Sandbox {
	readonly argvLog: string;
	readonly envLog: string;
}

/** A sandbox whose PATH starts with logging wrappers, with ANTHROPIC_LOG=debug set. */
function audited(
	shell: string,
	options: { baseURL?: string; gitRepo?: boolean; env?: Record<string, string> } = {},
) {
	const sandbox = makeSandbox({ shell, baseURL: options.baseURL ?? api.url, gitRepo: options.gitRepo });
	const shims = join(sandbox.root, "shims");
	mkdirSync(shims);
	const argvLog = join(sandbox.root, "argv.log");
	const envLog = join(sandbox.root, "env.log");
	for (const name of WRAPPED) {
		const real = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
		const script = [
			"#!/bin/sh",
			`{ printf '%s' ${name}; for a in "$@"; do printf ' [%s]' "$a"; done; printf '\\n'; } >> '${argvLog}'`,
			`env >> '${envLog}'`,
			`exec '${real}' "$@"`,
		].join("\n");
		writeFileSync(join(shims, name), `${script}\n`);
		chmodSync(join(shims, name), 0o755);
	}
	writeFileSync(argvLog, "");
	writeFileSync(envLog, "");
	const env = {
		...sandbox.env,
		PATH: `${shims}:${sandbox.env.PATH}`,
		SHELL: join(shims, shell),
		ANTHROPIC_LOG: "debug",
		...options.env,
	};
	return { ...sandbox, env, argvLog, envLog } satisfies Audited;
}

function expectNoTrace(text: string): void {
	expect(text).not.toContain(SECRET_PART);
	expect(stripVTControlCharacters(text)).not.toContain(SECRET_PART);
	// Drawn one character at a time with cursor moves between, it would still be readable.
	expect(stripVTControlCharacters(text).replace(/\s+/g, "")).not.toContain(SECRET_PART);
}

/** After a flow: the wrappers' logs, every name under the sandbox and the manifest hold no trace. */
async function expectCleanSandbox(sandbox: Audited, options: { keyInEnvironment?: boolean } = {}) {
	const argv = readFileSync(sandbox.argvLog, "utf8");
	expectNoTrace(argv);
	// A key this terminal already exports is inherited by every child, ours or not.
	if (!options.keyInEnvironment) expectNoTrace(readFileSync(sandbox.envLog, "utf8"));
	expectNoTrace((await namesUnder(sandbox.root)).join("\n"));
	expectNoTrace(await manifestText(sandbox.home));
	return argv;
}

async function cli(sandbox: Audited, args: string[], input = "") {
	const result = await runCli(sandbox, args, input);
	expectNoTrace(result.stdout);
	expectNoTrace(result.stderr);
	return result;
}

describe("the interactive wizard in a pseudo-terminal", { timeout: 60_000 }, () => {
	it("raw output, escape codes included, never holds the key; nor does any child's command line", async () => {
		const sandbox = audited("zsh");
		const run = runInTerminal([], sandbox);
		await pasteToPreview(run, `\x1b[200~  export ANTHROPIC_API_KEY="${TEST_KEY}"\x1b[201~`);
		run.write(KEYS.enter);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expectNoTrace(run.output());
		expectNoTrace(run.screen());
		// ANTHROPIC_LOG=debug is set: the SDK's log lines ("[log_…] sending request") never show.
		expect(run.output()).not.toMatch(/\[log_[0-9a-f]+\]/);
		const argv = await expectCleanSandbox(sandbox);
		expect(argv).toMatch(/^zsh \[-ic\]/m);
		expect(argv).toMatch(/^git /m);
	});

	it("a paste wrapped in colour codes and an OSC 52 clipboard write: no crash, no echo", async () => {
		// Ink's key parser used to throw on ESC[31m (a Ctrl key without a name) and end the process.
		const sandbox = audited("zsh");
		const run = runInTerminal([], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(`\x1b[31m${TEST_KEY}\x1b[0m`);
		await run.waitForText("Looks like an API key");
		run.write("\x15");
		await run.waitForText("Create one at console.anthropic.com");
		// A clipboard write smuggled into a paste is refused, and nothing of it is shown.
		run.write(`\x1b]52;c;cHduZWQ=\x07${TEST_KEY}`);
		await run.waitForText(/The key has a .* at character \d+ of \d+\./);
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
		expectNoTrace(run.output());
		expect(run.output()).not.toContain("cHduZWQ=");
	});

	it("a badly pasted key: the message names the character and never echoes the key", async () => {
		const sandbox = audited("bash", { baseURL: api.url });
		const run = runInTerminal(["--target", "bash"], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(`${TEST_KEY.slice(0, 50)} ${TEST_KEY.slice(50)}`);
		await run.waitForText("a space at character 51");
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
		expectNoTrace(run.output());
		await expectCleanSandbox(sandbox);
	});
});

describe("--key-stdin", { timeout: 60_000 }, () => {
	it.each([
		["text", ["--key-stdin"]],
		["--json", ["--key-stdin", "--json"]],
	])("%s: saved, proven, live-tested; the SDK's debug log stays silent", async (_, args) => {
		const sandbox = audited("zsh");
		const watched = watchNames([sandbox.home, sandbox.project]);
		const { exitCode, stdout, stderr } = await cli(sandbox, args, `${TEST_KEY}\n`);
		await watched.stop();
		expect(exitCode).toBe(0);
		expect(stderr).toBe("");
		if (args.includes("--json")) expect(JSON.parse(stdout)).toMatchObject({ ok: true });
		expectNoTrace([...watched.names].join("\n"));
		expect([...watched.names].some((name) => name.includes(".claude-setup-"))).toBe(true);
		await expectCleanSandbox(sandbox);
	});

	const failures: [string, () => ScriptedReply][] = [
		["403", scripted.permission],
		["429", () => scripted.rateLimit(30)],
		["500", scripted.serverError],
		["529", scripted.overloaded],
	];
	it.each(failures)("the API answers %s (text and --json)", async (_, reply) => {
		api.setBehaviour(() => reply());
		for (const json of [[], ["--json"]]) {
			const sandbox = audited("zsh");
			const { exitCode, stderr } = await cli(sandbox, ["--key-stdin", ...json], TEST_KEY);
			expect(exitCode).not.toBe(0);
			expect(stderr).toBe("");
			await expectCleanSandbox(sandbox);
		}
	});

	it.each([
		[
			"401: a key the API does not know",
			`sk-ant-api03-${SECRET_PART}${"u".repeat(89 - SECRET_PART.length)}NoPe`,
		],
		["a bad format", `sk-ant-api03-${SECRET_PART}`],
		["shell characters", TEST_KEY.replace("Secret", "$(id)")],
	])("%s", async (_, key) => {
		const sandbox = audited("zsh");
		const text = await cli(sandbox, ["--key-stdin"], key);
		const json = await cli(sandbox, ["--key-stdin", "--json"], key);
		expect([text.exitCode, json.exitCode]).toEqual([expect.any(Number), text.exitCode]);
		expect(text.exitCode).not.toBe(0);
		await expectCleanSandbox(sandbox);
	});

	it("the API is unreachable", async () => {
		const sandbox = audited("zsh", { baseURL: await closedURL() });
		const { exitCode } = await cli(sandbox, ["--key-stdin", "--json"], TEST_KEY);
		expect(exitCode).toBe(5);
		await expectCleanSandbox(sandbox);
	});

	it("a folder where ~/.zshrc should be", async () => {
		const sandbox = audited("zsh");
		mkdirSync(join(sandbox.home, ".zshrc"));
		const { exitCode, stdout } = await cli(sandbox, ["--key-stdin"], TEST_KEY);
		expect(exitCode).toBe(6);
		expect(stdout).toContain("is a folder");
		await expectCleanSandbox(sandbox);
	});

	it("a .env that git already tracks", async () => {
		const sandbox = audited("bash", { gitRepo: true });
		writeFileSync(join(sandbox.project, ".env"), "OTHER=1\n");
		execFileSync("git", ["add", ".env"], { cwd: sandbox.project });
		const { stdout } = await cli(sandbox, ["--key-stdin", "--target", "dotenv"], TEST_KEY);
		expect(stdout).toContain("git rm --cached");
		await expectCleanSandbox(sandbox);
	});

	it("the key pasted as an argument instead of on standard input", async () => {
		const sandbox = audited("zsh");
		const { exitCode, stderr } = await cli(sandbox, [TEST_KEY]);
		expect(exitCode).toBe(2);
		expect(stderr).toContain("--key-stdin");
	});
});

describe("status and remove", { timeout: 60_000 }, () => {
	it("with the key in ~/.zshrc, in .env and in the environment", async () => {
		const sandbox = audited("zsh", { env: { ANTHROPIC_API_KEY: TEST_KEY } });
		expect(
			(await cli(sandbox, ["--key-stdin", "--target", "zsh", "--target", "dotenv"], TEST_KEY)).exitCode,
		).toBe(0);
		for (const args of [
			["status"],
			["status", "--json"],
			["remove", "--dry-run"],
			["remove", "--yes", "--json"],
		]) {
			const { exitCode } = await cli(sandbox, args);
			expect(exitCode).toBe(0);
		}
		expect(existsSync(join(sandbox.project, ".env"))).toBe(false);
		const argv = await expectCleanSandbox(sandbox, { keyInEnvironment: true });
		expect(argv).toMatch(/^zsh \[-ic\]/m);
	});

	it("remove --yes (text) after a save", async () => {
		const sandbox = audited("bash");
		await cli(sandbox, ["--key-stdin", "--no-verify"], TEST_KEY);
		const { exitCode, stdout } = await cli(sandbox, ["remove", "--yes"]);
		expect(exitCode).toBe(0);
		expect(stdout).toContain("~/.bashrc");
		await expectCleanSandbox(sandbox);
	});
});
