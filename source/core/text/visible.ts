// Outside text (API bodies, file contents, paths, environment values) made safe to show on a
// terminal: every character that would act instead of print is shown as a stand-in.
//
// - C0 controls and DEL become their Unicode "control pictures": ESC → ␛, BEL → ␇, CR → ␍,
//   so an escape sequence (CSI, OSC 2 title, OSC 52 clipboard, clear-screen) prints as `␛]52;…`.
// - C1 controls (U+0080–U+009F: 8-bit CSI, OSC, ST…), bidi marks, embeddings, overrides and
//   isolates (Trojan Source), and the Unicode line/paragraph separators become `\u{…}`.
// - Line feeds and tabs stay: they lay text out, they do not drive the terminal.

/** Right-to-left and left-to-right marks, embeddings, overrides and isolates. */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

// Everything that acts, in one class: C0 but \t and \n, DEL, C1, bidi controls, U+2028/9.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ACTING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

const CONTROL_PICTURES = 0x2400;
const DELETE_PICTURE = "\u2421";

function standIn(character: string): string {
	const code = character.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES + code);
	if (code === 0x7f) return DELETE_PICTURE;
	return `\\u{${code.toString(16)}}`;
}

/** `text` with every control character, escape sequence and bidi control made visible and inert. */
export function visible(text: string): string {
	return text.replace(ACTING, standIn);
}

// What JSON.stringify leaves raw but a terminal may obey: C1 controls, bidi controls, U+2028/9.
const JSON_RAW_ACTING = /[\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * JSON for a terminal: the same value as JSON.stringify (C0 controls are escaped there already),
 * with the characters a terminal could obey written as `\uXXXX` escapes, which parse back the same.
 */
export function terminalJson(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(
		JSON_RAW_ACTING,
		(character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
	);
}
