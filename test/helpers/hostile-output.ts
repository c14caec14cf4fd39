// Outside text a hostile API, file, path or environment hands us: escape sequences that set the
// window title (OSC 2), write the clipboard (OSC 52) or clear the screen, 8-bit controls, bidi
// overrides. Each with how visible() shows it; ACTING finds any that got through raw.
import { expect } from "vitest";
import { errorReply, type ScriptedReply } from "./fake-anthropic/replies.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const ACTING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

/** Sequences that act on a terminal, for searching a recorded screen or output. */
export const ACTING_SEQUENCES = ["\u001b]2;", "\u001b]52;", "\u001b[2J", "\u009b", "\u202e"] as const;

/** One string holding every kind: for an API body, a path, a reply. */
export const HOSTILE = "\u001b]2;pwned\u0007\u001b]52;c;Y3VybA==\u0007\u001b[2J\u009b2J\u202Eevil";

/** Hostile strings as they arrived from an API body, a path, a file or the environment. */
export const HOSTILE_TEXTS: readonly (readonly [string, string, string])[] = [
	["OSC 2 (window title)", "hi\u001b]2;pwned\u0007 there", "hi␛]2;pwned␇ there"],
	["OSC 2 ended by ST", "\u001b]2;pwned\u001b\\", "␛]2;pwned␛\\"],
	["OSC 52 (clipboard write)", "\u001b]52;c;Y3VybCBldmlsLnRlc3Q=\u0007", "␛]52;c;Y3VybCBldmlsLnRlc3Q=␇"],
	["clear screen and home", "\u001b[2J\u001b[3J\u001b[H✓ All set", "␛[2J␛[3J␛[H✓ All set"],
	["colour and cursor moves", "\u001b[31mred\u001b[0m\u001b[1A", "␛[31mred␛[0m␛[1A"],
	["8-bit CSI (U+009B)", "\u009b2J", "\\u{9b}2J"],
	["8-bit OSC (U+009D) and ST (U+009C)", "\u009d2;t\u009c", "\\u{9d}2;t\\u{9c}"],
	["a carriage return that overwrites the line", "bad\r✓ good", "bad␍✓ good"],
	["backspaces", "abc\b\b\bxyz", "abc␈␈␈xyz"],
	["NUL and DEL", "a\u0000b\u007fc", "a␀b␡c"],
	["right-to-left override (Trojan Source)", "file\u202Etxt.exe", "file\\u{202e}txt.exe"],
	["left-to-right isolate", "\u2066x\u2069", "\\u{2066}x\\u{2069}"],
	["Arabic letter mark and RLM", "\u061C\u200F", "\\u{61c}\\u{200f}"],
	["line separator", "a\u2028b", "a\\u{2028}b"],
	["newlines and tabs stay", "line 1\n\tline 2", "line 1\n\tline 2"],
	["plain text and emoji stay", "Hello! 👋 café — “ok”", "Hello! 👋 café — “ok”"],
];

/** An API error whose message carries escape sequences and the given key material. */
export function hostileError(status: number, ...keys: readonly string[]): ScriptedReply {
	return errorReply(status, "api_error", `boom ${HOSTILE} ${keys.join(" ")}`);
}

/** What a recorded output must not hold: a raw acting sequence or any of these secrets. */
export function expectInert(
	output: string,
	secrets: readonly string[],
	options: { pty?: boolean } = {},
): void {
	// In a pseudo-terminal Ink itself clears the screen and moves the cursor: look for ours only.
	const sequences = options.pty ? ACTING_SEQUENCES.filter((s) => s !== "\u001b[2J") : ACTING_SEQUENCES;
	for (const sequence of sequences) expect(output).not.toContain(sequence);
	if (!options.pty) expect(output).not.toMatch(ACTING);
	for (const secret of secrets) expect(output).not.toContain(secret);
}
