// Shared test keys and helpers for the key tests. Keys are built at runtime so no
// full-length key literal sits in the source.
import { API_KEY_LENGTH, type KeyCheck } from "../../../source/core/key/key.js";

export const API_PREFIX = "sk-ant-api03-";
export const keyOf = (prefix: string, length: number, tail = "AbCd") =>
	prefix + "x".repeat(length - prefix.length - tail.length) + tail;
export const KEY = keyOf(API_PREFIX, API_KEY_LENGTH);
export const OAUTH = keyOf("sk-ant-oat01-", 108);
export const insertAt = (text: string, index: number, piece: string) =>
	text.slice(0, index) + piece + text.slice(index);
export const prefixFix = (prefix: string) => `removed the \`${prefix}\` prefix`;
export const SPACES = "removed surrounding spaces";
export const QUOTES = "removed quotes";
export const CONSOLE = "console.anthropic.com → API keys";

/** Everything a person reads: message, hint, note and fixes. */
export const shownText = (result: KeyCheck): string =>
	[
		result.ok ? "" : `${result.message}\n${result.hint}`,
		result.ok && result.kind === "oauth-token" ? result.note : "",
		...result.fixes,
	].join("\n");
