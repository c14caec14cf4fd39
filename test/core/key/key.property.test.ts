import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_KEY_LENGTH, checkKey, cleanKey, maskKey } from "../../../source/core/key/key.js";
import { API_PREFIX, insertAt, shownText } from "./key-fixtures.js";

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
