import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../../../source/core/text/did-you-mean.js";

describe("editDistance", () => {
	it.each([
		["", "", 0],
		["target", "target", 0],
		["targt", "target", 1],
		["tagret", "target", 1],
		["zhs", "zsh", 1],
		["kitten", "sitting", 3],
		["", "json", 4],
	])("%s → %s: %i", (from, to, distance) => {
		expect(editDistance(from, to)).toBe(distance);
	});

	it("is symmetric, zero only for equal words, and at most the longer length", () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
				const distance = editDistance(a, b);
				expect(editDistance(b, a)).toBe(distance);
				expect(distance === 0).toBe(a === b);
				expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
			}),
		);
	});
});

describe("didYouMean", () => {
	const FLAGS = ["--target", "--json", "--dry-run", "--yes"];
	it.each([
		["--targt", "--target"],
		["--TARGET", "--target"],
		["--jsn", "--json"],
		["--verbose", undefined],
		["--y", undefined],
		["", undefined],
	])("%s → %s", (typed, meant) => {
		expect(didYouMean(typed, FLAGS)).toBe(meant);
	});
});
