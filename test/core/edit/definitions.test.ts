import { describe, expect, it } from "vitest";
import { BLOCK_END, BLOCK_START } from "../../../source/core/edit/block-edit.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { dotenvCases, fishCases, posixCases } from "./definitions.cases.js";

const NAME = "ANTHROPIC_API_KEY";

describe.each([
	["posix", posixCases],
	["fish", fishCases],
	["dotenv", dotenvCases],
] as const)("findDefinitions (%s)", (syntax, cases) => {
	it.each(Object.entries(cases))("%s", (_name, { text, found }) => {
		const definitions = findDefinitions(text, syntax, NAME);
		expect(definitions.map(({ value, syntax }) => ({ value, syntax }))).toEqual(found);
	});
});

describe("findDefinitions: line numbers and our block", () => {
	it.each([
		["posix", "export ANTHROPIC_API_KEY='ours'"],
		["fish", "set -gx ANTHROPIC_API_KEY 'ours'"],
		["dotenv", "ANTHROPIC_API_KEY=ours"],
	] as const)("marks definitions between the markers (%s)", (syntax, ours) => {
		const theirs = syntax === "fish" ? "set -x ANTHROPIC_API_KEY before" : "ANTHROPIC_API_KEY=before";
		const after = syntax === "fish" ? "set -x ANTHROPIC_API_KEY after" : "ANTHROPIC_API_KEY=after";
		const text = [theirs, "", BLOCK_START, "# note", ours, BLOCK_END, after, ""].join("\r\n");
		expect(findDefinitions(text, syntax, NAME)).toEqual([
			{
				line: 1,
				value: "before",
				syntax: expect.any(String),
				insideOurBlock: false,
			},
			{
				line: 5,
				value: "ours",
				syntax: expect.any(String),
				insideOurBlock: true,
			},
			{
				line: 7,
				value: "after",
				syntax: expect.any(String),
				insideOurBlock: false,
			},
		]);
	});

	it("gives a multi-line quoted .env value the line its name is on", () => {
		const text = 'A=1\nANTHROPIC_API_KEY="one\ntwo"\nB=2\n';
		expect(findDefinitions(text, "dotenv", NAME)).toEqual([
			{ line: 2, value: "one\ntwo", syntax: "dotenv", insideOurBlock: false },
		]);
	});

	it("rejects a name that is not a variable name", () => {
		expect(() => findDefinitions("", "posix", "A.*")).toThrow(/Not a variable name/);
	});
});
