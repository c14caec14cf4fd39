// The build patches string-width to test a cheap pre-filter before /^\p{RGI_Emoji}$/v (which
// costs ~10 ms to build). That is only sound if every RGI emoji passes the pre-filter, and the
// patched string-width must measure exactly as the original does.
import fc from "fast-check";
import stringWidth from "string-width";
import { beforeAll, describe, expect, it } from "vitest";
import { importBundled } from "./bundled.js";
import { EMOJI_PREFILTER, lazyEmojiRegex } from "./plugins.mjs";

// biome-ignore lint/complexity/useRegexLiterals: TypeScript's ES2022 target rejects the v flag in a literal
const RGI_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");

// Walks all 1.1 million code points: ~2.5 s alone, more on a busy machine — a correctness test, not a timed one.
describe("the emoji pre-filter", { timeout: 30_000 }, () => {
	it("passes every RGI emoji of one code point, with VS16, as a keycap, or with a skin tone", () => {
		const missed: string[] = [];
		for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
			if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
			const character = String.fromCodePoint(codePoint);
			for (const candidate of [
				character,
				`${character}\uFE0F`,
				`${character}\uFE0F\u20E3`,
				`${character}\u{1F3FB}`,
			]) {
				if (RGI_EMOJI.test(candidate) && !EMOJI_PREFILTER.test(candidate)) missed.push(candidate);
			}
		}
		expect(missed).toEqual([]);
	});

	it("passes every RGI emoji built from emoji parts (flags, tags, ZWJ sequences)", () => {
		const parts = [
			"\u200D",
			"\uFE0F",
			"\u20E3",
			"#",
			"1",
			"\u{1F3F4}",
			"\u{E0067}",
			"\u{E0062}",
			"\u{E0065}",
			"\u{E006E}",
			"\u{E007F}",
			"\u{1F1FA}",
			"\u{1F1F8}",
			"\u{1F468}",
			"\u{1F469}",
			"\u{1F467}",
			"\u{1F3FD}",
			"\u2764",
			"\u{1F525}",
			"\u{1F3F3}",
			"\u{1F308}",
			"\u26A7",
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 8 }), (sequence) => {
				const candidate = sequence.join("");
				return !RGI_EMOJI.test(candidate) || EMOJI_PREFILTER.test(candidate);
			}),
			{ numRuns: 20_000 },
		);
	});
});

describe("string-width as bundled", () => {
	let patchedWidth: (text: string) => number;
	beforeAll(async () => {
		const bundled = await importBundled<{ default: (text: string) => number }>(
			'export { default } from "string-width";',
			lazyEmojiRegex,
		);
		patchedWidth = bundled.default;
	});

	it.each([
		["ASCII", "Paste your Anthropic API key"],
		["the wizard's symbols", "❯ ✓ ✗ … · • ● → —"],
		["an emoji", "All set 🎉"],
		["a keycap", "1️⃣ #️⃣"],
		["a flag and a family", "🇺🇸 👨‍👩‍👧"],
		["CJK", "鍵を保存しました"],
		["digits beside non-ASCII", "sk-ant-api03-…AbCd 138 characters"],
	])("measures %s as the original does", (_name, text) => {
		expect(patchedWidth(text)).toBe(stringWidth(text));
	});

	it("measures any text as the original does", () => {
		const emojiish = fc.constantFrom("🎉", "👍🏽", "🏳️‍🌈", "1️⃣", "©", "©️", "\u200D", "\uFE0F", "❯", "…", "é");
		const text = fc
			.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), emojiish))
			.map((pieces) => pieces.join(""));
		fc.assert(
			fc.property(text, (value) => patchedWidth(value) === stringWidth(value)),
			{ numRuns: 2_000 },
		);
	});
});
