// The built CLI refusing to run through sudo with root's HOME (exit 2, nothing written, in
// every mode), and crashing politely: a short message, where to report it, no stack trace,
// the key scrubbed (an unexpected failure injected with `node --import`).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { validate } from "../helpers/json-schema.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, runInTerminal } from "../helpers/terminal.js";

const SCHEMA = JSON.parse(readFileSync(new URL("./json-output.schema.json", import.meta.url), "utf8"));

const CRASH_PRELOAD = fileURLToPath(new URL("../fixtures/crash-preload.mjs", import.meta.url));
const sandboxes: Sandbox[] = [];
afterAll(() => {
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

function sandbox(extraEnv: Record<string, string> = {}): Sandbox {
	// No API is reached in these tests: the runs stop before, or skip the checks.
	const made = makeSandbox({ shell: "bash", baseURL: "http://127.0.0.1:9" });
	sandboxes.push(made);
	return { ...made, env: { ...made.env, ...extraEnv } };
}

function cli(box: Sandbox, args: string[], input = "", nodeArgs: string[] = []) {
	const result = spawnSync(process.execPath, [...nodeArgs, CLI_PATH, ...args], {
		cwd: box.cwd,
		env: box.env,
		input,
		encoding: "utf8",
		timeout: 30_000,
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const files = (box: Sandbox) => readdirSync(box.root, { recursive: true, encoding: "utf8" }).sort();

// We are root in CI containers; elsewhere sudo cannot be imitated (the check needs uid 0).
const asRoot = process.getuid?.() === 0;
const nobodyHome = (() => {
	try {
		return execFileSync("getent", ["passwd", "nobody"], { encoding: "utf8" }).split(":")[5];
	} catch {
		return undefined;
	}
})();

describe.skipIf(!asRoot || !nobodyHome)("run through sudo with root's HOME", { timeout: 60_000 }, () => {
	const SUDO = { SUDO_USER: "nobody", SUDO_UID: "65534", SUDO_GID: "65534", SUDO_COMMAND: "/usr/bin/npx" };

	it.each([
		["--key-stdin", ["--key-stdin", "--target", "bash", "--no-verify"]],
		["status", ["status", "--no-verify"]],
		["remove", ["remove", "--yes"]],
	])("%s: exit 2 with the explanation, nothing written", (_, args) => {
		const box = sandbox(SUDO);
		const before = files(box);
		const run = cli(box, args, TEST_KEY);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("claude-setup is running as root through sudo");
		expect(run.stderr).toContain(`not in nobody's home (${nobodyHome})`);
		expect(run.stderr).toContain("Run it again without sudo");
		expect(run.stdout).toBe("");
		expect(files(box)).toEqual(before);
		expect(run.stderr + run.stdout).not.toContain(SECRET_PART);
	});

	it("--key-stdin --json: the refusal as JSON too", () => {
		const run = cli(sandbox(SUDO), ["--key-stdin", "--json", "--no-verify"], TEST_KEY);
		expect(run.code).toBe(2);
		const report = JSON.parse(run.stdout);
		expect(report).toMatchObject({
			schemaVersion: 1,
			ok: false,
			exitCode: 2,
			error: { kind: "sudo", title: expect.stringContaining("sudo"), next: [expect.any(String)] },
		});
		expect(validate(SCHEMA, report)).toEqual([]);
	});

	it("the wizard stops before asking for the key", async () => {
		const box = sandbox(SUDO);
		const before = files(box);
		const run = runInTerminal([], box);
		expect(await run.exited).toBe(2);
		expect(run.screen()).toContain("claude-setup is running as root through sudo");
		// The prompt drawn before Ink loads was on screen, and was erased before the refusal.
		expect(run.output()).toContain("Paste your Anthropic API key");
		expect(run.screen()).not.toContain("Paste your Anthropic API key");
		expect(files(box)).toEqual(before);
	});

	it("SUDO_USER=root (a root shell running sudo) is not refused", () => {
		const box = sandbox({ SUDO_USER: "root" });
		const run = cli(box, ["--key-stdin", "--target", "bash", "--no-verify"], TEST_KEY);
		expect(run.code).toBe(0);
	});
});

describe("an unexpected failure", () => {
	it("prints a short message and where to report it, exit 1, no stack trace, the key scrubbed", () => {
		const box = sandbox({ CRASH_DETAIL: `the key ${TEST_KEY}` });
		const run = cli(box, ["--key-stdin", "--target", "bash", "--no-verify"], TEST_KEY, [
			"--import",
			CRASH_PRELOAD,
		]);
		expect(run.code).toBe(1);
		const lines = run.stderr.trimEnd().split("\n");
		expect(lines).toEqual([
			"claude-setup stopped unexpectedly: injected failure while reading the key sk-ant-api03-…XwAA",
			"Please report it to the claude-setup maintainers with this message (it holds no key).",
		]);
		expect(run.stdout + run.stderr).not.toContain(SECRET_PART);
		expect(run.stderr).not.toMatch(/\n\s+at /);
		// The npm package named claude-setup is an unrelated project: never send people there.
		expect(run.stderr).not.toContain("npm bugs");
	});
});
