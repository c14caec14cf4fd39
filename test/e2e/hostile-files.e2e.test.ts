// The built CLI against startup files that are not files, are huge, or hang: a FIFO at ~/.zshrc
// (made with mkfifo), a link to /dev/zero, a 5 MB file, a ~/.zshrc that hangs every new shell.
// It refuses, names the file, leaves it as it was, and ends within a second of SIGTERM or Ctrl-C
// at every step; with --json one object is printed whatever happens. On the starting commit the
// FIFO blocked forever (SIGTERM ignored), /dev/zero grew memory without bound, and SIGTERM with
// --json printed nothing.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, KEYS, runInTerminal } from "../helpers/terminal.js";

let api: FakeAnthropic;
const sandboxes: Sandbox[] = [];
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(async () => {
	await api.close();
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

type Hostile = "fifo" | "dev-zero" | "huge";

function sandboxWith(kind: Hostile | "hangs"): Sandbox {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	sandboxes.push(sandbox);
	const zshrc = path.join(sandbox.home, ".zshrc");
	if (kind === "fifo") execFileSync("mkfifo", [zshrc]);
	if (kind === "dev-zero") symlinkSync("/dev/zero", zshrc);
	if (kind === "huge") writeFileSync(zshrc, `# big\n${"x".repeat(5 * 1024 * 1024)}\n`);
	// Every new shell marks that it started, then hangs: the proof shell is a slow child.
	if (kind === "hangs") writeFileSync(zshrc, `echo $$ >> "$HOME/shell-started"\nsleep 60\n`);
	return sandbox;
}

/** Polls until `check` holds (never a fixed sleep). */
async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error("timed out waiting");
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

function headless(sandbox: Sandbox, args: readonly string[]) {
	const child = spawn(process.execPath, [CLI_PATH, "--key-stdin", "--target", "zsh", ...args], {
		cwd: sandbox.cwd,
		env: sandbox.env,
		stdio: ["pipe", "pipe", "pipe"],
	});
	let stdout = "";
	let stderr = "";
	child.stdout.on("data", (chunk: Buffer) => {
		stdout += String(chunk);
	});
	child.stderr.on("data", (chunk: Buffer) => {
		stderr += String(chunk);
	});
	child.stdin.end(TEST_KEY);
	const exit = once(child, "exit").then(
		([code, signal]) => ({ code, signal }) as { code: number | null; signal: string | null },
	);
	return { child, exit, stdout: () => stdout, stderr: () => stderr };
}

const ZSHRC_KIND: Record<Hostile, (file: string) => void> = {
	fifo: (file) => expect(lstatSync(file).isFIFO()).toBe(true),
	"dev-zero": (file) => expect(lstatSync(file).isSymbolicLink()).toBe(true),
	huge: (file) => expect(lstatSync(file).size).toBeGreaterThan(5 * 1024 * 1024),
};

describe("--key-stdin refuses a startup file that is not a plain file", { timeout: 60_000 }, () => {
	it.each([
		["fifo", "not a regular file"],
		["dev-zero", "not a regular file"],
		["huge", "larger than 4 MB"],
	] as const)("%s at ~/.zshrc: exit 6 in a moment, names it, leaves it", async (kind, why) => {
		const sandbox = sandboxWith(kind);
		const started = Date.now();
		const run = headless(sandbox, []);
		expect(await run.exit).toEqual({ code: 6, signal: null });
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(run.stdout()).toContain("Could not read ~/.zshrc");
		expect(run.stdout()).toContain(why);
		expect(run.stdout()).toContain("Nothing was changed");
		ZSHRC_KIND[kind](path.join(sandbox.home, ".zshrc"));
		expect(existsSync(path.join(sandbox.home, ".local/state/claude-setup/backups"))).toBe(false);
	});

	it.each(["fifo", "dev-zero"] as const)("%s with --json: one object, ok false, exit 6", async (kind) => {
		const sandbox = sandboxWith(kind);
		const run = headless(sandbox, ["--json", "--no-verify"]);
		expect((await run.exit).code).toBe(6);
		const report = JSON.parse(run.stdout());
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
		expect(report.error.title).toContain("~/.zshrc");
	});
});

describe("SIGTERM and SIGINT end it within a second, --json still prints one object", {
	timeout: 90_000,
}, () => {
	it.each([
		["SIGTERM", 143, "interrupted"],
		["SIGINT", 130, "cancelled"],
	] as const)(
		"%s while a new shell hangs (a slow child): exit %i, one JSON object",
		async (signal, code, kind) => {
			const sandbox = sandboxWith("hangs");
			const before = readFileSync(path.join(sandbox.home, ".zshrc"), "utf8");
			const run = headless(sandbox, ["--json"]);
			await until(() => existsSync(path.join(sandbox.home, "shell-started")));
			const sent = Date.now();
			run.child.kill(signal);
			expect((await run.exit).code).toBe(code);
			expect(Date.now() - sent).toBeLessThan(1000);
			const report = JSON.parse(run.stdout());
			expect(report).toMatchObject({ ok: false, exitCode: code, interrupted: signal, error: { kind } });
			expect(run.stdout()).not.toContain(SECRET_PART);
			// Whatever step it was at, the file is as it was or holds the whole block.
			const after = readFileSync(path.join(sandbox.home, ".zshrc"), "utf8");
			expect(after === before || (after.startsWith(before) && after.includes("# <<< claude-setup <<<"))).toBe(
				true,
			);
			// No shell it started outlives it: each ran in a process group of its own, now gone.
			const shells = readFileSync(path.join(sandbox.home, "shell-started"), "utf8").trim().split("\n");
			await until(() => shells.every((pid) => !groupAlive(Number(pid))));
		},
	);
});

describe("status --json, stopped while a new shell hangs", { timeout: 60_000 }, () => {
	it("SIGTERM: exit 143 within a second, one JSON object that says so", async () => {
		const sandbox = sandboxWith("hangs");
		const child = spawn(process.execPath, [CLI_PATH, "status", "--json", "--no-verify"], {
			cwd: sandbox.cwd,
			env: sandbox.env,
			stdio: ["ignore", "pipe", "pipe"],
		});
		let stdout = "";
		child.stdout.on("data", (chunk: Buffer) => {
			stdout += String(chunk);
		});
		const exit = once(child, "exit");
		await until(() => existsSync(path.join(sandbox.home, "shell-started")));
		const sent = Date.now();
		child.kill("SIGTERM");
		expect((await exit)[0]).toBe(143);
		expect(Date.now() - sent).toBeLessThan(1000);
		expect(JSON.parse(stdout)).toMatchObject({ ok: false, exitCode: 143, interrupted: "SIGTERM" });
	});
});

describe("the wizard with a FIFO at ~/.zshrc", { timeout: 60_000 }, () => {
	it("says what is wrong instead of hanging, and Ctrl-C ends it within a second", async () => {
		const sandbox = sandboxWith("fifo");
		const run = runInTerminal(["--target", "zsh"], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		await run.waitForText("not a regular file");
		const sent = Date.now();
		run.write(KEYS.ctrlC);
		await run.exited;
		expect(Date.now() - sent).toBeLessThan(1000);
		expect(lstatSync(path.join(sandbox.home, ".zshrc")).isFIFO()).toBe(true);
		expect(run.output()).not.toContain(SECRET_PART);
	});
});

/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe("children without credentials, git without repository code, XDG by the spec", {
	timeout: 60_000,
}, () => {
	it("a repo whose fsmonitor and hooks record their environment: never run, never see the key", async () => {
		const sandbox = makeSandbox({ shell: "bash", baseURL: api.url, gitRepo: true });
		sandboxes.push(sandbox);
		const ran = path.join(sandbox.root, "hook-ran");
		const hook = path.join(sandbox.root, "record.sh");
		writeFileSync(hook, `#!/bin/sh\nenv >> '${ran}'\n`, { mode: 0o755 });
		writeFileSync(path.join(sandbox.project, ".env"), "DEBUG=1\n");
		execFileSync("git", ["add", ".env"], { cwd: sandbox.project, env: sandbox.env });
		execFileSync("git", ["config", "core.fsmonitor", hook], { cwd: sandbox.project });
		for (const name of ["post-index-change", "pre-commit", "post-checkout"]) {
			writeFileSync(path.join(sandbox.project, ".git", "hooks", name), `#!/bin/sh\nexec '${hook}'\n`, {
				mode: 0o755,
			});
		}
		// The terminal it runs in has a key of its own (the one the issue saw handed to git).
		const env = { ...sandbox.env, ANTHROPIC_API_KEY: TEST_KEY, ANTHROPIC_AUTH_TOKEN: TEST_KEY };
		const child = spawn(
			process.execPath,
			[CLI_PATH, "--key-stdin", "--target", "dotenv", "--untrack", "--json"],
			{
				cwd: sandbox.cwd,
				env,
				stdio: ["pipe", "pipe", "pipe"],
			},
		);
		let stdout = "";
		child.stdout.on("data", (chunk: Buffer) => {
			stdout += String(chunk);
		});
		child.stdin.end(TEST_KEY);
		const [code] = await once(child, "exit");
		expect(JSON.parse(stdout)).toMatchObject({ ok: true, exitCode: 0 });
		expect(code).toBe(0);
		expect(existsSync(ran) ? readFileSync(ran, "utf8") : "never ran").toBe("never ran");
		expect(execFileSync("git", ["ls-files", "--", ".env"], { cwd: sandbox.project, encoding: "utf8" })).toBe(
			"",
		);
	});

	it("a relative XDG_STATE_HOME puts no backup (holding the old key) inside the project", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		sandboxes.push(sandbox);
		writeFileSync(path.join(sandbox.home, ".zshrc"), "export ANTHROPIC_API_KEY=old\n", { mode: 0o600 });
		const child = spawn(process.execPath, [CLI_PATH, "--key-stdin", "--no-verify", "--target", "zsh"], {
			cwd: sandbox.cwd,
			env: { ...sandbox.env, XDG_STATE_HOME: "state" },
			stdio: ["pipe", "pipe", "pipe"],
		});
		child.stdin.end(TEST_KEY);
		const [code] = await once(child, "exit");
		expect(code).toBe(0);
		expect(existsSync(path.join(sandbox.project, "state"))).toBe(false);
		expect(existsSync(path.join(sandbox.home, ".local/state/claude-setup/backups"))).toBe(true);
	});
});
