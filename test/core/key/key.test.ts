import { describe, expect, it } from "vitest";
import { checkKey, maskKey } from "../../../source/core/key/key.js";
import { API_PREFIX, CONSOLE, insertAt, KEY, keyOf, OAUTH, SPACES } from "./key-fixtures.js";

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

describe("diagnoses that name what was pasted, not where a character is", () => {
	const KEY = `sk-ant-api03-${"a".repeat(89)}WxYzAA`;
	it("an AWS secret access key is an AWS key, not a '/' at character 14", () => {
		const check = checkKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
		expect(check).toMatchObject({ ok: false, kind: "aws" });
		expect(check.ok ? "" : check.message).toBe("This is an AWS secret access key, not an Anthropic key.");
	});
	it.each([
		[`ANTHROPIC_API_KEY=${KEY} # work key`],
		[`export ANTHROPIC_API_KEY="${KEY}"   # rotated in May`],
	])("a .env or shell line with a trailing # comment: %s", (line) => {
		const check = checkKey(line);
		expect(check).toMatchObject({ ok: true, key: KEY });
		expect(check.fixes).toContain("removed a trailing `# comment`");
	});
});
