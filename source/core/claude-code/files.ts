// Claude Code's own files: the `env` object and `apiKeyHelper` of every settings scope (user,
// project, project-local, managed), what interactive Claude Code stored in ~/.claude.json, and
// whether it holds a subscription login. The login's secret is never read.

import { scrubSecrets } from "../key/scrub.js";
import { projectPath } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { Detected } from "../platform/platform.js";
import { envValue } from "../platform/windows-env.js";
import { type Collector, makeFinding, readBytes } from "../scan/read.js";
import {
	type ApiKeyHelper,
	type ClaudeCodeState,
	type ScanResult,
	SETTING_VARIABLES,
} from "../scan/scan-types.js";
import type { System } from "../system.js";

/** Exit code of `security find-generic-password` when the keychain has no such item. */
const KEYCHAIN_ITEM_NOT_FOUND = 44;
const KEYCHAIN_SERVICE = "Claude Code-credentials";

/** Claude Code keeps its files in CLAUDE_CONFIG_DIR when set, else ~/.claude. */
export function claudeConfigDir(system: System, detected: Detected): string {
	const configured =
		detected.os === "windows" ? envValue(system.env, "CLAUDE_CONFIG_DIR") : system.env.CLAUDE_CONFIG_DIR;
	return configured !== undefined && configured !== ""
		? configured
		: pathsFor(system.platform).join(detected.home, ".claude");
}

/** Where an administrator's managed-settings.json lives (read from Claude Code 2.1.332). */
function managedFolder(detected: Detected): string {
	if (detected.os === "macos") return "/Library/Application Support/ClaudeCode";
	if (detected.os === "windows") return "C:\\Program Files\\ClaudeCode";
	return "/etc/claude-code";
}

/** The settings files in the order Claude Code merges them: a later file's `env` wins. */
export function settingsFiles(system: System, detected: Detected): string[] {
	const { join } = pathsFor(system.platform);
	const project = join(system.cwd, ".claude");
	const files = [
		join(claudeConfigDir(system, detected), "settings.json"),
		join(project, "settings.json"),
		join(project, "settings.local.json"),
		join(managedFolder(detected), "managed-settings.json"),
	];
	// Run from the home folder, the project's settings.json is the user's: read it once.
	const seen = new Set<string>();
	return files.filter((file) => {
		const key = detected.os === "windows" ? file.toLowerCase() : file;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Strict JSON, as Claude Code 2.1.332 reads its files: a settings.json with a comment is
 * skipped whole by it (test/e2e/claude-code-agreement.e2e.test.ts), so it is skipped here too.
 */
function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
		return isObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Claude Code passes numbers and booleans in `env` on as text. */
function envText(value: unknown): string | undefined {
	if (typeof value === "string") return value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return undefined;
}

export async function scanClaudeSettings(
	system: System,
	detected: Detected,
	collector: Collector,
): Promise<ApiKeyHelper[]> {
	const helpers: ApiKeyHelper[] = [];
	for (const file of settingsFiles(system, detected)) {
		const bytes = await readBytes(system.fs, file, collector);
		const settings = bytes === undefined ? undefined : parseJsonObject(bytes);
		if (settings === undefined) continue;
		const display = projectPath(file, system.cwd, detected.home);
		const env = isObject(settings.env) ? settings.env : {};
		for (const variable of SETTING_VARIABLES) {
			const value = envText(env[variable]);
			if (value === undefined) continue;
			collector.findings.push(makeFinding(variable, value, { kind: "claude-settings", path: file, display }));
		}
		if (typeof settings.apiKeyHelper === "string" && settings.apiKeyHelper.trim() !== "") {
			// Shown in status and --json: a key written into the command (`echo sk-ant-…`) is masked.
			helpers.push({ path: file, display, command: scrubSecrets(settings.apiKeyHelper) });
		}
	}
	return helpers;
}

/**
 * A subscription login: `.credentials.json` on Linux and Windows, the keychain on macOS.
 * `security` is asked whether the item exists, never for its secret (no -w, no -g).
 */
export async function claudeCodeLogin(
	system: System,
	detected: Detected,
): Promise<ScanResult["claudeCodeLogin"]> {
	const credentials = pathsFor(system.platform).join(claudeConfigDir(system, detected), ".credentials.json");
	try {
		if ((await system.fs.info(credentials))?.isFile) return "yes";
	} catch {
		// Unreadable folder: fall through to the keychain, or "no".
	}
	if (detected.os !== "macos") return "no";
	try {
		const result = await system.run("security", ["find-generic-password", "-s", KEYCHAIN_SERVICE], {
			env: system.env,
			timeoutMs: 5000,
		});
		if (result.exitCode === 0) return "yes";
		return result.exitCode === KEYCHAIN_ITEM_NOT_FOUND ? "no" : "unknown";
	} catch {
		return "unknown";
	}
}

/** ~/.claude.json, or `.claude.json` in CLAUDE_CONFIG_DIR when that is set. */
export function claudeStatePath(system: System, detected: Detected): string {
	const { join } = pathsFor(system.platform);
	const configured =
		detected.os === "windows" ? envValue(system.env, "CLAUDE_CONFIG_DIR") : system.env.CLAUDE_CONFIG_DIR;
	return configured ? join(configured, ".claude.json") : join(detected.home, ".claude.json");
}

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** What interactive Claude Code stored: a /login key, the environment keys approved or rejected. */
export async function readClaudeState(
	system: System,
	detected: Detected,
	collector: Collector,
): Promise<ClaudeCodeState | undefined> {
	const path = claudeStatePath(system, detected);
	const bytes = await readBytes(system.fs, path, collector);
	const state = bytes === undefined ? undefined : parseJsonObject(bytes);
	if (state === undefined) return undefined;
	const responses = isObject(state.customApiKeyResponses) ? state.customApiKeyResponses : {};
	const primary = state.primaryApiKey;
	return {
		path,
		display: projectPath(path, system.cwd, detected.home),
		...(typeof primary === "string" && primary.trim() !== "" ? { primaryApiKey: primary } : {}),
		approved: strings(responses.approved),
		rejected: strings(responses.rejected),
	};
}
