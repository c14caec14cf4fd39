// The whole wizard on a fake Windows machine (PowerShell 7 in Windows Terminal, a user
// environment that already holds a key, cmd in VS Code, Git Bash): what the person sees, the
// exact user variables and bytes afterwards, and that the key only ever went on standard input.
import { describe, expect, it } from "vitest";
import { answer, pasteKey, ROTATED_KEY, replaceExisting } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { BACKUPS, type FakeWindowsOptions, fakeWindows, HOME, PROJECT } from "./helpers/fake-windows.js";
import { flat } from "./helpers/ink-driver.js";
import { TEST_KEY } from "./helpers/sandbox.js";
import { expectKeptSecret, inputs, MANIFEST, manifest, renderOn, text } from "./helpers/windows-app.js";

let fake: FakeAnthropic;
withAppSuite([TEST_KEY, ROTATED_KEY], (running) => {
	fake = running;
});

const PWSH_IN_TERMINAL: Omit<FakeWindowsOptions, "apiUrl"> = {
	ancestors: ["node.exe", "pwsh.exe", "WindowsTerminal.exe", "explorer.exe"],
	env: { WT_SESSION: "0b7a3c1e-8f7e-4a43-9a53-2f0c5d1e9a61" },
};
const BACKUP = `${BACKUPS}\\user-variable.ANTHROPIC_API_KEY.2026-11-05T09-30-00-123Z.bak`;

function machine(options: Omit<FakeWindowsOptions, "apiUrl"> = PWSH_IN_TERMINAL) {
	return fakeWindows({ ...options, apiUrl: fake.url });
}

describe("PowerShell 7 in Windows Terminal", { timeout: 30_000 }, () => {
	it("Enter everywhere saves the user variable, proves it and says to close every tab", async () => {
		const windows = machine();
		const app = renderOn(windows);
		await pasteKey(app);
		const targets = await answer(app, "Where should the key go?");
		expect(targets).toContain("❯ Windows user environment (recommended)");
		expect(targets).toContain("PowerShell profile — new PowerShell windows only");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("Set ANTHROPIC_API_KEY in the Windows user environment");
		expect(preview).toContain("+ ANTHROPIC_API_KEY = sk-ant-api03-…XwAA");
		const done = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(done).toContain("✓ Saved in the Windows user environment");
		expect(done).toContain("✓ A fresh process reads the key from the Windows user environment");
		expect(done).toMatch(/Claude replied in \d+ ms \(claude-haiku-5-5\)/);
		expect(done).toContain("In Windows Terminal: close every tab and window, then open it again");
		expect(windows.registry).toEqual({ ANTHROPIC_API_KEY: TEST_KEY });
		expect(inputs(windows)).toEqual([`pwsh setUserVariable ANTHROPIC_API_KEY ← "${TEST_KEY}\\n"`]);
		// Detection only reads; the one change is the variable, then a fresh process reads it back.
		const steps = windows.steps();
		expect(steps.slice(0, 3)).toEqual(["powershell version", "pwsh version", "powershell parentChain"]);
		expect(steps.filter((step) => /set|remove|allow/i.test(step))).toEqual([
			"pwsh setUserVariable ANTHROPIC_API_KEY",
		]);
		expect(steps.slice(-2)).toEqual([
			"pwsh setUserVariable ANTHROPIC_API_KEY",
			"pwsh readUserVariable ANTHROPIC_API_KEY",
		]);
		expect(manifest(windows)).toEqual([
			{ target: "windows", path: "user-environment", variable: "ANTHROPIC_API_KEY", created: true },
		]);
		expect(Object.keys(windows.fs.files())).toEqual([MANIFEST]);
		expectKeptSecret(app, windows, [TEST_KEY]);
	});

	it("rotation: the old key is shown masked, backed up privately, and replaced", async () => {
		const windows = machine({ ...PWSH_IN_TERMINAL, userVariables: { ANTHROPIC_API_KEY: TEST_KEY } });
		const app = renderOn(windows);
		await replaceExisting(app, "sk-ant-api03-…XwAA in the Windows user environment");
		await pasteKey(app, ROTATED_KEY);
		await answer(app, "Where should the key go?");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain(
			"Replace ANTHROPIC_API_KEY in the Windows user environment (it was sk-ant-api03-…XwAA)",
		);
		expect(preview).toContain("+ ANTHROPIC_API_KEY = sk-ant-api03-…NeWk");
		expect(preview).toContain(
			"the old value is backed up as user-variable.ANTHROPIC_API_KEY.2026-11-05T09-30-00-123Z.bak in ~\\AppData\\Local\\claude-setup\\backups\\",
		);
		// Enter keeps the backup that holds the old key (deleting it is opt-in).
		await answer(app, "The old key is still in 1 backup.");
		const done = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(done).toContain(
			"the old value is backed up as user-variable.ANTHROPIC_API_KEY.2026-11-05T09-30-00-123Z.bak in ~\\AppData\\Local\\claude-setup\\backups\\",
		);
		expect(done).toContain("✓ A fresh process reads the key from the Windows user environment");
		expect(done).toContain(
			"The old key (sk-ant-api03-…XwAA) was not checked: if it still works, revoke it at console.anthropic.com",
		);
		expect(done).toContain(
			"The old key (sk-ant-api03-…XwAA) was not checked: if it still works, revoke it at console.anthropic.com",
		);
		expect(windows.registry).toEqual({ ANTHROPIC_API_KEY: ROTATED_KEY });
		expect(text(windows, BACKUP)).toBe(TEST_KEY);
		expect((await windows.fs.info(BACKUP))?.mode).toBe(0o600);
		expect(inputs(windows)).toEqual([`pwsh setUserVariable ANTHROPIC_API_KEY ← "${ROTATED_KEY}\\n"`]);
		expect(manifest(windows)).toEqual([
			{ target: "windows", path: "user-environment", variable: "ANTHROPIC_API_KEY", created: false },
		]);
		expectKeptSecret(app, windows, [TEST_KEY, ROTATED_KEY]);
	});
});

describe("a failing SetEnvironmentVariable", { timeout: 30_000 }, () => {
	it("puts the .env and .gitignore back: Nothing was written, exit 6", async () => {
		const dotenv = `${PROJECT}\\.env`;
		const windows = machine({
			...PWSH_IN_TERMINAL,
			files: { [dotenv]: "DEBUG=1\r\n" },
			failSetVariable: "Requested registry access is not allowed.",
		});
		const before = windows.fs.files();
		const app = renderOn(windows, { presetTargets: ["dotenv", "windows"] });
		await pasteKey(app);
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("Add the key to .\\.env");
		expect(preview).toContain("Create .\\.gitignore so git ignores the key + /.env");
		expect(preview).toContain("Set ANTHROPIC_API_KEY in the Windows user environment");
		const failed = flat(await app.waitForText("Nothing was written"));
		expect(await app.waitForExit()).toBe(6);
		expect(failed).toContain(
			'Windows did not save ANTHROPIC_API_KEY in your user environment: it said "Requested registry access is not allowed.". Nothing was changed.',
		);
		// The .env and the .gitignore are as they were; only the private backup of the .env stays.
		const backup = `${BACKUPS}\\.env.2026-11-05T09-30-00-123Z.bak`;
		expect(windows.fs.files()).toEqual({ ...before, [backup]: before[dotenv] });
		expect(windows.registry).toEqual({});
		expect(inputs(windows)).toEqual([`pwsh setUserVariable ANTHROPIC_API_KEY ← "${TEST_KEY}\\n"`]);
		expectKeptSecret(app, windows, [TEST_KEY]);
	});
});

describe("other Windows shells", { timeout: 30_000 }, () => {
	it("cmd in VS Code: quit VS Code completely; cmd's set lasts only for that window", async () => {
		const windows = machine({
			hosts: { powershell: "5.1.19041.5247" },
			ancestors: ["node.exe", "cmd.exe", "cmd.exe", "Code.exe"],
			env: { TERM_PROGRAM: "vscode" },
		});
		const app = renderOn(windows);
		await app.waitForText("Windows · cmd");
		await pasteKey(app);
		await answer(app, "Where should the key go?");
		await answer(app, "Write these changes?");
		const done = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(done).toContain("In VS Code: quit VS Code completely (every window) and start it again");
		expect(done).toContain("In cmd, `set ANTHROPIC_API_KEY=…` lasts only for that window");
		expect(windows.registry).toEqual({ ANTHROPIC_API_KEY: TEST_KEY });
		expect(inputs(windows)).toEqual([`powershell setUserVariable ANTHROPIC_API_KEY ← "${TEST_KEY}\\n"`]);
		expectKeptSecret(app, windows, [TEST_KEY]);
	});

	it("no WMI (Win32_Process fails, as under Wine): PowerShell 7's Get-Process names the shell", async () => {
		const windows = machine({ ...PWSH_IN_TERMINAL, wmi: false });
		const app = renderOn(windows);
		await app.waitForText("Windows · powershell");
		expect(windows.steps().slice(0, 4)).toEqual([
			"powershell version",
			"pwsh version",
			"powershell parentChain",
			"pwsh parentChain",
		]);
		app.press("escape");
		expect(await app.waitForExit()).toBe(130);
	});

	it("Git Bash: the bash target writes ~/.bash_profile with LF and points to the windows target", async () => {
		const windows = machine({
			...PWSH_IN_TERMINAL,
			ancestors: ["node.exe", "bash.exe", "mintty.exe"],
			env: { MSYSTEM: "MINGW64", HOME: HOME },
		});
		const app = renderOn(windows);
		await pasteKey(app);
		const targets = await app.waitForText("Where should the key go?");
		expect(targets).toContain("~\\.bash_profile — new Git Bash windows");
		app.press("down");
		app.press("down");
		await app.waitForText("❯ ~\\.bash_profile");
		app.press("enter");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("Create ~\\.bash_profile (readable only by you)");
		const done = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(done).toContain("✓ A fresh bash reads the key from ~\\.bash_profile");
		expect(done).toContain("The windows target reaches Git Bash too, and every other app.");
		expect(text(windows, `${HOME}\\.bash_profile`)).toBe(
			[
				"# >>> claude-setup >>>",
				"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.",
				`export ANTHROPIC_API_KEY='${TEST_KEY}'`,
				"# <<< claude-setup <<<",
				"",
			].join("\n"),
		);
		expect(windows.registry).toEqual({});
		expect(windows.steps()).toContain("bash proof ANTHROPIC_API_KEY");
		expectKeptSecret(app, windows, [TEST_KEY]);
	});
});
