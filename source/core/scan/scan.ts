// Every place a terminal or a project gets an Anthropic credential from, in the order `status`
// shows them: this process, shell startup files, Windows profiles and user environment,
// project `.env` files. Claude Code's own files follow (claude-code/scan-all.ts). Pure over
// the injected System; never prints a value.

import { projectPath } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { Detected } from "../platform/platform.js";
import { envValue } from "../platform/windows-env.js";
import type { System } from "../system.js";
import type { WindowsContext } from "../windows/detect.js";
import { type Collector, makeFinding, scanFile } from "./read.js";
import { SETTING_VARIABLES } from "./scan-types.js";
import { scanFishUniversal, scanShellFiles } from "./shells.js";
import { scanPowerShellProfiles, scanUserVariables } from "./windows.js";

/** The files dotenv-style loaders (Vite, Next.js, Bun, Claude Code's own) read in a project. */
const DOTENV_FILES = [
	".env",
	".env.local",
	".env.development",
	".env.development.local",
	".env.production",
	".env.production.local",
	".env.test",
	".env.test.local",
];

export interface ScanContext {
	readonly detected: Detected;
	readonly windows?: WindowsContext;
}

function scanProcess(system: System, detected: Detected, collector: Collector): void {
	for (const variable of SETTING_VARIABLES) {
		// Windows names are case-insensitive: `Anthropic_Api_Key` is the same variable.
		const value = detected.os === "windows" ? envValue(system.env, variable) : system.env[variable];
		if (value !== undefined) collector.findings.push(makeFinding(variable, value, { kind: "process" }));
	}
}

async function scanDotenvFiles(system: System, detected: Detected, collector: Collector): Promise<void> {
	const { join } = pathsFor(system.platform);
	for (const name of DOTENV_FILES) {
		const file = join(system.cwd, name);
		await scanFile(system.fs, file, projectPath(file, system.cwd, detected.home), "dotenv", collector);
	}
}

/** Everything a new terminal or a project's `.env` loader reads, into `collector`. */
export async function scanTerminalSources(
	system: System,
	context: ScanContext,
	collector: Collector,
): Promise<void> {
	const { detected, windows } = context;
	scanProcess(system, detected, collector);
	await scanShellFiles(system, detected, collector);
	await scanFishUniversal(system, detected, collector);
	if (detected.os === "windows" && windows !== undefined) {
		await scanPowerShellProfiles(system, detected, windows, collector);
		await scanUserVariables(system, windows, collector);
	}
	await scanDotenvFiles(system, detected, collector);
}
