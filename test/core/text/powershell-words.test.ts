import { describe, expect, it } from "vitest";
import { standalonePowerShellLines } from "../../../source/core/text/powershell-words.js";

describe("standalonePowerShellLines: which lines can be commented out on their own", () => {
	it.each([
		["$env:A = 'x'", true],
		["$env:A = 'x'; Set-Alias k kubectl", true],
		["if ($IsWindows) { $env:A = 'x' }", true],
		["$env:A = 'a { b'  # a { in a string or comment is no bracket", true],
		["if ($work) { $env:A = 'x'", false],
		["$env:A = `", false],
		["$env:A = @'", false],
		["} else { $env:A = 'x' }", false],
		['$env:A = "text that goes on', false],
	])("%s → %s", (line, expected) => {
		expect(standalonePowerShellLines([line, "'end'"])[0]).toBe(expected);
	});

	it("a line inside a here-string or block comment is not code at all", () => {
		const lines = ["$x = @'", "$env:A = 'x'", "'@", "<#", "$env:A = 'y'", "#>", "$env:A = 'z'"];
		expect(standalonePowerShellLines(lines)).toEqual([false, false, false, false, false, false, true]);
	});
});
