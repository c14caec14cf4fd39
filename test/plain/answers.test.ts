// What a typed answer means in accessible mode: every spelling people use.
import { describe, expect, it } from "vitest";
import { pickOption, yesOrNo } from "../../source/plain/answers.js";

const OPTIONS = [
	{ value: "zsh", label: "~/.zshrc (your shell)" },
	{ value: "bash", label: "~/.bashrc" },
	{ value: "dotenv", label: "./.env" },
];

describe("pickOption", () => {
	it.each([
		["", "bash"],
		["   ", "bash"],
		["1", "zsh"],
		[" 3 ", "dotenv"],
		["zsh", "zsh"],
		["DOTENV", "dotenv"],
		["~/.bash", "bash"],
		["./.env", "dotenv"],
		["4", undefined],
		["0", undefined],
		["fish", undefined],
		["-1", undefined],
	])("%j → %s", (typed, value) => {
		expect(pickOption(typed, OPTIONS, "bash")?.value).toBe(value);
	});
});

describe("yesOrNo", () => {
	it.each([
		["", true, true],
		["", false, false],
		["y", false, true],
		["YES", false, true],
		[" no ", true, false],
		["N", true, false],
		["maybe", true, undefined],
		["yess", true, undefined],
	])("%j (Enter: %s) → %s", (typed, defaultYes, answer) => {
		expect(yesOrNo(typed, defaultYes)).toBe(answer);
	});
});
