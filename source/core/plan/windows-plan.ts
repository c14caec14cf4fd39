// The Windows parts of a plan: the user environment variable, the PowerShell profiles
// (asked from each installed host, so OneDrive-redirected Documents are right) and whether
// the execution policy lets those profiles run.
import { maskKey } from "../key/key.js";
import type { System } from "../system.js";
import type { HostInfo, WindowsContext } from "../windows/detect.js";
import { type PolicyReport, readExecutionPolicy } from "../windows/execution-policy.js";
import { HOST_LABEL, type PowerShellHost } from "../windows/powershell.js";
import { profilePaths } from "../windows/profiles.js";
import { readUserVariable } from "../windows/user-env.js";
import { displayPath, type TargetFile } from "./targets.js";

export interface UserVariableChange {
	readonly host: PowerShellHost;
	readonly display: string;
	/** The value before, kept only in memory (and in the private backup) to undo a failed run. */
	readonly previous: string | undefined;
	/** The new value (the key), in memory only: it travels to PowerShell on standard input. */
	readonly value: string;
	readonly previousMasked?: string;
	readonly action: "create" | "replaced" | "unchanged" | "remove";
	readonly backupPath?: string;
	readonly backupDisplay?: string;
}

export interface HostPolicy {
	readonly host: PowerShellHost;
	readonly label: string;
	readonly report: PolicyReport;
}

export const USER_ENVIRONMENT = "the Windows user environment";

/** PowerShell 7 when installed (it starts faster and reads UTF-8), else Windows PowerShell. */
export function preferredHost(hosts: readonly HostInfo[]): PowerShellHost {
	return hosts.some((info) => info.host === "pwsh") ? "pwsh" : "powershell";
}

export type UserVariablePlan = { ok: true; change: UserVariableChange } | { ok: false; message: string };

export async function planUserVariable(
	system: System,
	windows: WindowsContext,
	variable: string,
	key: string,
	backupPath: string,
	backupDisplay: string,
): Promise<UserVariablePlan> {
	const host = preferredHost(windows.hosts);
	const current = await readUserVariable(system.run, host, variable);
	if (!current.ok) {
		return { ok: false, message: current.detail };
	}
	const previous = current.value;
	const action = previous === undefined ? "create" : previous === key ? "unchanged" : "replaced";
	const hasBackup = action === "replaced";
	return {
		ok: true,
		change: {
			host,
			display: USER_ENVIRONMENT,
			previous,
			value: key,
			previousMasked:
				previous === undefined ? undefined : previous.trim() === "" ? "(empty)" : maskKey(previous),
			action,
			backupPath: hasBackup ? backupPath : undefined,
			backupDisplay: hasBackup ? backupDisplay : undefined,
		},
	};
}

export type ProfilePlan = { ok: true; files: TargetFile[] } | { ok: false; message: string };

/**
 * One profile file per installed host (5.1 and 7 keep separate profiles). `windows` undefined:
 * macOS or Linux, where pwsh is the one host.
 */
export async function profileFiles(
	system: System,
	windows: WindowsContext | undefined,
	home: string,
): Promise<ProfilePlan> {
	const hosts = windows?.hosts ?? [{ host: "pwsh", version: "" }];
	// Off Windows, pwsh must see the HOME and XDG_CONFIG_HOME the person has.
	const locations = await profilePaths(system.run, hosts, windows ? undefined : system.env);
	if (locations.length === 0) {
		return {
			ok: false,
			message: windows
				? "No PowerShell answered with its profile path, so there is no profile to write. Choose the windows target instead."
				: "PowerShell 7 (pwsh) did not answer with its profile path: it is not installed here, or it failed to start. Install it (https://aka.ms/powershell) or choose another target.",
		};
	}
	return {
		ok: true,
		files: locations.map(({ host, path }) => ({
			target: "powershell",
			path,
			syntax: "powershell",
			host,
			ownsWholeFile: false,
			label: `${HOST_LABEL[host]} profile — ${displayPath(path, home)}`,
		})),
	};
}

/** The hosts whose execution policy keeps their profile from running in new windows. */
export async function blockingPolicies(
	system: System,
	hosts: readonly PowerShellHost[],
): Promise<HostPolicy[]> {
	const blocking: HostPolicy[] = [];
	for (const host of new Set(hosts)) {
		const report = await readExecutionPolicy(system.run, host);
		if (report && !report.profilesRun) blocking.push({ host, label: HOST_LABEL[host], report });
	}
	return blocking;
}
