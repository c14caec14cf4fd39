import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_KEY_LENGTH, checkKey, cleanKey, type KeyCheck, maskKey } from "../../source/core/key.js";

// Test keys are built at runtime so no full-length key literal sits in the source.
const API_PREFIX = "sk-ant-api03-";
const keyOf = (prefix: string, length: number, tail = "AbCd") =>
	prefix + "x".repeat(length - prefix.length - tail.length) + tail;
const KEY = keyOf(API_PREFIX, API_KEY_LENGTH);
const OAUTH = keyOf("sk-ant-oat01-", 108);
const insertAt = (text: string, index: number, piece: string) =>
	text.slice(0, index) + piece + text.slice(index);
const prefixFix = (prefix: string) => `removed the \`${prefix}\` prefix`;
const SPACES = "removed surrounding spaces";
const QUOTES = "removed quotes";

/** Everything a person reads: message, hint, note and fixes. */
const shownText = (result: KeyCheck): string =>
	[
		result.ok ? "" : `${result.message}\n${result.hint}`,
		result.ok && result.kind === "oauth-token" ? result.note : "",
		...result.fixes,
	].join("\n");

const cleaningCases: {
	name: string;
	raw: string;
	key?: string;
	fixes: string[];
}[] = [
	{ name: "a clean key", raw: KEY, fixes: [] },
	{ name: "surrounding spaces", raw: `  ${KEY}  `, fixes: [SPACES] },
	{ name: "a trailing newline", raw: `${KEY}\n`, fixes: [SPACES] },
	{ name: "tabs around", raw: `\t${KEY}\t`, fixes: [SPACES] },
	{ name: "no-break spaces", raw: `\u00A0${KEY}\u00A0`, fixes: [SPACES] },
	{ name: "an em space", raw: `\u2003${KEY}`, fixes: [SPACES] },
	{ name: "an ideographic space", raw: `${KEY}\u3000`, fixes: [SPACES] },
	{ name: "a byte-order mark", raw: `\uFEFF${KEY}`, fixes: [SPACES] },
	{ name: "zero-width spaces", raw: `\u200B${KEY}\u200D`, fixes: [SPACES] },
	{
		name: "a wrapped line (\\n)",
		raw: insertAt(KEY, 50, "\n"),
		fixes: ["joined a line break"],
	},
	{
		name: "a wrapped line (\\r\\n)",
		raw: insertAt(KEY, 50, "\r\n"),
		fixes: ["joined a line break"],
	},
	{
		name: "a wrapped line (\\r)",
		raw: insertAt(KEY, 50, "\r"),
		fixes: ["joined a line break"],
	},
	{
		name: "two wraps",
		raw: insertAt(insertAt(KEY, 70, "\n"), 30, "\n"),
		fixes: ["joined 2 line breaks"],
	},
	{
		name: "bracketed-paste markers",
		raw: `\x1b[200~${KEY}\x1b[201~`,
		fixes: ["removed paste markers"],
	},
	{
		name: "paste markers without ESC",
		raw: `[200~${KEY}[201~`,
		fixes: ["removed paste markers"],
	},
	{
		name: "colour codes",
		raw: `\x1b[1;32m${KEY}\x1b[0m`,
		fixes: ["removed terminal escape codes"],
	},
	{
		name: "a title escape",
		raw: `\x1b]0;title\x07${KEY}`,
		fixes: ["removed terminal escape codes"],
	},
	{ name: "single quotes", raw: `'${KEY}'`, fixes: [QUOTES] },
	{ name: "double quotes", raw: `"${KEY}"`, fixes: [QUOTES] },
	{ name: "curly single quotes", raw: `‘${KEY}’`, fixes: [QUOTES] },
	{ name: "curly double quotes", raw: `“${KEY}”`, fixes: [QUOTES] },
	{ name: "backticks", raw: `\`${KEY}\``, fixes: [QUOTES] },
	{ name: "repeated quotes", raw: `"'“${KEY}”'"`, fixes: [QUOTES] },
	{
		name: "export",
		raw: `export ANTHROPIC_API_KEY=${KEY}`,
		fixes: [prefixFix("export ANTHROPIC_API_KEY=")],
	},
	{
		name: "export with quotes",
		raw: `export ANTHROPIC_API_KEY="${KEY}"`,
		fixes: [QUOTES, prefixFix("export ANTHROPIC_API_KEY=")],
	},
	{
		name: "export with spacing, quotes and ;",
		raw: `export  ANTHROPIC_API_KEY = '${KEY}' ;`,
		fixes: [QUOTES, SPACES, "removed a trailing `;`", prefixFix("export ANTHROPIC_API_KEY =")],
	},
	{
		name: ".env line",
		raw: `ANTHROPIC_API_KEY=${KEY}`,
		fixes: [prefixFix("ANTHROPIC_API_KEY=")],
	},
	{
		name: "YAML line",
		raw: `ANTHROPIC_API_KEY: ${KEY}`,
		fixes: [prefixFix("ANTHROPIC_API_KEY:")],
	},
	{
		name: "JSON entry",
		raw: `"ANTHROPIC_API_KEY": "${KEY}",`,
		fixes: [QUOTES, "removed a trailing `,`", prefixFix("ANTHROPIC_API_KEY:")],
	},
	{
		name: "fish set -gx",
		raw: `set -gx ANTHROPIC_API_KEY ${KEY}`,
		fixes: [prefixFix("set -gx ANTHROPIC_API_KEY")],
	},
	{
		name: "PowerShell $env:",
		raw: `$env:ANTHROPIC_API_KEY = "${KEY}"`,
		fixes: [QUOTES, prefixFix("$env:ANTHROPIC_API_KEY =")],
	},
	{
		name: "PowerShell, other case, with ;",
		raw: `$Env:anthropic_api_key="${KEY}";`,
		fixes: [QUOTES, "removed a trailing `;`", prefixFix("$Env:anthropic_api_key=")],
	},
	{
		name: "setx",
		raw: `setx ANTHROPIC_API_KEY ${KEY}`,
		fixes: [prefixFix("setx ANTHROPIC_API_KEY")],
	},
	{
		name: "setx with quotes",
		raw: `setx ANTHROPIC_API_KEY "${KEY}"`,
		fixes: [QUOTES, prefixFix("setx ANTHROPIC_API_KEY")],
	},
	{
		name: "cmd set",
		raw: `set ANTHROPIC_API_KEY=${KEY}`,
		fixes: [prefixFix("set ANTHROPIC_API_KEY=")],
	},
	{ name: "Bearer", raw: `Bearer ${KEY}`, fixes: [prefixFix("Bearer")] },
	{
		name: "bearer, lower case",
		raw: `bearer ${KEY}`,
		fixes: [prefixFix("bearer")],
	},
	{
		name: "x-api-key header",
		raw: `x-api-key: ${KEY}`,
		fixes: [prefixFix("x-api-key:")],
	},
	{
		name: "Authorization header",
		raw: `Authorization: Bearer ${KEY}`,
		fixes: [prefixFix("Authorization: Bearer")],
	},
	{
		name: "OAuth token variable",
		raw: `CLAUDE_CODE_OAUTH_TOKEN=${OAUTH}`,
		key: OAUTH,
		fixes: [prefixFix("CLAUDE_CODE_OAUTH_TOKEN=")],
	},
	{
		name: "everything at once",
		raw: `\x1b[200~ export ANTHROPIC_API_KEY="${insertAt(KEY, 40, "\n")}"\x1b[201~\n`,
		fixes: [
			"removed paste markers",
			SPACES,
			"joined a line break",
			QUOTES,
			prefixFix("export ANTHROPIC_API_KEY="),
		],
	},
	{ name: "only spaces", raw: " \t\u00A0 ", key: "", fixes: [SPACES] },
];

describe("cleanKey", () => {
	it.each(cleaningCases)("cleans $name", ({ raw, key = KEY, fixes }) => {
		const cleaned = cleanKey(raw);
		expect(cleaned.key === key).toBe(true); // not toBe(key): a failure would print the key
		expect([...cleaned.fixes].sort()).toEqual([...fixes].sort());
	});

	it.each([
		{ name: "a space", piece: " " },
		{ name: "a tab", piece: "\t" },
		{ name: "two spaces", piece: "  " },
	])("keeps $name inside the key", ({ piece }) => {
		const cleaned = cleanKey(insertAt(KEY, 20, piece));
		expect(cleaned.key.length).toBe(KEY.length + piece.length);
		expect(cleaned.fixes).toEqual([]);
	});
});

const CONSOLE = "console.anthropic.com → API keys";
const classificationCases: {
	name: string;
	raw: string;
	kind: string;
	says: string[];
}[] = [
	{
		name: "cut-off API key",
		raw: KEY.slice(0, 60),
		kind: "wrong-length",
		says: ["cut off", "60 of 108"],
	},
	{
		name: "just the prefix",
		raw: API_PREFIX,
		kind: "wrong-length",
		says: ["cut off", "13 of 108"],
	},
	{
		name: "API key with extra text",
		raw: `${KEY}abc`,
		kind: "wrong-length",
		says: ["extra text", "111 of 108"],
	},
	{
		name: "two API keys joined",
		raw: KEY + KEY,
		kind: "wrong-length",
		says: ["two keys", "216 of 108"],
	},
	{
		name: "elided with …",
		raw: "sk-ant-api03-abc…wxyz",
		kind: "elided",
		says: ["hides part", "only once", CONSOLE],
	},
	{
		name: "elided with ...",
		raw: "sk-ant-api03-abc...wxyz",
		kind: "elided",
		says: ["hides part"],
	},
	{
		name: "elided with •••",
		raw: "sk-ant-api03-•••wxyz",
		kind: "elided",
		says: ["hides part"],
	},
	{
		name: "elided with ***",
		raw: "sk-ant-api03-***wxyz",
		kind: "elided",
		says: ["hides part"],
	},
	{
		name: "our own masked form",
		raw: maskKey(KEY),
		kind: "elided",
		says: ["hides part"],
	},
	{
		name: "Admin key",
		raw: keyOf("sk-ant-admin01-", 110),
		kind: "admin-key",
		says: ["Admin API", "Messages API", CONSOLE],
	},
	{
		name: "Compliance key",
		raw: keyOf("sk-ant-api01-", 108),
		kind: "compliance-key",
		says: ["Compliance", "Messages API", CONSOLE],
	},
	{
		name: "short OAuth token",
		raw: "sk-ant-oat01-abc",
		kind: "wrong-length",
		says: ["cut off", "claude setup-token"],
	},
	{
		name: "claude.ai session cookie",
		raw: keyOf("sk-ant-sid01-", 108),
		kind: "unknown",
		says: ["session", CONSOLE],
	},
	{
		name: "other sk-ant- credential",
		raw: keyOf("sk-ant-xyz09-", 108),
		kind: "unknown",
		says: ["sk-ant-api03-", CONSOLE],
	},
	{
		name: "OpenAI project key",
		raw: keyOf("sk-proj-", 80),
		kind: "openai",
		says: ["OpenAI", CONSOLE],
	},
	{
		name: "OpenAI legacy key",
		raw: keyOf("sk-", 51),
		kind: "openai",
		says: ["OpenAI", CONSOLE],
	},
	{
		name: "OpenRouter key",
		raw: keyOf("sk-or-v1-", 73),
		kind: "unknown",
		says: ["OpenRouter", CONSOLE],
	},
	{
		name: "AWS access key",
		raw: `AKIA${"B".repeat(16)}`,
		kind: "aws",
		says: ["AWS", "Bedrock", CONSOLE],
	},
	{
		name: "AWS session key",
		raw: `ASIA${"C".repeat(16)}`,
		kind: "aws",
		says: ["AWS", "Bedrock"],
	},
	{
		name: "Google key",
		raw: `AIza${"g".repeat(35)}`,
		kind: "google",
		says: ["Google", "Vertex AI", CONSOLE],
	},
	...["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"].map((prefix) => ({
		name: `GitHub ${prefix} token`,
		raw: keyOf(prefix, 40),
		kind: "github",
		says: ["GitHub", CONSOLE],
	})),
	{
		name: "nothing",
		raw: "",
		kind: "empty",
		says: ["Paste your Anthropic API key"],
	},
	{ name: "only spaces", raw: "   \n", kind: "empty", says: ["Paste"] },
	{ name: "only quotes", raw: '""', kind: "empty", says: ["Paste"] },
	{
		name: "only a prefix",
		raw: "export ANTHROPIC_API_KEY=",
		kind: "empty",
		says: ["Paste"],
	},
	{
		name: "a random word",
		raw: "hello-world",
		kind: "unknown",
		says: ["doesn't look like", "sk-ant-api03-"],
	},
	{
		name: "a shell command",
		raw: "$(rm -rf ~)",
		kind: "bad-characters",
		says: ["a shell character ($) at character 1"],
	},
];

describe("checkKey", () => {
	it.each([
		{ name: "a clean API key", raw: KEY },
		{
			name: "an API key with a prefix and quotes",
			raw: `export ANTHROPIC_API_KEY="${KEY}";`,
		},
	])("accepts $name", ({ raw }) => {
		const result = checkKey(raw);
		expect(result.ok && result.kind).toBe("api-key");
		expect(result.ok && result.variable).toBe("ANTHROPIC_API_KEY");
		expect(result.ok && result.key === KEY).toBe(true);
	});

	it("accepts an OAuth token for CLAUDE_CODE_OAUTH_TOKEN, with a note", () => {
		const result = checkKey(` ${OAUTH} `);
		if (!result.ok || result.kind !== "oauth-token") throw new Error(`got ${result.kind}`);
		expect(result.variable).toBe("CLAUDE_CODE_OAUTH_TOKEN");
		expect(result.key === OAUTH).toBe(true);
		expect(result.fixes).toEqual([SPACES]);
		for (const part of ["claude setup-token", "not an API key", "CLAUDE_CODE_OAUTH_TOKEN"]) {
			expect(result.note).toContain(part);
		}
	});

	it.each(classificationCases)("refuses $name", ({ raw, kind, says }) => {
		const result = checkKey(raw);
		if (result.ok) throw new Error(`accepted as ${result.kind}`);
		expect(result.kind).toBe(kind);
		for (const part of says) expect(`${result.message} ${result.hint}`).toContain(part);
		expect(result.message).not.toMatch(/[\r\n]/);
		expect(result.hint).not.toMatch(/[\r\n]/);
		// Shown live under the input: one short line each.
		expect(result.message.length).toBeLessThanOrEqual(100);
		expect(result.hint.length).toBeLessThanOrEqual(120);
	});

	it.each([
		{ name: "a space", piece: " ", says: "a space" },
		{ name: "a tab", piece: "\t", says: "a tab" },
		{ name: "a straight quote", piece: '"', says: "a quote" },
		{ name: "a curly quote", piece: "’", says: "a quote" },
		{ name: "a dollar", piece: "$", says: "a shell character ($)" },
		{ name: "a backtick", piece: "`", says: "a backtick (a shell character)" },
		{ name: "a semicolon", piece: ";", says: "a shell character (;)" },
		{ name: "a pipe", piece: "|", says: "a shell character (|)" },
		{ name: "an ampersand", piece: "&", says: "a shell character (&)" },
		{ name: "a NUL", piece: "\x00", says: "a control character" },
		{ name: "a bell", piece: "\x07", says: "a control character" },
		{
			name: "a Cyrillic look-alike",
			piece: "а",
			says: "a non-ASCII look-alike letter",
		},
		{ name: "an emoji", piece: "😀", says: "an emoji" },
		{
			name: "a zero-width space",
			piece: "\u200B",
			says: "an invisible character",
		},
		{ name: "an en dash", piece: "–", says: "a long dash or minus sign" },
		{ name: "a full-width digit", piece: "１", says: "a non-ASCII digit" },
		{ name: "an equals sign", piece: "=", says: 'a "=" character' },
		{ name: "a no-break space", piece: "\u00A0", says: "an unusual space" },
	])("names $name and where it is", ({ piece, says }) => {
		const result = checkKey(`  ${insertAt(KEY, 30, piece)}  `);
		if (result.ok) throw new Error("accepted");
		expect(result.kind).toBe("bad-characters");
		expect(result.message).toContain(`${says} at character 31 of 109`);
	});

	it("counts the position after cleaning and suggests pasting just the key", () => {
		const result = checkKey(`export ANTHROPIC_API_KEY="my:${KEY}"`);
		if (result.ok) throw new Error("accepted");
		expect(result.message).toContain('a ":" character at character 3 of');
		expect(result.hint).toContain("Paste just the key");
	});
});

describe("maskKey", () => {
	it.each([
		{ name: "an API key", key: KEY, masked: "sk-ant-api03-…AbCd" },
		{
			name: "an Admin key",
			key: keyOf("sk-ant-admin01-", 110, "WxYz"),
			masked: "sk-ant-admin01-…WxYz",
		},
		{ name: "an OAuth token", key: OAUTH, masked: "sk-ant-oat01-…AbCd" },
		{
			name: "a short sk-ant key",
			key: "sk-ant-api03-abcd",
			masked: "sk-ant-api03-…",
		},
		{
			name: "an AWS key",
			key: `AKIA${"B".repeat(12)}WXYZ`,
			masked: "AKI…WXYZ",
		},
		{ name: "12 characters", key: "abcdefghijkl", masked: "abc…ijkl" },
		{ name: "11 characters", key: "abcdefghijk", masked: "…" },
		{ name: "a short secret", key: "hunter2", masked: "…" },
		{ name: "an empty string", key: "", masked: "…" },
		{
			name: "control characters at the end",
			key: `abcdefghij\x1b\x07`,
			masked: "abc…ij??",
		},
	])("masks $name", ({ key, masked }) => {
		expect(maskKey(key)).toBe(masked);
	});

	it.each([undefined, null, 42, {}])("does not throw on %s", (value) => {
		expect(maskKey(value as unknown as string)).toBe("…");
	});
});

// Pieces people actually paste, so random inputs hit every cleaning step.
const pastePieces = fc
	.array(
		fc.constantFrom(
			...["\x1b[200~", "\x1b[201~", "[200~", "\x1b[", "\x1b]0;t\x07", "\x1b", "\x1b[0m"],
			...["export ", "ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN", "=", ":", " = ", "$env:"],
			...['"', "'", "‘", "”", "`", " ", "\t", "\u00A0", "\u200B", "\uFEFF", "\n", "\r\n"],
			...[";", ",", "Bearer ", "x-api-key: ", "set -gx ", "sk-ant-api03-", "x", "AA", "…", "😀"],
		),
		{ maxLength: 30 },
	)
	.map((pieces) => pieces.join(""));
const loneSurrogates = fc.string({
	unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
});
const anyText = fc.oneof(
	fc.string(),
	fc.string({ unit: "binary" }),
	fc.string({ unit: "grapheme" }),
	loneSurrogates,
	pastePieces,
);

// A key-shaped input whose secret part carries a sentinel, wrapped the ways people paste it.
const SENTINEL = "Qz7SeNtInEl";
const keyCharacter = fc.constantFrom(..."abcXYZ0189_-".split(""));
const wrappers: ((key: string) => string)[] = [
	(key) => key,
	(key) => ` "${key}"\n`,
	(key) => `export ANTHROPIC_API_KEY='${key}'`,
	(key) => `\x1b[200~${key}\x1b[201~`,
	(key) => `$env:ANTHROPIC_API_KEY = "${key}";`,
	(key) => `CLAUDE_CODE_OAUTH_TOKEN=${key}`,
];
const sentinelInputs = fc
	.record({
		prefix: fc.constantFrom(
			...["sk-ant-api03-", "sk-ant-admin01-", "sk-ant-api01-", "sk-ant-oat01-"],
			...["sk-ant-sid01-", "sk-proj-", "sk-", "AKIA", "AIza", "ghp_", "github_pat_", ""],
		),
		before: fc.string({ unit: keyCharacter, maxLength: 40 }),
		after: fc.string({ unit: keyCharacter, maxLength: 120 }),
		exactLength: fc.boolean(),
		noise: fc.option(
			fc.record({
				at: fc.nat(),
				piece: fc.constantFrom(" ", "\t", "$", "`", "…", "...", "😀", "а", "\n", "\u200B", "\x00"),
			}),
		),
		wrap: fc.constantFrom(...wrappers),
	})
	.map(({ prefix, before, after, exactLength, noise, wrap }) => {
		let key = prefix + before + SENTINEL + after;
		if (exactLength) key = key.slice(0, API_KEY_LENGTH).padEnd(API_KEY_LENGTH, "A");
		if (noise) key = insertAt(key, noise.at % (key.length + 1), noise.piece);
		return wrap(key);
	});

describe("properties", () => {
	it("checkKey, cleanKey and maskKey never throw, and refusals are one line each", () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const result = checkKey(text);
				cleanKey(text);
				maskKey(text);
				if (!result.ok) {
					expect(result.message).not.toMatch(/[\r\n]/);
					expect(result.hint).not.toMatch(/[\r\n]/);
				}
			}),
			{ numRuns: 2000 },
		);
	});

	it("handles 1 MB inputs without throwing or stalling", () => {
		const megabyte = 1 << 20;
		const inputs = [
			"x".repeat(megabyte),
			`${" ".repeat(megabyte)}x`,
			`x${" ".repeat(megabyte)}x`,
			"\n".repeat(megabyte),
			"x\n".repeat(megabyte / 2),
			API_PREFIX + "a".repeat(megabyte),
			'"'.repeat(megabyte),
			"\x1b[0".repeat(megabyte / 3),
			"\x1b]".repeat(megabyte / 2),
			"export ANTHROPIC_API_KEY=".repeat(megabyte / 25),
			"set -a ".repeat(megabyte / 7),
			"😀".repeat(megabyte / 2),
			".".repeat(megabyte),
		];
		for (const input of inputs) {
			const result = checkKey(input);
			expect(result.ok).toBe(false);
			expect(maskKey(input).length).toBeLessThanOrEqual(20);
		}
	});

	it("an accepted key is only letters, digits, - and _", () => {
		fc.assert(
			fc.property(fc.oneof(anyText, sentinelInputs), (text) => {
				const result = checkKey(text);
				if (result.ok) expect(result.key).toMatch(/^[A-Za-z0-9_-]+$/);
			}),
			{ numRuns: 2000 },
		);
	});

	it("never shows the secret part of a key-shaped input", () => {
		let accepted = 0;
		fc.assert(
			fc.property(sentinelInputs, (text) => {
				const result = checkKey(text);
				if (result.ok) accepted++;
				expect(shownText(result)).not.toContain(SENTINEL.slice(0, 6));
				expect(maskKey(cleanKey(text).key)).not.toContain(SENTINEL);
			}),
			{ numRuns: 2000 },
		);
		expect(accepted).toBeGreaterThan(0); // the generator does reach valid keys
	});

	it("cleanKey is idempotent on its own output", () => {
		fc.assert(
			fc.property(fc.oneof(anyText, sentinelInputs), (text) => {
				const { key } = cleanKey(text);
				const again = cleanKey(key);
				expect(again.key === key).toBe(true);
				expect(again.fixes).toEqual([]);
			}),
			{ numRuns: 2000 },
		);
	});
});
