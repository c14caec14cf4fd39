import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	commentOutLines,
	DISABLED_NOTE,
	disabledLines,
	restoreCommentedLines,
} from "../../../source/core/edit/comment-out.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";

const KEY = `sk-ant-api03-${"o".repeat(89)}OlddAA`;

describe("commentOutLines", () => {
	it.each([
		[
			"LF",
			`a\nexport ANTHROPIC_API_KEY=${KEY}\nb\n`,
			2,
			`a\n${DISABLED_NOTE}export ANTHROPIC_API_KEY=${KEY}\nb\n`,
		],
		["CRLF", `a\r\nX=1\r\n`, 2, `a\r\n${DISABLED_NOTE}X=1\r\n`],
		["no final newline", `a\nX=1`, 2, `a\n${DISABLED_NOTE}X=1`],
		["indented", `if x; then\n  export X=1\nfi\n`, 2, `if x; then\n${DISABLED_NOTE}  export X=1\nfi\n`],
		["BOM", `\uFEFFX=1\n`, 1, `\uFEFF${DISABLED_NOTE}X=1\n`],
	])("%s", (_name, text, line, expected) => {
		expect(commentOutLines(text, [line])).toEqual({ text: expected, count: 1 });
		expect(disabledLines(expected)).toEqual([line]);
	});

	it("leaves a line it already disabled alone, and ignores numbers past the end", () => {
		const once = commentOutLines("X=1\n", [1, 9]).text;
		expect(commentOutLines(once, [1])).toEqual({ text: once, count: 0 });
	});

	it("a disabled definition is no longer a definition, in every syntax", () => {
		for (const [syntax, line] of [
			["posix", `export ANTHROPIC_API_KEY=${KEY}`],
			["fish", `set -gx ANTHROPIC_API_KEY ${KEY}`],
			["dotenv", `ANTHROPIC_API_KEY=${KEY}`],
			["powershell", `$env:ANTHROPIC_API_KEY = '${KEY}'`],
		] as const) {
			const text = commentOutLines(`${line}\n`, [1]).text;
			expect(findDefinitions(text, syntax, "ANTHROPIC_API_KEY")).toEqual([]);
		}
	});
});

describe("restoreCommentedLines", () => {
	const line = fc.stringMatching(/^[^\r\n]*$/);
	const text = fc
		.array(fc.tuple(line, fc.constantFrom("\n", "\r\n")), { maxLength: 12 })
		.chain((lines) =>
			fc.tuple(fc.constant(lines), fc.boolean(), fc.boolean()).map(([parts, finalEol, bom]) => {
				const body = parts.map(([content, eol]) => content + eol).join("");
				return (bom ? "\uFEFF" : "") + (finalEol ? body : body.replace(/\r?\n$/, ""));
			}),
		)
		.filter((value) => !value.includes(DISABLED_NOTE));

	it("restores exactly what commentOutLines disabled, for any text and any lines", () => {
		fc.assert(
			fc.property(text, fc.array(fc.integer({ min: 1, max: 14 })), (original, lines) => {
				const disabled = commentOutLines(original, lines);
				expect(restoreCommentedLines(disabled.text)).toEqual({ text: original, count: disabled.count });
			}),
			{ numRuns: 500 },
		);
	});

	it("changes nothing in a text without disabled lines", () => {
		fc.assert(
			fc.property(text, (original) => {
				expect(restoreCommentedLines(original)).toEqual({ text: original, count: 0 });
			}),
		);
	});
});
