// On Windows: each installed PowerShell's profile, and the user environment variables
// (HKCU\Environment) that every new terminal and app inherits.

import { projectPath } from "../plan/targets.js";
import { preferredHost } from "../plan/windows-plan.js";
import type { Detected } from "../platform/platform.js";
import type { System } from "../system.js";
import type { WindowsContext } from "../windows/detect.js";
import { profilePaths } from "../windows/profiles.js";
import { readUserVariable } from "../windows/user-env.js";
import { type Collector, makeFinding, scanFile } from "./read.js";
import { SETTING_VARIABLES } from "./scan-types.js";

export async function scanPowerShellProfiles(
	system: System,
	detected: Detected,
	windows: WindowsContext,
	collector: Collector,
): Promise<void> {
	const locations = await profilePaths(system.run, windows.hosts);
	for (const { path } of locations) {
		await scanFile(system.fs, path, projectPath(path, system.cwd, detected.home), "powershell", collector);
	}
}

/** One read per variable, all at once (each starts a PowerShell); a failed read is skipped. */
export async function scanUserVariables(
	system: System,
	windows: WindowsContext,
	collector: Collector,
): Promise<void> {
	if (windows.hosts.length === 0) return;
	const host = preferredHost(windows.hosts);
	const reads = await Promise.all(
		SETTING_VARIABLES.map(async (variable) => ({
			variable,
			read: await readUserVariable(system.run, host, variable),
		})),
	);
	for (const { variable, read } of reads) {
		if (!read.ok || read.value === undefined) continue;
		collector.findings.push(makeFinding(variable, read.value, { kind: "windows-user" }));
	}
}
