// The wizard when ~/.zshrc is under version control (a git repo in $HOME), or pwsh's profile
// (~/.config in a repo): it asks before a secret goes in, offers claude-setup's private file
// by default, and the preview shows it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, expectNoLeak, pasteKey, zshrc } from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import { flat } from "./helpers/ink-driver.js";
import { withPwshOnPath } from "./helpers/real-pwsh.js";
import { git, readBack, type Sandbox, TEST_KEY } from "./helpers/sandbox.js";

// The CLI under test finds pwsh on PATH, as a person's shell would: the real one, wherever it is installed.
process.env.PATH = withPwshOnPath({ PATH: process.env.PATH ?? "" }).PATH;

const { newSandbox, start } = zshAppSuite([TEST_KEY]);

const ORIGINAL = "# committed to my dotfiles repo\n";

/** A sandbox whose HOME is a git repository with ~/.zshrc committed. */
function trackedHome(): Sandbox {
	const sandbox = newSandbox();
	git(sandbox.home, sandbox.env, "init", "-q");
	writeFileSync(`${sandbox.home}/.zshrc`, ORIGINAL);
	git(sandbox.home, sandbox.env, "add", ".zshrc");
	git(sandbox.home, sandbox.env, "commit", "-q", "-m", "dotfiles");
	return sandbox;
}

const QUESTION = "Where should the key itself go?";

/** A tracked ~/.zshrc, --target zsh, the key pasted: at the question, `move` picks `choice`. */
async function choose(move: (app: ReturnType<typeof start>["app"]) => void, choice: string) {
	const sandbox = trackedHome();
	const { app } = start({ presetTargets: ["zsh"] }, sandbox);
	await pasteKey(app);
	await app.waitForText(QUESTION);
	move(app);
	await app.waitForText(`❯ ${choice}`);
	app.press("enter");
	return { app, sandbox };
}

describe("a ~/.zshrc under version control", { timeout: 30_000 }, () => {
	it("Enter keeps the key in a private file that ~/.zshrc loads; a fresh zsh reads it", async () => {
		const sandbox = trackedHome();
		const { app } = start({}, sandbox);
		await pasteKey(app);
		await answer(app, "Where should the key go?");
		const question = await answer(app, QUESTION);
		expect(question).toContain("~/.zshrc is inside the git repository ~ (tracked)");
		expect(question).toContain("❯ Keep the key in a private file that ~/.zshrc loads (recommended)");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("Create ~/.local/state/claude-setup/env.sh (readable only by you)");
		expect(preview).toContain("Create ~/.local/state/claude-setup/.gitignore so git never picks up");
		expect(preview).toContain("the key goes in ~/.local/state/claude-setup/env.sh");
		expect(preview).toContain('+ [ -f "$HOME/.local/state/claude-setup/env.sh" ] && .');
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(zshrc(sandbox)).not.toContain(TEST_KEY);
		const envSh = `${sandbox.home}/.local/state/claude-setup/env.sh`;
		expect(statSync(envSh).mode & 0o777).toBe(0o600);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});

	it("'write it anyway' puts the key in ~/.zshrc and the preview warns", async () => {
		const { app, sandbox } = await choose((app) => app.press("down"), "Write the key into ~/.zshrc anyway");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("the key goes into it. Keep it out of commits");
		await app.waitForText("All set.");
		expect(zshrc(sandbox)).toContain(TEST_KEY);
		expect(existsSync(`${sandbox.home}/.local/state/claude-setup/env.sh`)).toBe(false);
		expectNoLeak(app);
	});

	it("quit writes nothing", async () => {
		const { app, sandbox } = await choose((app) => app.type("3"), "Quit without saving");
		expect(await app.waitForExit()).toBe(130);
		expect(readFileSync(`${sandbox.home}/.zshrc`, "utf8")).toBe(ORIGINAL);
	});
});

/** A sandbox whose ~/.config is a git repository with pwsh's profile committed. */
function trackedPwshProfile(): Sandbox & { profile: string } {
	const sandbox = newSandbox();
	const config = `${sandbox.home}/.config`;
	mkdirSync(`${config}/powershell`, { recursive: true });
	writeFileSync(`${config}/powershell/profile.ps1`, ORIGINAL);
	git(config, sandbox.env, "init", "-q");
	git(config, sandbox.env, "add", "powershell/profile.ps1");
	git(config, sandbox.env, "commit", "-q", "-m", "dotfiles");
	return { ...sandbox, profile: `${config}/powershell/profile.ps1` };
}

/** $env:ANTHROPIC_API_KEY in a brand-new pwsh of the sandbox, its profile loaded. */
function pwshReads(sandbox: Sandbox): string {
	const script = "[Console]::Out.Write('<<' + $env:ANTHROPIC_API_KEY + '>>')";
	const output = execFileSync("pwsh", ["-NoLogo", "-NonInteractive", "-Command", script], {
		env: sandbox.env,
		encoding: "utf8",
	});
	return /<<(.*)>>/.exec(output)?.[1] ?? "";
}

describe("pwsh's profile under version control", { timeout: 30_000 }, () => {
	const PROFILE = "~/.config/powershell/profile.ps1";

	it("Enter keeps the key in env.ps1 that the profile dot-sources; a fresh pwsh reads it", async () => {
		const sandbox = trackedPwshProfile();
		const { app } = start({ presetTargets: ["powershell"] }, sandbox);
		await pasteKey(app);
		const question = flat(await answer(app, QUESTION));
		expect(question).toContain(`${PROFILE} is inside the git repository ~/.config (tracked)`);
		expect(question).toContain(`❯ Keep the key in a private file that ${PROFILE} loads (recommended)`);
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("Create ~/.local/state/claude-setup/env.ps1 (readable only by you)");
		expect(preview).toContain("the key goes in ~/.local/state/claude-setup/env.ps1");
		expect(preview).toContain("+ & { $keyFile = Join-Path $HOME '.local/state/claude-setup/env.ps1';");
		await app.waitForText("All set.");
		expect(flat(app.lastFrame() ?? "")).toContain(`A fresh PowerShell 7 reads the key from ${PROFILE}`);
		expect(await app.waitForExit()).toBe(0);
		expect(readFileSync(sandbox.profile, "utf8")).not.toContain(TEST_KEY);
		expect(readFileSync(sandbox.profile, "utf8").startsWith(ORIGINAL)).toBe(true);
		expect(statSync(`${sandbox.home}/.local/state/claude-setup/env.ps1`).mode & 0o777).toBe(0o600);
		expect(pwshReads(sandbox) === TEST_KEY).toBe(true);
		expectNoLeak(app);
	});

	it("'write it anyway' puts the key in the profile itself, and no env.ps1", async () => {
		const sandbox = trackedPwshProfile();
		const { app } = start({ presetTargets: ["powershell"] }, sandbox);
		await pasteKey(app);
		await app.waitForText(QUESTION);
		app.press("down");
		await app.waitForText(`❯ Write the key into ${PROFILE} anyway`);
		app.press("enter");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("the key goes into it. Keep it out of commits");
		await app.waitForText("All set.");
		expect(readFileSync(sandbox.profile, "utf8")).toContain(`$env:ANTHROPIC_API_KEY = '${TEST_KEY}'`);
		expect(existsSync(`${sandbox.home}/.local/state/claude-setup/env.ps1`)).toBe(false);
		expectNoLeak(app);
	});
});
