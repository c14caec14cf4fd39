// The `windows` target for real: the built CLI under Wine's Windows node.exe, saving the key in
// HKCU\Environment with the real Windows PowerShell 7, checked independently (`reg query`, a new
// cmd); rotation with a backup, `status`, and `remove` leaving no value behind (it used to leave
// an empty REG_SZ: PowerShell 7.5+ turned `$null` into "", which .NET 9 saves instead of deleting).
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROTATED_KEY } from "../helpers/app-steps.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { createWineMachine, type WineMachine, wineTestTimeout } from "../helpers/wine.js";

const VARIABLE = "ANTHROPIC_API_KEY";
let api: FakeAnthropic;
let windows: WineMachine;

beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY, ROTATED_KEY] });
	windows = createWineMachine({ ANTHROPIC_BASE_URL: api.url });
}, 120_000);
afterAll(async () => {
	windows?.close();
	await api?.close();
});

// Wine 8's node.exe cannot connect to the fake API on 127.0.0.1 ("connect UNKNOWN"), and a run
// that tried leaves Wine's next processes hanging: the live checks are proven on Linux instead.
const NO_VERIFY = "--no-verify";
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

// One machine, one story: each step starts from where the one before left it.
// Each test makes at most two runs of cli or spawn, each of which may hang twice and still fail in time.
describe.sequential("the windows target under Wine", { timeout: wineTestTimeout(2) }, () => {
	it("saves the key in HKCU\\Environment: reg query and a new cmd see it", async () => {
		const saved = await windows.cli(["--key-stdin", "--target", "windows", "--json", NO_VERIFY], TEST_KEY);
		expect(saved.terminal).not.toContain(SECRET_PART);
		expect(saved.stdout).not.toContain(SECRET_PART);
		expect(json(saved.stdout)).toMatchObject({
			ok: true,
			exitCode: 0,
			files: [{ target: "windows", path: "the Windows user environment", action: "create" }],
			proofs: [{ target: "windows", ok: true }],
		});
		expect(saved.exitCode).toBe(0);
		expect(windows.userVariable(VARIABLE)).toBe(TEST_KEY);
		const cmd = await windows.spawn("cmd", ["/d", "/c", `echo %${VARIABLE}%`]);
		expect(cmd.stdout.trim()).toBe(TEST_KEY);
	});

	it("rotation replaces it and keeps the old value in a private backup", async () => {
		const rotated = await windows.cli(
			["--key-stdin", "--target", "windows", "--json", "--yes", NO_VERIFY],
			ROTATED_KEY,
		);
		expect(json(rotated.stdout)).toMatchObject({
			ok: true,
			files: [{ target: "windows", action: "replaced" }],
		});
		expect(windows.userVariable(VARIABLE)).toBe(ROTATED_KEY);
		const backups = windows.unix(`${windows.userProfile}\\AppData\\Local\\claude-setup\\backups`);
		const names = readdirSync(backups).filter((name) => name.startsWith(`user-variable.${VARIABLE}.`));
		expect(names).toHaveLength(1);
		expect(readFileSync(`${backups}/${names[0]}`, "utf8")).toContain(TEST_KEY);
	});

	it("status: a new terminal gets the rotated key, and this process has it too", async () => {
		const status = await windows.cli(["status", "--json", NO_VERIFY]);
		expect(status.stdout).not.toContain(SECRET_PART);
		expect(json(status.stdout)).toMatchObject({
			newTerminal: { masked: "sk-ant-api03-…NeWk" },
			thisProcess: { sameAsNewTerminal: true },
			issues: [],
			verdict: "All good.",
		});
		expect(status.exitCode).toBe(0);
	});

	it("remove deletes the variable (no empty value left), and status then finds none", async () => {
		const removed = await windows.cli(["remove", "--yes", "--json"]);
		expect(removed.exitCode, removed.stdout + removed.terminal).toBe(0);
		expect(windows.userVariable(VARIABLE)).toBeUndefined();
		const status = await windows.cli(["status", "--json", "--no-verify"]);
		expect(status.stdout).not.toMatch(/empty/i);
		expect(json(status.stdout)).not.toHaveProperty("newTerminal.masked");
		expect(status.exitCode, status.stdout).toBe(7);
	});

	it("the wizard in a terminal: paste, Enter, Enter, asked the shell: Enter; the new value is in the registry", async () => {
		const terminal = windows.terminal([NO_VERIFY]);
		await terminal.seen("Paste your Anthropic API key", 120_000);
		terminal.write(TEST_KEY);
		await terminal.seen("Looks like an API key", 30_000);
		terminal.write("\r");
		await terminal.seen("Where should the key go?", 120_000);
		// Wine's console may draw the question before its options: wait for them.
		await terminal.seen("Windows user environment (recommended)", 30_000);
		terminal.write("\r");
		await terminal.seen("Write these changes?", 60_000);
		terminal.write("\r");
		// Started from Unix there is no Windows parent to name the shell, and WMI fails: it asks.
		await terminal.seen("Which shell do you type commands into?", 120_000);
		terminal.write("\r");
		await terminal.seen(/Saved in the Windows user environment/, 120_000);
		const stillRunning = new Promise<string>((resolve) => {
			setTimeout(() => resolve("still running 120 s after saving"), 120_000).unref();
		});
		expect(await Promise.race([terminal.exited, stillRunning])).toBe(0);
		// Wine's console echoes what is typed before Ink's raw mode takes (a Windows console in raw
		// mode does not), so only the screen as drawn is checked here; the pty e2e tests check the rest.
		expect(terminal.screen()).not.toContain(SECRET_PART);
		expect(windows.userVariable(VARIABLE)).toBe(TEST_KEY);
		// Longer than its waits together (690 s): a hang fails at one, saying what was drawn.
	}, 720_000);
});
