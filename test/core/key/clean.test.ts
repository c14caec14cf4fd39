import { describe, expect, it } from "vitest";
import { cleanKey } from "../../../source/core/key/key.js";
import { insertAt, KEY, OAUTH, prefixFix, QUOTES, SPACES } from "./key-fixtures.js";

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
