import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalPrinter } from "../../../source/core/layout/printer.js";
import { displayWidth } from "../../../source/core/layout/width.js";
import { hangingIndent, wrapLines, wrapText } from "../../../source/core/layout/wrap.js";

const BACKUP = "~/.local/state/claude-setup/backups/.zshrc.2026-12-06T11-29-06-913Z.bak";

describe("displayWidth", () => {
	it.each([
		["plain", "abc", 3],
		["symbols the product uses", "✓ ✗ → … ● ❯", 11],
		["wide CJK", "鍵を", 4],
		["emoji", "🔑", 2],
		["combining accent", "e\u0301", 1],
		["colour codes", "\u001b[32m✓\u001b[39m ok", 4],
	])("%s", (_name, text, width) => {
		expect(displayWidth(text)).toBe(width);
	});
});

describe("wrapText", () => {
	it.each([
		{
			text: "a new terminal gets this key",
			width: 14,
			first: "",
			lines: ["a new terminal", "gets this key"],
		},
		{ text: "one two three", width: 9, first: "  ✗ ", lines: ["  ✗ one", "    two", "    three"] },
		{ text: `backup: ${BACKUP}`, width: 40, first: "", lines: ["backup:", BACKUP] },
		{ text: "fits", width: 4, first: "", lines: ["fits"] },
		{ text: "", width: 10, first: "  → ", lines: ["  → "] },
		{ text: "鍵を 保存 しました", width: 9, first: "", lines: ["鍵を 保存", "しました"] },
	])("$text at $width columns", ({ text, width, first, lines }) => {
		expect(wrapText(text, { width, first })).toEqual(lines);
	});

	it("keeps runs of spaces that align columns, and drops them where the line breaks", () => {
		expect(wrapText("KEY   value   where", { width: 13 })).toEqual(["KEY   value", "where"]);
	});

	it("never splits a word, and no line is wider than the width unless it holds one word", () => {
		const word = fc.stringMatching(/^[a-z/.~é鍵-]{1,30}$/);
		fc.assert(
			fc.property(
				fc.array(word, { minLength: 1, maxLength: 25 }),
				fc.integer({ min: 8, max: 120 }),
				(words, width) => {
					const lines = wrapText(words.join(" "), { width, first: "  ! " });
					const texts = lines.map((line) => line.slice(4));
					expect(texts.join(" ").split(" ")).toEqual(words);
					for (const [index, line] of lines.entries()) {
						if (displayWidth(line) > width) expect(texts[index]?.split(" ")).toHaveLength(1);
					}
					for (const line of lines.slice(1)) expect(line.startsWith("    ")).toBe(true);
				},
			),
		);
	});
});

describe("wrapLines: each line hangs under its own marker", () => {
	it.each([
		["  ✗ This terminal has no key", { first: "  ✗ ", rest: "    " }],
		["  → Run it", { first: "  → ", rest: "    " }],
		["• Cleaned the key", { first: "• ", rest: "  " }],
		["Plain prose", { first: "", rest: "  " }],
		["    indented prose", { first: "    ", rest: "      " }],
	])("%s", (line, expected) => {
		expect(hangingIndent(line)).toEqual(expected);
	});

	it("wraps the status line that used to be cut mid-word at 60 columns", () => {
		const line =
			"  ✗ This terminal has no ANTHROPIC_API_KEY, but a new one gets sk-ant-api03-…XwAA: programs started here get no key. To fix it, open a new terminal or run `source ~/.zshrc`.";
		const lines = wrapLines([line], 60);
		expect(lines.every((wrapped) => displayWidth(wrapped) <= 60)).toBe(true);
		expect(lines.slice(1).every((wrapped) => wrapped.startsWith("    "))).toBe(true);
		expect(lines.join("\n")).toContain("`source ~/.zshrc`.");
		expect(lines.join(" ").replace(/ +/g, " ")).toBe(line.replace(/ +/g, " "));
	});

	it("keeps blank lines and short lines as they are", () => {
		expect(wrapLines(["", "short", "a\nb"], 40)).toEqual(["", "short", "a", "b"]);
	});
});

describe("terminalPrinter", () => {
	const printed = (columns: number | undefined, line: string) => {
		const out: string[] = [];
		terminalPrinter((text) => out.push(text), columns)(line);
		return out;
	};
	it("wraps for a terminal", () => {
		expect(printed(20, "✓ The API accepts the key a new terminal gets.")).toEqual([
			"✓ The API accepts",
			"  the key a new",
			"  terminal gets.",
		]);
	});
	it("leaves a pipe's lines whole", () => {
		expect(printed(undefined, "x ".repeat(100))).toEqual(["x ".repeat(100)]);
	});
});
