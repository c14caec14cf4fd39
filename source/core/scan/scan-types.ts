// What `claude-setup status` finds: every place an Anthropic credential (or a setting that
// changes which credential Claude Code uses) is set, with where and how it was found.

import { CREDENTIAL_VARIABLES, type CredentialVariable } from "../key/credential-variables.js";

export { CREDENTIAL_VARIABLES, type CredentialVariable } from "../key/credential-variables.js";
export type SettingVariable =
	| CredentialVariable
	| "ANTHROPIC_BASE_URL"
	| "CLAUDE_CODE_USE_BEDROCK"
	| "CLAUDE_CODE_USE_VERTEX"
	| "CLAUDE_CODE_USE_FOUNDRY";

export const SETTING_VARIABLES: readonly SettingVariable[] = [
	...CREDENTIAL_VARIABLES,
	"ANTHROPIC_BASE_URL",
	"CLAUDE_CODE_USE_BEDROCK",
	"CLAUDE_CODE_USE_VERTEX",
	"CLAUDE_CODE_USE_FOUNDRY",
];

export function isCredentialVariable(variable: SettingVariable): variable is CredentialVariable {
	return (CREDENTIAL_VARIABLES as readonly string[]).includes(variable);
}

/** "setting" is a base URL or a switch: not a secret, shown as it is. */
export type ValueKind = "api-key" | "oauth-token" | "admin-key" | "malformed" | "empty" | "setting";
export type Problem = "empty" | "whitespace" | "wrong-kind" | "malformed";

export type FileFormat = "zsh" | "bash" | "fish" | "powershell" | "dotenv";

export type Source =
	| { kind: "process" }
	| { kind: "file"; path: string; display: string; line: number; format: FileFormat }
	| { kind: "fish-universal"; path: string; display: string }
	| { kind: "windows-user" }
	| { kind: "claude-settings"; path: string; display: string };

export interface Finding {
	readonly variable: SettingVariable;
	/** Raw, in memory only: callers never print it. */
	readonly value: string;
	/** maskKey, or "(empty)"; settings (base URL, switches) as they are. */
	readonly masked: string;
	readonly kind: ValueKind;
	readonly problems: readonly Problem[];
	readonly source: Source;
	/** Inside claude-setup's own marked block. */
	readonly managed: boolean;
}

export interface ApiKeyHelper {
	readonly path: string;
	readonly display: string;
	readonly command: string;
}

/**
 * What interactive Claude Code keeps in `~/.claude.json` (`$CLAUDE_CONFIG_DIR/.claude.json`):
 * raw values in memory only, never printed.
 */
export interface ClaudeCodeState {
	readonly path: string;
	readonly display: string;
	/** A key stored by `/login` (Console): used when no ANTHROPIC_API_KEY is. */
	readonly primaryApiKey?: string;
	/** The last 20 characters of environment keys approved / rejected at "Do you want to use this API key?". */
	readonly approved: readonly string[];
	readonly rejected: readonly string[];
}

export interface ScanResult {
	readonly findings: readonly Finding[];
	readonly apiKeyHelpers: readonly ApiKeyHelper[];
	readonly claudeCodeLogin: "yes" | "no" | "unknown";
	/** Absent when Claude Code never ran here (no `~/.claude.json`). */
	readonly claudeCodeState?: ClaudeCodeState;
	/** Every file that was read (missing, unreadable files and folders are not). */
	readonly scannedFiles: readonly string[];
}
