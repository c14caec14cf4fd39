// A throwaway HOME and project folder per test, with an environment that holds nothing
// of the real user's (no ANTHROPIC_* variables, no real HOME), and a way to ask a fresh
// real shell what it sees.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Valid-shaped test keys, built at runtime; SECRET_PART must never appear in any output. */
export const SECRET_PART = "E2eSecretPartNeverShown";
export const TEST_KEY = `sk-ant-api03-${SECRET_PART}${"x".repeat(93 - SECRET_PART.length - 4)}ZyXwAA`;
export const WRONG_KEY = `sk-ant-api03-${"w".repeat(89)}WrOnAA`;

export interface Sandbox {
	/** The temp folder holding home and project; remove it when done. */
	readonly root: string;
	readonly home: string;
	readonly project: string;
	readonly env: Record<string, string>;
	readonly cwd: string;
}

/** Debian's /etc/skel/.profile in short: a login bash (SSH, tmux) reads ~/.bashrc through it. */
export const DEBIAN_PROFILE = '[ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"\n';

export function makeSandbox(options: { shell: string; baseURL: string; gitRepo?: boolean }): Sandbox {
	const root = mkdtempSync(join(tmpdir(), "claude-setup-e2e-"));
	const home = join(root, "home");
	const project = join(root, "project");
	mkdirSync(home);
	mkdirSync(project);
	// A bash user's home as Linux makes it: without it a login bash never reads ~/.bashrc.
	if (options.shell === "bash") writeFileSync(join(home, ".profile"), DEBIAN_PROFILE);
	if (options.gitRepo) execFileSync("git", ["init", "-q"], { cwd: project });
	const env: Record<string, string> = {
		...baseEnv(home, options.shell),
		TERM: "xterm-256color",
		ANTHROPIC_BASE_URL: options.baseURL,
	};
	return { root, home, project, env, cwd: project };
}

/** The environment every sandbox starts from: this PATH, the sandbox's HOME, no git system config. */
export function baseEnv(home: string, shell: string): Record<string, string> {
	return {
		PATH: process.env.PATH ?? "/usr/bin:/bin",
		HOME: home,
		SHELL: `/usr/bin/${shell}`,
		LANG: "C.UTF-8",
		GIT_CONFIG_NOSYSTEM: "1",
	};
}

/** Runs git in `cwd` with a throwaway identity for commits; returns what it printed. */
export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
	return execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args], {
		cwd,
		env,
		encoding: "utf8",
	});
}

/** What a fresh interactive shell (or Node's .env loader) sees, with the variable removed first. */
export function readBack(shell: string, sandbox: Sandbox): string {
	const env = { ...sandbox.env };
	const script = `printf '<<%s>>' "$ANTHROPIC_API_KEY"`;
	const args: Record<string, string[]> = {
		zsh: ["-ic", script],
		bash: ["-ic", script],
		fish: ["-c", "printf '<<%s>>' \"$ANTHROPIC_API_KEY\""],
	};
	const output = execFileSync(shell, args[shell] ?? [], {
		env,
		cwd: sandbox.project,
		encoding: "utf8",
		stdio: ["ignore", "pipe", "ignore"],
	});
	return /<<(.*)>>/.exec(output)?.[1] ?? "";
}
