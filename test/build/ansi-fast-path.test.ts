// The build lets ansi-tokenize skip working out the escape codes between two neighbouring cells
// of the same style. That must change nothing: the patched function writes every line exactly
// as the original does, for any mix of styles, and for lines padded as Ink pads them.
import * as original from "@alcalzone/ansi-tokenize";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { importBundled } from "./bundled.js";
import { ansiDiffFastPath } from "./plugins.mjs";

type StyledChar = ReturnType<typeof original.styledCharsFromTokens>[number];
type Tokenizer = Pick<typeof original, "styledCharsToString">;

// What chalk writes: open and close codes of every kind ansi-tokenize treats apart (intensity,
// colours, 256 and true colour, a full reset, and unknown codes).
const CODES = [
	"\u001b[1m",
	"\u001b[2m",
	"\u001b[22m",
	"\u001b[3m",
	"\u001b[23m",
	"\u001b[4m",
	"\u001b[24m",
	"\u001b[7m",
	"\u001b[27m",
	"\u001b[31m",
	"\u001b[32m",
	"\u001b[36m",
	"\u001b[39m",
	"\u001b[38;5;208m",
	"\u001b[38;2;10;20;30m",
	"\u001b[44m",
	"\u001b[49m",
	"\u001b[0m",
	"\u001b[m",
	"\u001b[53m",
	"\u001b[55m",
];

/** A blank cell as Ink fills a line with before writing text into it. */
const blank = (): StyledChar => ({ type: "char", value: " ", fullWidth: false, styles: [] });

describe("ansi-tokenize as bundled", () => {
	let patched: Tokenizer;
	beforeAll(async () => {
		patched = await importBundled<Tokenizer>('export * from "@alcalzone/ansi-tokenize";', ansiDiffFastPath);
	});

	const cells = (text: string) => original.styledCharsFromTokens(original.tokenize(text));

	it.each([
		["an empty line", ""],
		["plain text", "Paste your Anthropic API key"],
		["a coloured word between plain ones", "a \u001b[32m✓ done\u001b[39m here"],
		["bold and dim together", "\u001b[1m\u001b[2mboth\u001b[22m none"],
		["a style left open at the end", "\u001b[36mcyan to the end"],
	])("writes %s as the original does", (_name, text) => {
		const line = [...cells(text), blank(), blank()];
		expect(patched.styledCharsToString(line)).toBe(original.styledCharsToString(line));
		expect(patched.styledCharsToString(cells(text))).toBe(original.styledCharsToString(cells(text)));
	});

	it("writes any mix of styles, text and padding as the original does", () => {
		const piece = fc.oneof(
			fc.constantFrom(...CODES),
			fc.string({ maxLength: 4 }),
			fc.constantFrom("✓", "…", "鍵"),
		);
		const line = fc.record({
			text: fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join("")),
			padding: fc.nat({ max: 5 }),
		});
		fc.assert(
			fc.property(line, ({ text, padding }) => {
				const chars = [...cells(text), ...Array.from({ length: padding }, blank)];
				return patched.styledCharsToString(chars) === original.styledCharsToString(chars);
			}),
			{ numRuns: 5_000 },
		);
	});
});
