// The answer one read from the terminal gives to remove's yes/no question (askYesNo).
import { describe, expect, it } from "vitest";
import { yesNoAnswer } from "../../source/system/stdin.js";

describe("yesNoAnswer: one key answers, Enter takes the default", () => {
	it.each([
		["y", false, true],
		["Y", false, true],
		["n", true, false],
		["N", true, false],
		["\r", false, false],
		["\r", true, true],
		["\n", true, true],
		["\u0003", true, false], // Ctrl-C
		["\u0004", true, false], // Ctrl-D
		["\u001b", true, false], // Esc
		["\u001b[B", false, undefined], // an arrow key is no answer
		["\u001bOA", true, undefined],
		["\u001b[Bn", false, false], // arrow and n in one read
		["\u001b[1;5Cy", false, true],
		["x", false, undefined],
		[" ", true, undefined],
		["xy", false, true], // typed fast: the first key that answers counts
		["ny", false, false],
		["y\r", false, true],
	] as const)("%j (default yes: %s) → %s", (read, defaultYes, expected) => {
		expect(yesNoAnswer(read, defaultYes)).toBe(expected);
	});
});
