import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	appendLines,
	dominantEol,
	joinLines,
	removeLines,
	splitLines,
} from "../../../source/core/text/line-endings.js";

const textArbitrary = fc.oneof(
	fc.string(),
	fc.string({ unit: "binary" }),
	fc
		.array(fc.constantFrom("a", " ", "\r", "\n", "\r\n", "\uFEFF", "\xEF\xBB\xBF", "\xff"))
		.map((parts) => parts.join("")),
);

describe("line-endings", () => {
	it("split then join gives back the same text", () => {
		fc.assert(
			fc.property(textArbitrary, (text) => {
				const { bom, lines } = splitLines(text);
				expect(joinLines(bom, lines)).toBe(text);
			}),
		);
	});

	it("append then remove gives back the same text", () => {
		fc.assert(
			fc.property(
				textArbitrary,
				fc.array(fc.stringMatching(/^[a-z ]+$/), {
					minLength: 1,
					maxLength: 3,
				}),
				(text, added) => {
					const { bom, lines } = splitLines(text);
					const appended = appendLines(lines, added, dominantEol(text));
					const back = removeLines(appended, lines.length, appended.length - 1);
					expect(joinLines(bom, back)).toBe(text);
					expect(splitLines(joinLines(bom, appended)).lines.length).toBe(lines.length + added.length);
				},
			),
		);
	});

	it.each([
		["", "\n"],
		["a", "\n"],
		["a\r\nb\n", "\r\n"],
		["a\nb\r\n", "\n"],
		["\r\n", "\r\n"],
		["a\rb\n", "\n"],
	])("dominantEol(%j) is %j", (text, eol) => {
		expect(dominantEol(text)).toBe(eol);
	});

	it.each([
		["a BOM as U+FEFF", "\uFEFFx\n", "\uFEFF", ["x"]],
		["a BOM as latin1 bytes", "\xEF\xBB\xBFx", "\xEF\xBB\xBF", ["x"]],
		["CRLF and LF", "a\r\nb\nc", "", ["a", "b", "c"]],
		["a lone CR stays in the line", "a\rb\n", "", ["a\rb"]],
	])("splitLines with %s", (_what, text, bom, contents) => {
		const split = splitLines(text);
		expect(split.bom).toBe(bom);
		expect(split.lines.map((line) => line.content)).toEqual(contents);
	});
});
