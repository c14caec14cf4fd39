// Every place a credential is set: what a terminal and a project read (scan/), then Claude
// Code's own files — its settings scopes, ~/.claude.json, its login.
import { newCollector } from "../scan/read.js";
import { type ScanContext, scanTerminalSources } from "../scan/scan.js";
import type { ScanResult } from "../scan/scan-types.js";
import type { System } from "../system.js";
import { claudeCodeLogin, readClaudeState, scanClaudeSettings } from "./files.js";

export type { ScanContext } from "../scan/scan.js";

export async function scanEverywhere(system: System, context: ScanContext): Promise<ScanResult> {
	const collector = newCollector();
	await scanTerminalSources(system, context, collector);
	const apiKeyHelpers = await scanClaudeSettings(system, context.detected, collector);
	const claudeCodeState = await readClaudeState(system, context.detected, collector);
	return {
		findings: collector.findings,
		apiKeyHelpers,
		claudeCodeLogin: await claudeCodeLogin(system, context.detected),
		...(claudeCodeState ? { claudeCodeState } : {}),
		scannedFiles: collector.scannedFiles,
	};
}
