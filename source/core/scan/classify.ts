// What a value found for a setting variable is, and what is wrong with it. Pure; the masked
// form never holds more of a secret than maskKey shows.

import { checkKey, cleanKey, maskKey } from "../key/key.js";
import { count } from "../wording/voice.js";
import { isCredentialVariable, type Problem, type SettingVariable, type ValueKind } from "./scan-types.js";

export interface Classified {
	kind: ValueKind;
	problems: Problem[];
	masked: string;
}

const EMPTY = "(empty)";
const LINE_BREAKS = /\r\n|[\r\n]/g;

/** Spaces around the value or a line break inside: the classic 401 after a messy paste. */
function hasStrayWhitespace(value: string): boolean {
	return value !== value.trim() || /[\r\n]/.test(value);
}

/** What the value would be without the stray whitespace, so its kind can still be told. */
function withoutWhitespace(value: string): string {
	return value.trim().replace(LINE_BREAKS, "").trim();
}

/** The kinds each variable takes; anything else recognised is the wrong kind. */
const ACCEPTS: Readonly<Record<string, readonly ValueKind[]>> = {
	ANTHROPIC_API_KEY: ["api-key"],
	CLAUDE_CODE_OAUTH_TOKEN: ["oauth-token"],
	// Sent as `Authorization: Bearer`, which takes an API key (SDK 1.x) or an OAuth token.
	ANTHROPIC_AUTH_TOKEN: ["api-key", "oauth-token"],
};

function credentialKind(value: string): ValueKind {
	const check = checkKey(value);
	// checkKey also repairs quotes and pasted prefixes; a value that needed that is broken as it is.
	if (check.ok) return check.key === value ? check.kind : "malformed";
	return check.kind === "admin-key" ? "admin-key" : "malformed";
}

/**
 * Masked; an empty (or blank) value says so, and a value too short to show any of says how long it
 * is (a settings.json value "test" is worth knowing about), instead of a bare "…".
 */
export function maskOrEmpty(value: string): string {
	const trimmed = value.trim();
	if (trimmed === "") return EMPTY;
	const masked = maskKey(trimmed);
	return masked === "…" ? `… (${count([...trimmed].length, "character")}, too short for a key)` : masked;
}

/** A CLAUDE_CODE_USE_* switch that is on: Claude Code then uses that cloud provider. */
export function cloudSwitchOn({ variable, value }: { variable: string; value: string }): boolean {
	return variable.startsWith("CLAUDE_CODE_USE_") && /^(1|true|yes)$/i.test(value.trim());
}

/** A base URL may carry a user and password (https://user:pass@proxy): hide them. */
function shownSetting(value: string): string {
	return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1…@");
}

export function classifyValue(variable: SettingVariable, value: string): Classified {
	const problems: Problem[] = [];
	const stripped = withoutWhitespace(value);
	if (stripped === "") {
		problems.push("empty");
		if (value !== "") problems.push("whitespace");
		return { kind: "empty", problems, masked: EMPTY };
	}
	if (hasStrayWhitespace(value)) problems.push("whitespace");
	if (!isCredentialVariable(variable)) {
		return { kind: "setting", problems, masked: shownSetting(value) };
	}
	const kind = credentialKind(stripped);
	if (kind === "malformed") problems.push("malformed");
	else if (!(ACCEPTS[variable] ?? []).includes(kind)) problems.push("wrong-kind");
	// Masked as the key it holds (`"sk-ant-api03-…"` in quotes shows as the key), so it can be recognised.
	const cleaned = cleanKey(stripped).key;
	return { kind, problems, masked: maskKey(cleaned === "" ? stripped : cleaned) };
}
