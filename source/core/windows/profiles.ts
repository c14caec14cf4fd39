// Where each installed PowerShell reads its profile. The path is asked from the host itself:
// Documents is often redirected into OneDrive, and 5.1 and 7 use different folders. On macOS
// and Linux, pwsh follows XDG: the scan reads those files without starting pwsh.

import path from "node:path";
import { withoutSecrets } from "../platform/child-env.js";
import type { Env, RunCommand } from "../system.js";
import type { HostInfo } from "./detect.js";
import { invokePowerShell } from "./invoke.js";
import { type PowerShellHost, readMarker, SCRIPTS } from "./powershell.js";

export interface ProfileLocation {
	readonly host: PowerShellHost;
	/** `$PROFILE.CurrentUserAllHosts`, e.g. C:\Users\Ada\OneDrive\Documents\PowerShell\profile.ps1 */
	readonly path: string;
}

async function askProfilePath(run: RunCommand, host: PowerShellHost, env?: Env): Promise<string | undefined> {
	const outcome = await invokePowerShell(
		run,
		host,
		SCRIPTS.profilePath,
		// An env is passed only off Windows (pwsh follows HOME and XDG there).
		env === undefined ? {} : { env: withoutSecrets(env), windows: false },
	);
	if (!outcome.ok || outcome.result.exitCode !== 0) return undefined;
	const marker = readMarker(outcome.result.stdout);
	const path = marker.marked ? marker.value?.trim() : undefined;
	return path === undefined || path === "" ? undefined : path;
}

/** One entry per distinct file (Windows paths compare without case); a host that fails is skipped. */
export async function profilePaths(
	run: RunCommand,
	hosts: readonly HostInfo[],
	env?: Env,
): Promise<ProfileLocation[]> {
	const distinctHosts = [...new Set(hosts.map((info) => info.host))];
	const paths = await Promise.all(distinctHosts.map((host) => askProfilePath(run, host, env)));
	const locations: ProfileLocation[] = [];
	const seen = new Set<string>();
	distinctHosts.forEach((host, index) => {
		const path = paths[index];
		if (path === undefined || seen.has(path.toLowerCase())) return;
		seen.add(path.toLowerCase());
		locations.push({ host, path });
	});
	return locations;
}

/**
 * pwsh's own profiles on macOS and Linux, as `$PROFILE.CurrentUserAllHosts` and
 * `.CurrentUserCurrentHost` name them: `${XDG_CONFIG_HOME:-~/.config}/powershell/…`
 * (test/core/windows/profiles.pwsh.test.ts asks the real pwsh).
 */
export function unixProfilePaths(home: string, xdgConfigHome: string | undefined): string[] {
	const folder = path.posix.join(xdgConfigHome ?? path.posix.join(home, ".config"), "powershell");
	return [
		path.posix.join(folder, "profile.ps1"),
		path.posix.join(folder, "Microsoft.PowerShell_profile.ps1"),
	];
}
