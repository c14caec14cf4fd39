import { describe, expect, it } from "vitest";
import { staleTerminalWarning, usageHints } from "../../../source/core/flow/describe.js";
import type { Plan } from "../../../source/core/plan/plan.js";
import type { Detected } from "../../../source/core/platform/platform.js";

const KEY = `sk-ant-api03-${"n".repeat(89)}NewwAA`;
const OLD = `sk-ant-api03-${"o".repeat(89)}OlddAA`;

type Change = Plan["changes"][number];

function planFor(target: "zsh" | "dotenv", display: string, before: readonly Change[] = []): Plan {
	return {
		variable: "ANTHROPIC_API_KEY",
		masked: "",
		backupDir: "/b",
		blockedProfiles: [],
		changes: [...before, { file: { target }, display } as Change],
	};
}

/** A tracked ~/.zshrc: the key goes to a private file, listed first with its folder's .gitignore. */
const PRIVATE_FILES = [
	{ file: { target: "zsh" }, display: "~/.local/state/claude-setup/.gitignore", supporting: true },
	{ file: { target: "zsh" }, display: "~/.local/state/claude-setup/env.sh", supporting: true },
] as Change[];

describe("staleTerminalWarning", () => {
	it.each([
		["no value in this terminal", planFor("zsh", "~/.zshrc"), undefined, undefined],
		["the same key", planFor("zsh", "~/.zshrc"), KEY, undefined],
		[
			"an older key, shell file",
			planFor("zsh", "~/.zshrc"),
			OLD,
			"This terminal still has ANTHROPIC_API_KEY=sk-ant-api03-…ddAA; programs started here use it until you run `source ~/.zshrc` or open a new terminal.",
		],
		[
			"an older key, the key in a private file that ~/.zshrc sources",
			planFor("zsh", "~/.zshrc", PRIVATE_FILES),
			OLD,
			"This terminal still has ANTHROPIC_API_KEY=sk-ant-api03-…ddAA; programs started here use it until you run `source ~/.zshrc` or open a new terminal.",
		],
		[
			"an empty value, .env",
			planFor("dotenv", "./.env"),
			"",
			"This terminal still has ANTHROPIC_API_KEY=an empty value; programs started here use it until you run `unset ANTHROPIC_API_KEY` (it wins over .env), and remove it from your shell files.",
		],
	])("%s", (_name, plan, terminal, expected) => {
		const warning = staleTerminalWarning(plan, KEY, terminal);
		expect(warning).toBe(expected);
		expect(warning ?? "").not.toContain("o".repeat(20));
	});
});

// "in this one" only where this terminal's shell reads the file: a zsh cannot source a fish file,
// and a new zsh terminal never reads ~/.bashrc.
describe("usageHints: how to use the key now", () => {
	const HOME = "/home/ada";
	const change = (target: "zsh" | "bash" | "fish" | "powershell", path: string, syntax = "sh") =>
		({ file: { target, path: `${HOME}/${path}`, syntax }, display: `~/${path}`, action: "create" }) as Change;
	const planOf = (...changes: Change[]): Plan => ({ ...planFor("zsh", "~/.zshrc"), changes });
	const on = (shell: Detected["shell"]): Detected => ({
		os: "linux",
		shell,
		shellSource: "SHELL",
		home: HOME,
	});

	it.each<[string, Change, Detected["shell"], string]>([
		[
			"zsh file, zsh terminal",
			change("zsh", ".zshrc"),
			"zsh",
			"Use it now: open a new terminal, or run `source ~/.zshrc` in this one.",
		],
		[
			"fish file, zsh terminal",
			change("fish", ".config/fish/conf.d/claude-setup.fish", "fish"),
			"zsh",
			"Use it in fish: start a new fish, or run `source ~/.config/fish/conf.d/claude-setup.fish` in a fish that is already open.",
		],
		[
			"bash file, zsh terminal",
			change("bash", ".bashrc"),
			"zsh",
			"Use it in bash: start a new bash, or run `source ~/.bashrc` in a bash that is already open.",
		],
		[
			"pwsh profile, bash terminal",
			change("powershell", ".config/powershell/profile.ps1", "powershell"),
			"bash",
			"Use it in PowerShell: start a new PowerShell, or run `. $PROFILE.CurrentUserAllHosts` in a PowerShell that is already open.",
		],
		[
			"pwsh profile, typed into pwsh",
			change("powershell", ".config/powershell/profile.ps1", "powershell"),
			"powershell",
			"Use it now: open a new terminal, or run `. $PROFILE.CurrentUserAllHosts` in this one.",
		],
		[
			"zsh file, a shell not known",
			change("zsh", ".zshrc"),
			"unknown",
			"Use it now: open a new terminal, or run `source ~/.zshrc` in this one.",
		],
	])("%s", (_name, written, shell, hint) => {
		expect(usageHints(planOf(written), on(shell))).toEqual([hint]);
	});
});
