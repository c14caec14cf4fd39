// Every place an Anthropic credential is set, in the order `status` shows them: this process,
// shell startup files, Windows profiles and user environment, project `.env` files, then
// Claude Code's settings. Pure over the injected System; never prints a value.

import { projectPath } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { Detected } from "../platform/platform.js";
import { envValue } from "../platform/windows-env.js";
import type { System } from "../system.js";
import type { WindowsContext } from "../windows/detect.js";
import { claudeCodeLogin, scanClaudeSettings } from "./claude.js";
import { type Collector, makeFinding, newCollector, scanFile } from "./read.js";
import { type ScanResult, SETTING_VARIABLES } from "./scan-types.js";
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

export async function scanEverywhere(system: System, context: ScanContext): Promise<ScanResult> {
	const { detected, windows } = context;
	const collector = newCollector();
	scanProcess(system, detected, collector);
	await scanShellFiles(system, detected, collector);
	await scanFishUniversal(system, detected, collector);
	if (detected.os === "windows" && windows !== undefined) {
		await scanPowerShellProfiles(system, detected, windows, collector);
		await scanUserVariables(system, windows, collector);
	}
	await scanDotenvFiles(system, detected, collector);
	const apiKeyHelpers = await scanClaudeSettings(system, detected, collector);
	return {
		findings: collector.findings,
		apiKeyHelpers,
		claudeCodeLogin: await claudeCodeLogin(system, detected),
		scannedFiles: collector.scannedFiles,
	};
}
