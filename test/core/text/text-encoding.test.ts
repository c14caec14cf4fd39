import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText, encodeText, type TextEncodingKind } from "../../../source/core/text/text-encoding.js";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, "utf16le").swap16());

const cases: [string, Uint8Array, string, TextEncodingKind][] = [
	["an empty file", bytes(), "", "bytes"],
	["plain ASCII", bytes(0x61, 0x0d, 0x0a), "a\r\n", "bytes"],
	["UTF-8 with BOM, one char per byte", bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9), "\xEF\xBB\xBF\xC3\xA9", "bytes"],
	["invalid UTF-8", bytes(0x80, 0xff, 0xc3), "\x80\xff\xC3", "bytes"],
	["UTF-16LE with BOM and CRLF", utf16le("\uFEFF$env:A = 'é€'\r\n"), "\uFEFF$env:A = 'é€'\r\n", "utf16le"],
	["UTF-16BE with BOM", utf16be("\uFEFFa\u{1F600}\n"), "\uFEFFa\u{1F600}\n", "utf16be"],
	["a UTF-16LE BOM alone", bytes(0xff, 0xfe), "\uFEFF", "utf16le"],
	[
		"a lone surrogate, kept as a code unit",
		bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00),
		"\uFEFF\uD800A",
		"utf16le",
	],
	["an odd length after a UTF-16 BOM stays bytes", bytes(0xff, 0xfe, 0x41), "\xff\xfeA", "bytes"],
	["FE FF with an odd length stays bytes", bytes(0xfe, 0xff, 0x00), "\xfe\xff\x00", "bytes"],
];

describe("decodeText", () => {
	it.each(cases)("%s", (_name, input, text, encoding) => {
		expect(decodeText(input)).toEqual({ text, encoding });
		expect(encodeText({ text, encoding })).toEqual(input);
	});

	it("decodes a large UTF-16 file whole", () => {
		const text = `\uFEFF${"ab€\r\n".repeat(30_000)}`;
		expect(decodeText(utf16le(text))).toEqual({ text, encoding: "utf16le" });
	});
});

describe("encodeText(decodeText(bytes)) is the same bytes", () => {
	const bomArbitrary = fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]);
	const bytesArbitrary = fc
		.tuple(bomArbitrary, fc.uint8Array({ maxLength: 64 }))
		.map(([bom, rest]) => Uint8Array.from([...bom, ...rest]));

	it("for any bytes, with or without a BOM", () => {
		fc.assert(
			fc.property(bytesArbitrary, (input) => {
				expect(encodeText(decodeText(input))).toEqual(input);
			}),
		);
	});

	// Any code units at all, so lone and swapped surrogates come up often.
	const unitsArbitrary = fc
		.array(fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0xd800, max: 0xdfff })))
		.map((units) => String.fromCharCode(...units));

	it("for any UTF-16 text, lone surrogates included, in both byte orders", () => {
		fc.assert(
			fc.property(unitsArbitrary, fc.boolean(), (body, little) => {
				const text = `\uFEFF${body}`;
				const input = little ? utf16le(text) : utf16be(text);
				const decoded = decodeText(input);
				expect(decoded).toEqual({ text, encoding: little ? "utf16le" : "utf16be" });
				expect(encodeText(decoded)).toEqual(input);
			}),
		);
	});
});
