// Claude Code's own settings (the `env` object and `apiKeyHelper` of settings.json) and
// whether Claude Code holds a subscription login. The login's secret is never read.

import { scrubSecrets } from "../key/scrub.js";
import { projectPath } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { Detected } from "../platform/platform.js";
import { envValue } from "../platform/windows-env.js";
import type { System } from "../system.js";
import { type Collector, makeFinding, readBytes } from "./read.js";
import { type ApiKeyHelper, type ScanResult, SETTING_VARIABLES } from "./scan-types.js";

/** Exit code of `security find-generic-password` when the keychain has no such item. */
const KEYCHAIN_ITEM_NOT_FOUND = 44;
const KEYCHAIN_SERVICE = "Claude Code-credentials";

/** Claude Code keeps its files in CLAUDE_CONFIG_DIR when set, else ~/.claude. */
function claudeConfigDir(system: System, detected: Detected): string {
	const configured =
		detected.os === "windows" ? envValue(system.env, "CLAUDE_CONFIG_DIR") : system.env.CLAUDE_CONFIG_DIR;
	return configured !== undefined && configured !== ""
		? configured
		: pathsFor(system.platform).join(detected.home, ".claude");
}

function settingsFiles(system: System, detected: Detected): string[] {
	const { join } = pathsFor(system.platform);
	const project = join(system.cwd, ".claude");
	const files = [
		join(claudeConfigDir(system, detected), "settings.json"),
		join(project, "settings.json"),
		join(project, "settings.local.json"),
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

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
	try {
		const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
		const parsed: unknown = JSON.parse(text);
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
