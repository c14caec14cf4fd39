// Which operating system and shell the person is using, decided from facts passed in
// (platform, environment, /proc/version, the parent process) so every combination is testable.

import type { Env, System } from "../system.js";
import { withoutSecrets } from "./child-env.js";
import { xdgFromEnv } from "./paths.js";
import { findOnPath, gatherAncestors, nearestShell, programName } from "./pwsh.js";

export type OsKind = "macos" | "linux" | "windows" | "wsl";
export type ShellName = "zsh" | "bash" | "fish" | "powershell" | "cmd" | "git-bash" | "unknown";

export interface Detected {
	os: OsKind;
	shell: ShellName;
	/** Where the shell came from: `$SHELL`, the process that started us, or a per-OS guess. */
	shellSource: "SHELL" | "parent" | "default" | "asked";
	zdotdir?: string;
	xdgConfigHome?: string;
	home: string;
	/** PowerShell 7 is installed here (macOS, Linux, WSL): its path on PATH. */
	pwsh?: string;
}

export interface PlatformFacts {
	platform: NodeJS.Platform;
	env: Env;
	home: string;
	/** Contents of /proc/version (Linux only); WSL kernels mention "microsoft". */
	procVersion?: string;
	/** Name of the parent process as `ps -o comm=` prints it, e.g. "zsh", "-zsh", "/bin/bash". */
	parentProcessName?: string;
	/** Our ancestors' command lines, nearest first (asked only below a pwsh, see pwsh.ts). */
	ancestors?: readonly string[];
	/** Where pwsh is on PATH (macOS, Linux, WSL). */
	pwshPath?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
	return value !== undefined && value !== "" ? value : undefined;
}

function detectOs(facts: PlatformFacts): OsKind {
	if (facts.platform === "darwin") return "macos";
	if (facts.platform === "win32") return "windows";
	const { env } = facts;
	const wsl =
		nonEmpty(env.WSL_DISTRO_NAME) !== undefined ||
		nonEmpty(env.WSL_INTEROP) !== undefined ||
		/microsoft/i.test(facts.procVersion ?? "");
	// Other Unixes (FreeBSD, …) read the same startup files as Linux.
	return wsl ? "wsl" : "linux";
}

function unixShell(raw: string | undefined): ShellName | undefined {
	if (raw === undefined) return undefined;
	const name = programName(raw);
	if (name === "pwsh") return "powershell";
	return name === "zsh" || name === "bash" || name === "fish" ? name : undefined;
}

function windowsShell(raw: string | undefined): ShellName | undefined {
	if (raw === undefined) return undefined;
	const name = programName(raw);
	if (name === "pwsh" || name === "powershell") return "powershell";
	if (name === "cmd") return "cmd";
	if (name === "bash" || name === "sh") return "git-bash";
	return undefined;
}

export function detectPlatform(facts: PlatformFacts): Detected {
	const os = detectOs(facts);
	const { env } = facts;
	const base = {
		os,
		home: facts.home,
		zdotdir: nonEmpty(env.ZDOTDIR),
		// Only macOS and Linux read XDG folders; the spec ignores relative values.
		xdgConfigHome: xdgFromEnv(env, "XDG_CONFIG_HOME", "linux"),
		...(facts.pwshPath === undefined ? {} : { pwsh: facts.pwshPath }),
	};
	if (os === "windows") {
		// Git Bash (MSYS2) exports MSYSTEM to everything started from it.
		if (nonEmpty(env.MSYSTEM) !== undefined) return { ...base, shell: "git-bash", shellSource: "SHELL" };
		const fromParent = windowsShell(facts.parentProcessName);
		if (fromParent !== undefined) return { ...base, shell: fromParent, shellSource: "parent" };
		return { ...base, shell: "unknown", shellSource: "default" };
	}
	// Typed into pwsh (started from a terminal whose $SHELL is another shell): pwsh it is.
	if (nearestShell(facts.ancestors ?? []) === "pwsh")
		return { ...base, shell: "powershell", shellSource: "parent" };
	const fromShell = unixShell(nonEmpty(env.SHELL));
	if (fromShell !== undefined) return { ...base, shell: fromShell, shellSource: "SHELL" };
	const fromParent = unixShell(facts.parentProcessName);
	if (fromParent !== undefined) return { ...base, shell: fromParent, shellSource: "parent" };
	return {
		...base,
		shell: os === "macos" ? "zsh" : "bash",
		shellSource: "default",
	};
}

/** Collects the facts detectPlatform needs; every probe may fail without stopping the wizard. */
export async function gatherFacts(system: System, ppid: number): Promise<PlatformFacts> {
	const facts: PlatformFacts = {
		platform: system.platform,
		env: system.env,
		home: system.homeDir,
	};
	if (system.platform === "linux") {
		try {
			const bytes = await system.fs.read("/proc/version");
			if (bytes !== undefined) facts.procVersion = new TextDecoder().decode(bytes);
		} catch {
			// No /proc (containers, sandboxes): WSL is still detected from the environment.
		}
	}
	if (system.platform !== "win32") {
		try {
			const result = await system.run("ps", ["-o", "comm=", "-p", String(ppid)], {
				env: withoutSecrets(system.env),
				timeoutMs: 3000,
			});
			const name = result.exitCode === 0 ? result.stdout.trim() : "";
			if (name !== "") facts.parentProcessName = name;
		} catch {
			// ps missing or blocked: fall back to $SHELL or the per-OS default.
		}
		try {
			if (nonEmpty(system.env.PSModulePath) !== undefined) {
				facts.ancestors = await gatherAncestors(system.run, system.env, ppid);
			}
			const pwsh = await findOnPath(system.fs, system.env, "pwsh");
			if (pwsh !== undefined) facts.pwshPath = pwsh;
		} catch {
			// Without these, pwsh is simply not offered first.
		}
	}
	return facts;
}
