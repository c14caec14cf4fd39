// A fake Windows machine for whole-app and --key-stdin tests: an in-memory C:\ drive, a user
// environment (HKCU\Environment), per-host execution policies and profiles, and a command runner
// that answers from that state the way the real PowerShell, Git Bash and Node would. Only the
// exact scripts claude-setup ships are understood; anything else is "not installed" and listed.
import type { RunResult, System } from "../../source/core/system.js";
import type { Policy } from "../../source/core/windows/execution-policy.js";
import type { PowerShellHost } from "../../source/core/windows/powershell.js";
import { createAnthropicApi } from "../../source/system/anthropic-api.js";
import { answerOther, readNow } from "./fake-windows/other-programs.js";
import { answerPowerShell, type HostState, type PolicyScope } from "./fake-windows/powershell-host.js";
import { createMemoryFs, type MemoryFs } from "./memory-fs.js";
import { type RecordedCall, scriptedRunner } from "./scripted-runner.js";

export const HOME = "C:\\Users\\Ada";
export const PROJECT = `${HOME}\\project`;
export const LOCAL_APP_DATA = `${HOME}\\AppData\\Local`;
export const BACKUPS = `${LOCAL_APP_DATA}\\claude-setup\\backups`;
/** `$PROFILE.CurrentUserAllHosts` with Documents redirected into OneDrive, as on many PCs. */
export const PROFILE_PATHS: Readonly<Record<PowerShellHost, string>> = {
	powershell: `${HOME}\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1`,
	pwsh: `${HOME}\\OneDrive\\Documents\\PowerShell\\profile.ps1`,
};
export const NODE_EXE = "C:\\Program Files\\nodejs\\node.exe";
export const PARENT_PID = 4242;
/** `$PSHOME\powershell.config.json` as pwsh 7 for Windows ships it (seen in 7.6.10's package). */
const PWSH_SHIPPED_POLICY: Partial<Record<PolicyScope, Policy>> = { LocalMachine: "RemoteSigned" };
const NOW = Date.UTC(2026, 10, 5, 9, 30, 0, 123);

export interface FakeWindowsOptions {
	/** Installed hosts and their versions; a host left out is not installed. */
	readonly hosts?: Partial<Record<PowerShellHost, string>>;
	/** Process names from npx's parent upwards, nearest first. */
	readonly ancestors?: readonly string[];
	/** false: Win32_Process cannot answer (WMI disabled; Wine). Default true. */
	readonly wmi?: boolean;
	/**
	 * Scopes left out are Undefined, except pwsh 7's LocalMachine: RemoteSigned, from the
	 * powershell.config.json every pwsh 7 for Windows ships (5.1 has none, so Restricted applies).
	 */
	readonly policies?: Partial<Record<PowerShellHost, Partial<Record<PolicyScope, Policy>>>>;
	readonly profilePaths?: Partial<Record<PowerShellHost, string>>;
	readonly userVariables?: Readonly<Record<string, string>>;
	readonly files?: Readonly<Record<string, Uint8Array | string>>;
	/** Added to (or replacing) the usual Windows variables: WT_SESSION, TERM_PROGRAM, MSYSTEM, HOME… */
	readonly env?: Readonly<Record<string, string>>;
	/** When set, SetEnvironmentVariable fails with this message on stderr. */
	readonly failSetVariable?: string;
	/** The fake Anthropic API's url. */
	readonly apiUrl: string;
}

export interface FakeWindows {
	readonly system: System;
	readonly calls: RecordedCall[];
	readonly fs: MemoryFs;
	/** HKCU\Environment: the user variables, changed by the scripts that run. */
	readonly registry: Record<string, string>;
	readonly policies: Record<PowerShellHost, Partial<Record<PolicyScope, Policy>>>;
	/** One readable line per call, e.g. "pwsh setUserVariable ANTHROPIC_API_KEY", "git (not installed)". */
	steps(): string[];
	/** A file's bytes, or undefined. */
	bytes(path: string): Uint8Array | undefined;
}

const NOT_FOUND: Partial<RunResult> = { exitCode: undefined, notFound: true };

export function fakeWindows(options: FakeWindowsOptions): FakeWindows {
	const env: Record<string, string> = {
		USERPROFILE: HOME,
		LOCALAPPDATA: LOCAL_APP_DATA,
		APPDATA: `${HOME}\\AppData\\Roaming`,
		SystemRoot: "C:\\WINDOWS",
		Path: "C:\\WINDOWS\\system32;C:\\WINDOWS;C:\\Program Files\\nodejs\\",
		PATHEXT: ".COM;.EXE;.BAT;.CMD;.VBS;.JS;.WS;.MSC;.PS1",
		...options.env,
	};
	const fs = createMemoryFs({ files: options.files, directories: [PROJECT, LOCAL_APP_DATA] });
	const registry: Record<string, string> = { ...options.userVariables };
	const policies: FakeWindows["policies"] = {
		powershell: { ...options.policies?.powershell },
		pwsh: { ...PWSH_SHIPPED_POLICY, ...options.policies?.pwsh },
	};
	const state: HostState = {
		hosts: options.hosts ?? { powershell: "5.1.26100.2161", pwsh: "7.4.6" },
		ancestors: options.ancestors ?? [],
		wmi: options.wmi ?? true,
		policies,
		profilePaths: { ...PROFILE_PATHS, ...options.profilePaths },
		registry,
		failSetVariable: options.failSetVariable,
		env,
		read: (path) => readNow(fs, path),
	};
	const labels: string[] = [];
	const { run, calls } = scriptedRunner((call) => {
		const answered =
			call.command === "powershell" || call.command === "pwsh"
				? answerPowerShell(state, call)
				: answerOther(state, call);
		labels.push(answered?.label ?? `unexpected: ${call.command} ${call.args.join(" ")}`);
		return answered?.result ?? NOT_FOUND;
	});
	const system: System = {
		platform: "win32",
		env,
		homeDir: HOME,
		cwd: PROJECT,
		fs,
		run,
		api: createAnthropicApi({ baseURL: options.apiUrl, env, timeoutMs: 5000 }),
		now: () => NOW,
	};
	return {
		system,
		calls,
		fs,
		registry,
		policies,
		steps: () => [...labels],
		bytes: (path) => readNow(fs, path),
	};
}
