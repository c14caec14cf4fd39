import { describe, expect, it } from "vitest";
import {
	applyBlock,
	BLOCK_END,
	BLOCK_START,
	findBlock,
	removeBlock,
	renderBlock,
} from "../../../source/core/edit/block-edit.js";
import { applied, COMMENT, NAME, set } from "./block-edit-fixtures.js";

const posixBlock = (value: string, eol = "\n") =>
	[BLOCK_START, COMMENT, `export ${NAME}='${value}'`, BLOCK_END].join(eol);

describe("renderBlock", () => {
	it.each([
		["posix", `export ${NAME}='k-1_A'`],
		["fish", `set -gx ${NAME} 'k-1_A'`],
	] as const)("%s", (syntax, assignment) => {
		expect(renderBlock(syntax, set("k-1_A"))).toEqual([BLOCK_START, COMMENT, assignment, BLOCK_END]);
	});

	it.each([
		["a quote", "ab'c"],
		["a space", "ab c"],
		["a dollar sign", "ab$c"],
		["a newline", "ab\nc"],
		["nothing", ""],
	])("refuses a value with %s, without echoing it", (_what, value) => {
		expect(() => renderBlock("posix", set(value))).toThrow(/may only contain/);
		try {
			renderBlock("posix", set(value));
		} catch (error) {
			if (value !== "") expect(String(error)).not.toContain(value);
		}
	});

	it("refuses a bad variable name", () => {
		expect(() => renderBlock("fish", [{ name: "A;rm", value: "x" }])).toThrow(/Not a variable name/);
	});
});

const insertCases: {
	name: string;
	before: string;
	after: string;
	line: number;
}[] = [
	{ name: "an empty file", before: "", after: `${posixBlock("v")}\n`, line: 1 },
	{
		name: "a file with a final newline",
		before: "a\n",
		after: `a\n${posixBlock("v")}\n`,
		line: 2,
	},
	{
		name: "a file without a final newline",
		before: "a\nb",
		after: `a\nb\n${posixBlock("v")}`,
		line: 3,
	},
	{
		name: "a CRLF file: the block is LF all the same (zsh would keep a CR in the value)",
		before: "a\r\n",
		after: `a\r\n${posixBlock("v")}\n`,
		line: 2,
	},
	{
		name: "a CRLF file without a final newline: its last line ends in LF, like the block",
		before: "a\r\nb",
		after: `a\r\nb\n${posixBlock("v")}`,
		line: 3,
	},
	{
		name: "LF first, CRLF later",
		before: "a\nb\r\n",
		after: `a\nb\r\n${posixBlock("v")}\n`,
		line: 3,
	},
	{
		name: "a BOM only",
		before: "\uFEFF",
		after: `\uFEFF${posixBlock("v")}\n`,
		line: 1,
	},
	{
		name: "a latin1-read UTF-8 BOM",
		before: "\xEF\xBB\xBFa",
		after: `\xEF\xBB\xBFa\n${posixBlock("v")}`,
		line: 2,
	},
	{
		name: "a stray CR at the end",
		before: "a\r",
		after: `a\r\r\n${posixBlock("v")}`,
		line: 2,
	},
	{
		name: "decoy markers",
		before: ` ${BLOCK_START}\n# >>> claude-setup\n`,
		after: ` ${BLOCK_START}\n# >>> claude-setup\n${posixBlock("v")}\n`,
		line: 3,
	},
];

describe("applyBlock inserts at the end", () => {
	it.each(insertCases)("$name", ({ before, after, line }) => {
		const result = applied(applyBlock(before, "posix", set("v")));
		expect(result).toEqual({
			ok: true,
			text: after,
			action: "inserted",
			blockStartLine: line,
			keptLines: 0,
		});
		expect(removeBlock(result.text)).toMatchObject({
			ok: true,
			text: before,
			action: "removed",
		});
	});
});

describe("applyBlock with a block already there", () => {
	it("replaces it in place, keeping the lines around it (a CRLF block left by an older run turns LF)", () => {
		const before = `top\r\n${posixBlock("old", "\r\n")}\r\nbottom\r\n`;
		const result = applied(applyBlock(before, "posix", set("new")));
		expect(result).toEqual({
			ok: true,
			text: `top\r\n${posixBlock("new")}\nbottom\r\n`,
			action: "replaced",
			blockStartLine: 2,
			keptLines: 0,
		});
	});

	it("leaves the text identical when nothing changes", () => {
		const before = `top\n${posixBlock("same")}\nbottom`;
		expect(applyBlock(before, "posix", set("same"))).toEqual({
			ok: true,
			text: before,
			action: "unchanged",
			blockStartLine: 2,
			keptLines: 0,
		});
	});

	it("tolerates trailing spaces and CR on the markers, and rewrites them exactly", () => {
		const before = `${BLOCK_START}  \r\n${COMMENT}\nexport ${NAME}='v'\n${BLOCK_END}\t\nend\n`;
		const result = applied(applyBlock(before, "posix", set("v")));
		expect(result.action).toBe("replaced");
		expect(result.text).toBe(`${BLOCK_START}\n${COMMENT}\nexport ${NAME}='v'\n${BLOCK_END}\nend\n`);
	});

	it.each([
		["posix", `export ${NAME}=theirs`],
		["posix", `  ${NAME}="theirs" # later`],
		["fish", `set -Ux ${NAME} theirs`],
	] as const)("moves it below a later definition (%s: %s)", (syntax, later) => {
		const block = renderBlock(syntax, set("old")).join("\n");
		const before = `top\n${block}\n${later}\nend`;
		const result = applied(applyBlock(before, syntax, set("new")));
		expect(result.action).toBe("moved");
		expect(result.text).toBe(`top\n${later}\nend\n${renderBlock(syntax, set("new")).join("\n")}`);
		expect(result.blockStartLine).toBe(4);
		expect(applyBlock(result.text, syntax, set("new"))).toMatchObject({
			action: "unchanged",
		});
	});

	it("does not move it for a later commented-out definition", () => {
		const before = `${posixBlock("old")}\n# export ${NAME}=theirs\n`;
		expect(applyBlock(before, "posix", set("new"))).toMatchObject({
			action: "replaced",
			blockStartLine: 1,
			keptLines: 0,
		});
	});
});

const problemCases: {
	name: string;
	text: string;
	problem: string;
	line: number;
	says: RegExp;
}[] = [
	{
		name: "a start without an end",
		text: `a\n${BLOCK_START}\nexport X=1\n`,
		problem: "unterminated",
		line: 2,
		says: /Line 2 .*no "# <<< claude-setup <<<" line follows/,
	},
	{
		name: "an end without a start",
		text: `a\n${BLOCK_END}\n`,
		problem: "unterminated",
		line: 2,
		says: /Line 2 .*no "# >>> claude-setup >>>" line comes before/,
	},
	{
		name: "two blocks",
		text: `${posixBlock("a")}\nx\n${posixBlock("b")}\n`,
		problem: "several-blocks",
		line: 6,
		says: /Line 6 starts a second .*lines 1-4/,
	},
	{
		name: "a block inside a block",
		text: `${BLOCK_START}\n${posixBlock("a")}\n`,
		problem: "nested",
		line: 2,
		says: /Line 2 .*inside the one that starts on line 1/,
	},
];

describe("refuses to guess with broken markers", () => {
	it.each(problemCases)("$name", ({ text, problem, line, says }) => {
		for (const result of [applyBlock(text, "posix", set("v")), removeBlock(text), findBlock(text)]) {
			expect(result).toMatchObject({ ok: false, problem, line });
			if (result !== undefined && "message" in result) {
				expect(result.message).toMatch(says);
				expect(result.message).toMatch(/Nothing was changed\. .*then run `claude-setup` again\.$/);
			}
		}
	});
});

describe("findBlock and removeBlock", () => {
	it("finds the markers' lines", () => {
		expect(findBlock(`\uFEFFa\r\n${posixBlock("v", "\r\n")}`)).toEqual({
			startLine: 2,
			endLine: 5,
		});
		expect(findBlock("no block here\n")).toBeUndefined();
	});

	it.each([
		["in the middle", `a\n${posixBlock("v")}\nb\n`, "a\nb\n"],
		["at the end with a final newline", `a\n${posixBlock("v")}\n`, "a\n"],
		["at the end without one", `a\n${posixBlock("v")}`, "a"],
		["as the whole file", `${posixBlock("v")}\n`, ""],
	])("removes a block %s", (_where, text, expected) => {
		expect(removeBlock(text)).toMatchObject({
			ok: true,
			text: expected,
			action: "removed",
		});
	});

	it("leaves a file without a block alone", () => {
		expect(removeBlock("a\nb")).toEqual({
			ok: true,
			text: "a\nb",
			action: "unchanged",
			blockStartLine: 0,
			keptLines: 0,
		});
	});
});
