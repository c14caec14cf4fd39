import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDotenv, removeDotenvVar, setDotenvVar } from "../../../source/core/edit/dotenv.js";

const NAME = "ANTHROPIC_API_KEY";

/** What `node --env-file` sets the variable to, run with it removed from the environment. */
function nodeReads(text: string): string {
	const folder = mkdtempSync(join(tmpdir(), "claude-setup-dotenv-"));
	try {
		const file = join(folder, ".env");
		writeFileSync(file, text, "latin1");
		const { [NAME]: _removed, ...env } = process.env;
		const result = spawnSync(
			process.execPath,
			[`--env-file=${file}`, "-e", `process.stdout.write(process.env.${NAME} ?? "(unset)")`],
			{ env, encoding: "utf8" },
		);
		return result.stdout;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

const setCases: {
	name: string;
	before: string;
	after: string;
	action: string;
	line: number;
}[] = [
	{
		name: "an empty file",
		before: "",
		after: `${NAME}=new\n`,
		action: "inserted",
		line: 1,
	},
	{
		name: "a file with a final newline",
		before: "A=1\n",
		after: `A=1\n${NAME}=new\n`,
		action: "inserted",
		line: 2,
	},
	{
		name: "no final newline",
		before: "A=1",
		after: `A=1\n${NAME}=new`,
		action: "inserted",
		line: 2,
	},
	{
		name: "CRLF",
		before: "A=1\r\n",
		after: `A=1\r\n${NAME}=new\r\n`,
		action: "inserted",
		line: 2,
	},
	{
		name: "CRLF, no final newline",
		before: "A=1\r\nB=2",
		after: `A=1\r\nB=2\r\n${NAME}=new`,
		action: "inserted",
		line: 3,
	},
	{
		name: "a BOM",
		before: "\uFEFFA=1\n",
		after: `\uFEFFA=1\n${NAME}=new\n`,
		action: "inserted",
		line: 2,
	},
	{
		name: "a commented-out one",
		before: `# ${NAME}=old\n`,
		after: `# ${NAME}=old\n${NAME}=new\n`,
		action: "inserted",
		line: 2,
	},
	{
		name: "replace in place",
		before: `A=1\n${NAME}=old\nB=2\n`,
		after: `A=1\n${NAME}=new\nB=2\n`,
		action: "replaced",
		line: 2,
	},
	{
		name: "replace keeps CRLF and no final newline",
		before: `A=1\r\n${NAME}=old`,
		after: `A=1\r\n${NAME}=new`,
		action: "replaced",
		line: 2,
	},
	{
		name: "replace an export with quotes and a comment",
		before: `export ${NAME} = "old" # mine\n`,
		after: `${NAME}=new\n`,
		action: "replaced",
		line: 1,
	},
	{
		name: "replace a multi-line quoted value",
		before: `${NAME}="old\nstill old"\nB=2\n`,
		after: `${NAME}=new\nB=2\n`,
		action: "replaced",
		line: 1,
	},
	{
		name: "delete later definitions",
		before: `${NAME}=a\nB=2\n${NAME}=b\nC=3\n${NAME}=c\n`,
		after: `${NAME}=new\nB=2\nC=3\n`,
		action: "replaced",
		line: 1,
	},
	{
		name: "delete a last one without a final newline",
		before: `${NAME}=a\nB=2\n${NAME}=b`,
		after: `${NAME}=new\nB=2`,
		action: "replaced",
		line: 1,
	},
	{
		name: "nothing to change",
		before: `A=1\n${NAME}=new\nB=2`,
		after: `A=1\n${NAME}=new\nB=2`,
		action: "unchanged",
		line: 2,
	},
];

describe("setDotenvVar", () => {
	it.each(setCases)("$name", ({ before, after, action, line }) => {
		expect(setDotenvVar(before, NAME, "new")).toEqual({
			text: after,
			action,
			line,
		});
	});

	it.each(setCases)("node --env-file reads the value: $name", ({ before }) => {
		expect(nodeReads(setDotenvVar(before, NAME, "new-value_1").text)).toBe("new-value_1");
	});

	it.each([
		["a space", "a b"],
		["a quote", 'a"b'],
		["a newline", "a\nb"],
		["nothing", ""],
	])("refuses a value with %s", (_what, value) => {
		expect(() => setDotenvVar("", NAME, value)).toThrow(/may only contain/);
	});
});

const parseCases: {
	name: string;
	text: string;
	expected: Record<string, string>;
}[] = [
	{
		name: "plain",
		text: "A=1\nB=two words\n",
		expected: { A: "1", B: "two words" },
	},
	{ name: "export prefix", text: "export A=1", expected: { A: "1" } },
	{ name: "spaces around =", text: "A = 1 \n", expected: { A: "1" } },
	{
		name: "quotes stripped",
		text: "A='1 # x'\nB=\"2\"\nC=`3`",
		expected: { A: "1 # x", B: "2", C: "3" },
	},
	{
		name: "\\n expands in double quotes only",
		text: "A=\"x\\ny\"\nB='x\\ny'",
		expected: { A: "x\ny", B: "x\\ny" },
	},
	{
		name: "a multi-line quoted value",
		text: 'A="x\r\ny"\r\nB=2',
		expected: { A: "x\ny", B: "2" },
	},
	{
		name: "inline comments",
		text: "A=1 # one\nB=2#two",
		expected: { A: "1", B: "2" },
	},
	{
		name: "comments and blank lines",
		text: "# A=1\n\n  # B=2\nC=3",
		expected: { C: "3" },
	},
	{
		name: "the last definition wins",
		text: "A=1\nA=2\n",
		expected: { A: "2" },
	},
	{ name: "an empty value", text: "A=\nB=2", expected: { A: "", B: "2" } },
	{ name: "CRLF", text: "A=1\r\nB=2\r\n", expected: { A: "1", B: "2" } },
	{ name: "a BOM", text: "\uFEFFA=1", expected: { A: "1" } },
];

describe("parseDotenv", () => {
	it.each(parseCases)("$name", ({ text, expected }) => {
		expect(Object.fromEntries(parseDotenv(text))).toEqual(expected);
	});
});

describe("removeDotenvVar", () => {
	it.each([
		["every definition", `${NAME}=a\nB=2\nexport ${NAME}=b\n`, "B=2\n", 2],
		["the last line without a final newline", `B=2\r\n${NAME}=a`, "B=2", 1],
		["nothing when absent", "B=2", "B=2", 0],
	])("removes %s", (_what, text, expected, count) => {
		expect(removeDotenvVar(text, NAME)).toEqual({
			text: expected,
			action: count === 0 ? "unchanged" : "removed",
			count,
		});
	});

	it("restores the original after setDotenvVar inserted", () => {
		for (const original of ["", "A=1", "A=1\r\n", "\uFEFF# x\nB=2"]) {
			expect(removeDotenvVar(setDotenvVar(original, NAME, "v").text, NAME).text).toBe(original);
		}
	});
});
