// The PowerShell block through decodeText/encodeText on UTF-16 profiles with a BOM and
// CRLF (what Windows PowerShell 5.1's Out-File writes): every byte outside the block stays.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	applyBlock,
	type BlockEdit,
	POWERSHELL_BLOCK_START,
	removeBlock,
	renderBlock,
} from "../../../source/core/edit/block-edit.js";
import { decodeText, encodeText, type TextEncodingKind } from "../../../source/core/text/text-encoding.js";
import { NAME, set } from "./block-edit-fixtures.js";

const crlf = { newFileEol: "\r\n" } as const;

// Any code units but line breaks: accents, emoji, CJK, lone surrogates, look-alike lines.
const lineArbitrary = fc
	.oneof(
		fc.string({ unit: "grapheme", maxLength: 12 }),
		fc
			.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 })
			.map((units) => String.fromCharCode(...units)),
		fc.constantFrom(
			"#region claude-setup x",
			"#endregion",
			`$Env:${NAME}='old'`,
			"<# note #>",
			"Set-Location ~",
		),
	)
	.map((line) => line.replace(/[\r\n]/g, ""));

const profileArbitrary = fc
	.record({
		lines: fc.array(fc.tuple(lineArbitrary, fc.constantFrom("\r\n", "\r\n", "\n")), { maxLength: 6 }),
		finalNewline: fc.boolean(),
		encoding: fc.constantFrom<TextEncodingKind>("utf16le", "utf16be"),
	})
	.map(({ lines, finalNewline, encoding }) => {
		const body = lines.map(([line, eol]) => line + eol).join("");
		const text = `\uFEFF${finalNewline ? body : body.replace(/\r?\n$/, "")}`;
		return encodeText({ text, encoding });
	});
const valueArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);

function applied(result: BlockEdit): string {
	if (!result.ok) throw new Error(`unexpected problem ${result.problem}`);
	return result.text;
}

/** Decode, apply the block, encode back the same way: what the plan writes. */
function applyToBytes(bytes: Uint8Array, value: string): Uint8Array {
	const { text, encoding } = decodeText(bytes);
	return encodeText({ text: applied(applyBlock(text, "powershell", set(value), crlf)), encoding });
}

function removeFromBytes(bytes: Uint8Array): Uint8Array {
	const { text, encoding } = decodeText(bytes);
	return encodeText({ text: applied(removeBlock(text, "powershell")), encoding });
}

describe("the PowerShell block in UTF-16 profiles", () => {
	it("decodes as UTF-16, and inserting keeps every original byte as a prefix", () => {
		fc.assert(
			fc.property(profileArbitrary, valueArbitrary, (original, value) => {
				expect(decodeText(original).encoding).not.toBe("bytes");
				const written = applyToBytes(original, value);
				expect(written.subarray(0, original.length)).toEqual(original);
				// CRLF unless the profile already uses LF.
				const eol = /^[^\n]*(?<!\r)\n/.test(decodeText(original).text) ? "\n" : "\r\n";
				expect(decodeText(written).text).toContain(renderBlock("powershell", set(value)).join(eol));
			}),
		);
	});

	it("replacing or moving the block changes no byte outside it", () => {
		fc.assert(
			fc.property(
				profileArbitrary,
				profileArbitrary,
				valueArbitrary,
				valueArbitrary,
				(head, tail, old, value) => {
					const { text, encoding } = decodeText(head);
					const block = renderBlock("powershell", set(old)).join("\r\n");
					const after = decodeText(tail).text.slice(1);
					const before = encodeText({
						text: `${text.replace(/[^\n]$/, "$&\r\n")}${block}\r\n${after}`,
						encoding,
					});
					expect(removeFromBytes(applyToBytes(before, value))).toEqual(removeFromBytes(before));
				},
			),
		);
	});

	it("applying twice equals applying once, byte for byte", () => {
		fc.assert(
			fc.property(profileArbitrary, valueArbitrary, (original, value) => {
				const once = applyToBytes(original, value);
				expect(applyToBytes(once, value)).toEqual(once);
			}),
		);
	});

	it("apply then remove gives back the original bytes", () => {
		fc.assert(
			fc.property(profileArbitrary, valueArbitrary, (original, value) => {
				expect(removeFromBytes(applyToBytes(original, value))).toEqual(original);
			}),
		);
	});

	it("rotating A then B equals applying B, with exactly one block", () => {
		fc.assert(
			fc.property(profileArbitrary, valueArbitrary, valueArbitrary, (original, first, second) => {
				const rotated = applyToBytes(applyToBytes(original, first), second);
				expect(rotated).toEqual(applyToBytes(original, second));
				const lines = decodeText(rotated)
					.text.replace(/^\uFEFF/, "")
					.split(/\r?\n/);
				expect(lines.filter((line) => line === POWERSHELL_BLOCK_START)).toHaveLength(1);
			}),
		);
	});
});
