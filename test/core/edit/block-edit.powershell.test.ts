import { describe, expect, it } from "vitest";
import {
	applyBlock,
	BLOCK_END,
	BLOCK_START,
	findBlock,
	POWERSHELL_BLOCK_END,
	POWERSHELL_BLOCK_START,
	removeBlock,
	renderBlock,
} from "../../../source/core/edit/block-edit.js";
import { decodeText, encodeText } from "../../../source/core/text/text-encoding.js";
import { applied, COMMENT, NAME, set } from "./block-edit-fixtures.js";

const block = (value: string, eol = "\r\n") =>
	[POWERSHELL_BLOCK_START, COMMENT, `$env:${NAME} = '${value}'`, POWERSHELL_BLOCK_END].join(eol);

describe("renderBlock (powershell)", () => {
	it("is a #region block that sets $env:", () => {
		expect(renderBlock("powershell", set("k-1_A"))).toEqual([
			"#region claude-setup",
			COMMENT,
			`$env:${NAME} = 'k-1_A'`,
			"#endregion claude-setup",
		]);
	});
});

const crlf = { newFileEol: "\r\n" } as const;
const insertCases: { name: string; before: string; options: { newFileEol?: "\r\n" }; after: string }[] = [
	{ name: "a new profile, asked CRLF", before: "", options: crlf, after: `${block("v")}\r\n` },
	{ name: "a new profile, by default LF", before: "", options: {}, after: `${block("v", "\n")}\n` },
	{
		name: "a one-line profile, asked CRLF",
		before: "Set-Alias g git",
		options: crlf,
		after: `Set-Alias g git\r\n${block("v")}`,
	},
	{
		name: "an LF profile keeps LF even when CRLF is asked",
		before: "a\n",
		options: crlf,
		after: `a\n${block("v", "\n")}\n`,
	},
	{
		name: "a CRLF profile with a BOM",
		before: "\uFEFFa\r\n",
		options: {},
		after: `\uFEFFa\r\n${block("v")}\r\n`,
	},
	{
		name: "the user's own regions, and a bare #endregion that is theirs",
		before: "#region mine\r\n$a = 1\r\n#endregion\r\n#endregion\r\n",
		options: {},
		after: `#region mine\r\n$a = 1\r\n#endregion\r\n#endregion\r\n${block("v")}\r\n`,
	},
	{
		name: "decoys: a posix block, a label with more words, an indented marker",
		before: `${BLOCK_START}\r\n${BLOCK_END}\r\n#endregion claude-setup now\r\n  ${POWERSHELL_BLOCK_START}\r\n`,
		options: crlf,
		after: `${BLOCK_START}\r\n${BLOCK_END}\r\n#endregion claude-setup now\r\n  ${POWERSHELL_BLOCK_START}\r\n${block("v")}\r\n`,
	},
];

describe("applyBlock (powershell) inserts at the end", () => {
	it.each(insertCases)("$name", ({ before, options, after }) => {
		const result = applied(applyBlock(before, "powershell", set("v"), options));
		expect(result.text).toBe(after);
		expect(result.action).toBe("inserted");
		expect(removeBlock(result.text, "powershell")).toMatchObject({
			ok: true,
			text: before,
			action: "removed",
		});
	});
});

describe("applyBlock (powershell) with a block already there", () => {
	it("replaces it in place, keeping CRLF and the lines around it", () => {
		const before = `top\r\n${block("old")}\r\n#endregion\r\nbottom`;
		expect(applyBlock(before, "powershell", set("new"))).toEqual({
			ok: true,
			text: `top\r\n${block("new")}\r\n#endregion\r\nbottom`,
			action: "replaced",
			blockStartLine: 2,
			keptLines: 0,
		});
		expect(applyBlock(before, "powershell", set("old"))).toMatchObject({ action: "unchanged", text: before });
	});

	it.each([
		`$env:${NAME} = 'theirs'`,
		"$Env:anthropic_api_key='theirs'",
		`[Environment]::SetEnvironmentVariable('${NAME}', 'theirs', 'Process')`,
		`Set-Item -Path env:${NAME} -Value theirs`,
	])("moves it below a later definition: %s", (later) => {
		const before = `top\r\n${block("old")}\r\n${later}\r\n`;
		const result = applied(applyBlock(before, "powershell", set("new")));
		expect(result).toMatchObject({ action: "moved", blockStartLine: 3 });
		expect(result.text).toBe(`top\r\n${later}\r\n${block("new")}\r\n`);
	});

	it.each([
		`# $env:${NAME} = 'theirs'`,
		`<#\r\n$env:${NAME} = 'theirs'\r\n#>`,
		`$env:${NAME}_OLD = 'theirs'`,
	])("does not move it for a later line that does not define it: %s", (later) => {
		const before = `${block("old")}\r\n${later}\r\n`;
		expect(applyBlock(before, "powershell", set("new"))).toMatchObject({
			action: "replaced",
			blockStartLine: 1,
			keptLines: 0,
		});
	});
});

describe("applyBlock (powershell) refuses broken markers", () => {
	it.each([
		[
			"a start without an end (a bare #endregion is not ours)",
			`a\r\n${POWERSHELL_BLOCK_START}\r\n#endregion\r\n`,
			"unterminated",
			2,
			/no "#endregion claude-setup" line follows/,
		],
		[
			"an end without a start",
			`#region claude\r\n${POWERSHELL_BLOCK_END}\r\n`,
			"unterminated",
			2,
			/no "#region claude-setup" line comes before/,
		],
		["two blocks", `${block("a")}\r\n${block("b")}\r\n`, "several-blocks", 5, /lines 1-4/],
		["a block inside a block", `${POWERSHELL_BLOCK_START}\r\n${block("a")}\r\n`, "nested", 2, /line 1/],
	] as const)("%s", (_name, text, problem, line, says) => {
		const results = [
			applyBlock(text, "powershell", set("v")),
			removeBlock(text, "powershell"),
			findBlock(text, "powershell"),
		];
		for (const result of results) {
			expect(result).toMatchObject({ ok: false, problem, line });
			if (result && "message" in result) expect(result.message).toMatch(says);
		}
	});
});

describe("a UTF-16LE profile with a BOM and CRLF (Windows PowerShell 5.1's Out-File)", () => {
	const utf16 = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));
	const original = "\uFEFF# Profil de Zoë\r\nSet-Location C:\\Users\\Zoë\r\n";

	it("gets the block as UTF-16LE, every other byte untouched, and loses it again on remove", () => {
		const decoded = decodeText(utf16(original));
		expect(decoded.encoding).toBe("utf16le");
		const result = applied(applyBlock(decoded.text, "powershell", set("new-key"), crlf));
		const written = encodeText({ text: result.text, encoding: decoded.encoding });
		expect(written).toEqual(utf16(`${original}${block("new-key")}\r\n`));
		const removed = applied(removeBlock(decodeText(written).text, "powershell"));
		expect(encodeText({ text: removed.text, encoding: "utf16le" })).toEqual(utf16(original));
	});
});
