// The built CLI interrupted by SIGINT/SIGTERM/SIGHUP: in a real pseudo-terminal at the key
// prompt and during the live test (files already written), and headless at moments spread
// over a whole run. Afterwards: no temp file or lock anywhere, every file either untouched or
// complete, the cursor shown again, and the exit code 128 + the signal's number.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pty from "@lydell/node-pty";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOCK_END, BLOCK_START } from "../../source/core/edit/block-markers.js";
import { type FakeAnthropic, scripted, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { holdLock, killHolders } from "../helpers/lock-holder.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, KEYS, pasteToPreview, runInTerminal, spawnSaveToZsh } from "../helpers/terminal.js";

const SHOW_CURSOR = "\x1b[?25h";
const ZSHRC = "# mine\nalias ll='ls -l'\n";

let api: FakeAnthropic;
const sandboxes: Sandbox[] = [];
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(async () => {
	killHolders();
	await api.close();
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

function sandboxWithZshrc(): Sandbox {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	sandboxes.push(sandbox);
	writeFileSync(path.join(sandbox.home, ".zshrc"), ZSHRC);
	return sandbox;
}

/** Temp files and lock files anywhere under the sandbox. */
function leftovers(sandbox: Sandbox): string[] {
	return readdirSync(sandbox.root, { recursive: true, encoding: "utf8" }).filter((name) =>
		/\.claude-setup-[0-9a-f]+\.tmp$|write\.lock$/.test(name),
	);
}

/** The .zshrc is as it was, or it is that plus exactly one whole block with the key. */
function expectUntouchedOrComplete(sandbox: Sandbox): "untouched" | "complete" {
	const text = readFileSync(path.join(sandbox.home, ".zshrc"), "utf8");
	if (text === ZSHRC) return "untouched";
	expect(text.startsWith(ZSHRC)).toBe(true);
	const lines = text.split("\n");
	expect(lines.filter((line) => line === BLOCK_START)).toHaveLength(1);
	expect(lines.filter((line) => line === BLOCK_END)).toHaveLength(1);
	expect(text).toContain(`export ANTHROPIC_API_KEY='${TEST_KEY}'`);
	expect(text.endsWith(`${BLOCK_END}\n`)).toBe(true);
	return "complete";
}

describe("signals in the interactive wizard", { timeout: 60_000 }, () => {
	it.each([
		["SIGTERM", 143],
		["SIGHUP", 129],
		["SIGINT", 130],
	] as const)("%s at the key prompt: exit %i, terminal restored, nothing written", async (signal, code) => {
		const sandbox = sandboxWithZshrc();
		const run = runInTerminal(["--target", "zsh"], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write("sk-ant-api03-");
		run.signal(signal);
		expect(await run.exited).toBe(code);
		expect(run.output().endsWith(SHOW_CURSOR) || run.output().trimEnd().endsWith(SHOW_CURSOR)).toBe(true);
		expect(readFileSync(path.join(sandbox.home, ".zshrc"), "utf8")).toBe(ZSHRC);
		expect(leftovers(sandbox)).toEqual([]);
	});

	it.each(["SIGTERM", "SIGINT"] as const)(
		"%s at the key prompt (raw mode on): the shell gets its line mode back",
		async (signal) => {
			const after = await settingsAfterSignal(sandboxWithZshrc(), signal);
			expect(after).toMatch(/^exit=(143|130)/);
			// Raw mode turns these off; a restored terminal has them on again.
			for (const setting of ["icanon", "echo", "isig", "icrnl"]) {
				expect(after.split(/[\s;]+/)).toContain(setting);
			}
		},
	);

	it.each([
		["SIGTERM", 143],
		["SIGHUP", 129],
	] as const)(
		"%s during the live test (files written): exit %i, files complete, cursor shown",
		async (signal, code) => {
			const sandbox = sandboxWithZshrc();
			api.setBehaviour((request) => (request.path === "/v1/messages" ? scripted.delay(30_000) : undefined));
			try {
				const run = runInTerminal(["--target", "zsh"], sandbox);
				await pasteToPreview(run, TEST_KEY);
				run.write(KEYS.enter);
				await run.waitForText("Sending a tiny test request to Claude");
				run.signal(signal);
				expect(await run.exited).toBe(code);
				expect(run.output().trimEnd().endsWith(SHOW_CURSOR)).toBe(true);
				expect(run.output()).not.toContain(SECRET_PART);
				expect(expectUntouchedOrComplete(sandbox)).toBe("complete");
				expect(leftovers(sandbox)).toEqual([]);
			} finally {
				api.setBehaviour(undefined);
			}
		},
	);
});

const SETTINGS_END = "end-of-settings";

/** The terminal's line settings after claude-setup ended, as the shell that started it sees them. */
async function settingsAfterSignal(sandbox: Sandbox, signal: NodeJS.Signals): Promise<string> {
	const script = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_PATH)} --target zsh; echo "exit=$?"; stty -a; echo ${SETTINGS_END}`;
	const shell = pty.spawn("bash", ["--norc", "-c", script], {
		cwd: sandbox.cwd,
		env: sandbox.env,
		cols: 100,
		rows: 40,
	});
	let output = "";
	const exited = new Promise<void>((resolve) => shell.onExit(() => resolve()));
	shell.onData((data) => {
		output += data;
	});
	const deadline = Date.now() + 15_000;
	while (!output.includes("Paste your Anthropic API key") && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	const cli = execFileSync("pgrep", ["-P", String(shell.pid)], { encoding: "utf8" }).trim();
	process.kill(Number(cli), signal);
	await exited;
	// A pty may deliver its last output after the exit: wait for the end marker, not a fixed time.
	const drained = Date.now() + 5_000;
	while (!output.includes(SETTINGS_END) && Date.now() < drained) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return output.slice(output.indexOf("exit="), output.lastIndexOf(SETTINGS_END));
}

/** Runs `--key-stdin --no-verify --target zsh`; sends `signal` after `delayMs`, or once `when` is printed. */
async function headless(sandbox: Sandbox, signal?: NodeJS.Signals, delayMs = 0, when?: string) {
	const { child, output } = spawnSaveToZsh(sandbox, TEST_KEY);
	child.stdout.on("data", () => {
		if (signal && when && output().includes(when)) child.kill(signal);
	});
	const started = Date.now();
	const timer = signal && !when ? setTimeout(() => child.kill(signal), delayMs) : undefined;
	const [code, killedBy] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
	clearTimeout(timer);
	return { code, killedBy, output: output(), ms: Date.now() - started };
}

describe("signals at any moment of a --key-stdin run", { timeout: 120_000 }, () => {
	it("SIGTERM while waiting at the write step (another run holds the lock): exit 143 at once, nothing written", async () => {
		const sandbox = sandboxWithZshrc();
		const state = path.join(sandbox.home, ".local/state/claude-setup");
		mkdirSync(state, { recursive: true });
		const holder = await holdLock(path.join(state, "write.lock"));
		const run = await headless(sandbox, "SIGTERM", 0, "Add a claude-setup block");
		expect(run.code).toBe(143);
		// It stopped waiting (the lock would have been waited for 5 s).
		expect(run.ms).toBeLessThan(4000);
		expect(readFileSync(path.join(sandbox.home, ".zshrc"), "utf8")).toBe(ZSHRC);
		// The other run's lock is not ours to remove.
		expect(readdirSync(state)).toEqual(["write.lock"]);
		expect(
			readdirSync(sandbox.root, { recursive: true, encoding: "utf8" }).filter((name) =>
				name.endsWith(".tmp"),
			),
		).toEqual([]);
		await holder.kill();
	});

	it("SIGTERM at 30 moments spread over a whole run: never a torn file, a temp file or a lock left", async () => {
		const whole = await headless(sandboxWithZshrc());
		expect(whole.code).toBe(0);
		const outcomes: Record<string, number> = {};
		for (let step = 0; step < 30; step++) {
			const sandbox = sandboxWithZshrc();
			const run = await headless(sandbox, "SIGTERM", (whole.ms * step) / 20);
			// Before the handlers are installed, or once Node is exiting, the default action ends it.
			const exit = run.killedBy ?? run.code;
			expect([0, 143, "SIGTERM"]).toContain(exit);
			const state = expectUntouchedOrComplete(sandbox);
			if (exit === "SIGTERM" && state === "complete")
				expect(run.output).toContain("A fresh zsh reads the key");
			if (exit === 143 && state === "untouched") expect(run.output).not.toContain("backup:");
			expect(leftovers(sandbox)).toEqual([]);
			expect(run.output).not.toContain(SECRET_PART);
			const key = `${exit}/${state}`;
			outcomes[key] = (outcomes[key] ?? 0) + 1;
		}
		// Printed so a reader sees which moments were hit (e.g. {"SIGTERM/untouched":9,"143/complete":4,…}).
		console.log("SIGTERM outcomes:", JSON.stringify(outcomes));
		expect(Object.keys(outcomes).some((key) => key.endsWith("untouched"))).toBe(true);
		expect(Object.keys(outcomes).some((key) => key.endsWith("complete"))).toBe(true);
	});
});
