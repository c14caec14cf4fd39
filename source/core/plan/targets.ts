// Which file each target writes to. The rules follow what the shells actually read
// (see shell-startup-files.md, pitfalls 6–8): zsh honours ZDOTDIR, macOS bash reads a
// login file, fish gets a conf.d file of its own.

import path from "node:path";
import { withoutSecrets } from "../platform/child-env.js";
import type { Detected, OsKind, ShellName } from "../platform/platform.js";
import type { Env, RunCommand } from "../system.js";
import type { PowerShellHost } from "../windows/powershell.js";

export type TargetName = "zsh" | "bash" | "fish" | "dotenv" | "windows" | "powershell" | "keychain";
export const TARGET_NAMES: readonly TargetName[] = [
	"zsh",
	"bash",
	"fish",
	"dotenv",
	"windows",
	"powershell",
	"keychain",
];
/** The targets whose file a new terminal's shell runs (where a keychain lookup block can go). */
export const SHELL_TARGETS: readonly TargetName[] = ["zsh", "bash", "fish", "powershell"];
/** Targets whose file resolveTarget names without asking anything (PowerShell asks its host). */
export type FileTargetName = Exclude<TargetName, "windows" | "powershell" | "keychain">;

/**
 * The targets of each system, the recommended one first on Windows. On macOS and Linux the
 * powershell target is pwsh's profile: first for someone typing into pwsh, else last.
 */
export function targetsFor(os: OsKind, shell?: ShellName): readonly TargetName[] {
	if (os === "windows") return ["windows", "powershell", "bash", "dotenv"];
	const unix: TargetName[] = ["zsh", "bash", "fish", "dotenv"];
	// The keychain is never the default: it is offered last, after a probe (core/keychain).
	return shell === "powershell" ? ["powershell", ...unix, "keychain"] : [...unix, "powershell", "keychain"];
}

/** What the wizard offers: off Windows, the pwsh profile only where pwsh is installed. */
export function offeredTargets(detected: Pick<Detected, "os" | "shell" | "pwsh">): readonly TargetName[] {
	const all = targetsFor(detected.os, detected.shell);
	if (detected.os === "windows" || detected.pwsh !== undefined || detected.shell === "powershell") return all;
	return all.filter((target) => target !== "powershell");
}

/** Claude Code's settings.json: not a target, but a file whose stale key claude-setup replaces. */
export const CLAUDE_SETTINGS = "claude-settings";
export type FileOwner = TargetName | typeof CLAUDE_SETTINGS;

export interface TargetFile {
	target: FileOwner;
	path: string;
	syntax: "posix" | "fish" | "dotenv" | "powershell" | "json";
	/** For a PowerShell profile: the host whose profile it is (and which proves it). */
	host?: PowerShellHost;
	/** The file belongs to claude-setup alone (fish conf.d), so it can be rewritten whole. */
	ownsWholeFile: boolean;
	/** For people, e.g. "zsh — ~/.zshrc". */
	label: string;
}

export interface TargetContext {
	os: OsKind;
	home: string;
	zdotdir?: string;
	xdgConfigHome?: string;
	cwd: string;
	envFile?: string;
	existing: (path: string) => boolean;
}

/** Windows paths (Git Bash's HOME from Node is C:\Users\…) need win32 joining. */
function pathsFor(os: OsKind): path.PlatformPath {
	return os === "windows" ? path.win32 : path.posix;
}

/**
 * Login bash (macOS Terminal, Git Bash) reads only the first of these that exists.
 * Creating ~/.bash_profile when only ~/.profile exists would silently stop bash
 * from reading ~/.profile, so an existing file always wins.
 */
export const BASH_LOGIN_FILES = [".bash_profile", ".bash_login", ".profile"] as const;

function bashFile(ctx: TargetContext): string {
	const p = pathsFor(ctx.os);
	if (ctx.os === "linux" || ctx.os === "wsl") return p.join(ctx.home, ".bashrc");
	for (const name of BASH_LOGIN_FILES) {
		const candidate = p.join(ctx.home, name);
		if (ctx.existing(candidate)) return candidate;
	}
	return p.join(ctx.home, ".bash_profile");
}

export function resolveTarget(target: FileTargetName, ctx: TargetContext): TargetFile {
	const p = pathsFor(ctx.os);
	const make = (file: string, syntax: TargetFile["syntax"], ownsWholeFile: boolean, name: string) => ({
		target,
		path: file,
		syntax,
		ownsWholeFile,
		label: `${name} — ${displayPath(file, ctx.home)}`,
	});
	switch (target) {
		case "zsh":
			return make(p.join(ctx.zdotdir ?? ctx.home, ".zshrc"), "posix", false, "zsh");
		case "bash":
			return make(bashFile(ctx), "posix", false, "bash");
		case "fish": {
			const config = ctx.xdgConfigHome ?? p.join(ctx.home, ".config");
			return make(p.join(config, "fish", "conf.d", "claude-setup.fish"), "fish", true, "fish");
		}
		case "dotenv":
			return make(p.resolve(ctx.cwd, ctx.envFile ?? ".env"), "dotenv", false, "project .env");
	}
}

/** The target that fits the detected shell; shells without a startup-file target get a .env. */
export function defaultTarget(d: Detected): TargetName {
	switch (d.shell) {
		case "zsh":
		case "bash":
		case "fish":
			return d.shell;
		case "powershell":
			// pwsh on macOS or Linux reads its own profile; on Windows see below.
			if (d.os !== "windows") return "powershell";
			return "windows";
		default:
			// On Windows the user environment reaches every new terminal and app: PowerShell,
			// cmd and Git Bash alike.
			if (d.os === "windows") return "windows";
			return d.os === "macos" ? "zsh" : "bash";
	}
}

/** "/home/ada/.zshrc" → "~/.zshrc"; paths outside home are returned as they are. */
export function displayPath(file: string, home: string): string {
	const trimmedHome = home.replace(/[\\/]+$/, "");
	if (trimmedHome === "") return file;
	if (file === trimmedHome) return "~";
	const rest = file.slice(trimmedHome.length);
	if (file.startsWith(trimmedHome) && (rest.startsWith("/") || rest.startsWith("\\"))) {
		return `~${rest}`;
	}
	return file;
}

const ZDOTDIR_MARKER = /<<claude-setup-zdotdir:(.*?):claude-setup-zdotdir>>/s;

/**
 * ZDOTDIR is often set inside ~/.zshenv rather than exported, so when the environment
 * does not have it, ask zsh itself (it reads .zshenv even for `zsh -c`).
 * Returns undefined when zsh is missing, fails, or has no ZDOTDIR.
 */
export async function askZshForZdotdir(run: RunCommand, env: Env): Promise<string | undefined> {
	if (env.ZDOTDIR !== undefined && env.ZDOTDIR !== "") return env.ZDOTDIR;
	try {
		const result = await run(
			"zsh",
			["-c", `printf '\\n<<claude-setup-zdotdir:%s:claude-setup-zdotdir>>\\n' "$ZDOTDIR"`],
			{ env: withoutSecrets(env), timeoutMs: 5000 },
		);
		const value = ZDOTDIR_MARKER.exec(result.stdout)?.[1];
		return value !== undefined && value !== "" ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Project files read best relative to where the user is (`./.env`); others as `~/…`. */
export function projectPath(file: string, cwd: string, home: string): string {
	const base = cwd.replace(/[\\/]+$/, "");
	const rest = file.slice(base.length);
	if (base !== "" && file.startsWith(base) && /^[\\/]/.test(rest)) return `.${rest}`;
	return displayPath(file, home);
}

/** Git Bash's HOME: %HOME%, else HOMEDRIVE+HOMEPATH, else USERPROFILE (shell-startup-files.md, 18). */
export function gitBashHome(env: Env, fallback: string): string {
	if (env.HOME) return env.HOME;
	if (env.HOMEDRIVE && env.HOMEPATH) return `${env.HOMEDRIVE}${env.HOMEPATH}`;
	return env.USERPROFILE || fallback;
}
