import { describe, expect, it } from "vitest";
import { jsonErrors, setJsonValue } from "../../../source/core/edit/json-edit.js";

function edited(text: string, path: (string | number)[], value: unknown): string {
	const result = setJsonValue(text, path, value);
	if (!result.ok) throw new Error(result.reason);
	return result.text;
}

describe("setJsonValue", () => {
	it.each([
		{
			name: "replaces a value in place, keeping comments, order and spacing",
			text: '{\n  // mine\n  "model": "x",\n  "env": { "A": "1", "ANTHROPIC_API_KEY": "old" }\n}\n',
			path: ["env", "ANTHROPIC_API_KEY"],
			value: "new",
			want: '{\n  // mine\n  "model": "x",\n  "env": { "A": "1", "ANTHROPIC_API_KEY": "new" }\n}\n',
		},
		{
			name: "deletes a member and keeps the rest",
			text: '{\n\t"env": {\n\t\t"A": "1",\n\t\t"ANTHROPIC_API_KEY": "old"\n\t}\n}',
			path: ["env", "ANTHROPIC_API_KEY"],
			value: undefined,
			want: '{\n\t"env": {\n\t\t"A": "1"\n\t}\n}',
		},
		{
			name: "creates a missing object in an empty file",
			text: "",
			path: ["apiKeyHelper"],
			value: "cmd",
			want: '{\n  "apiKeyHelper": "cmd"\n}\n',
		},
		{
			name: "keeps a BOM and CRLF",
			text: '\uFEFF{\r\n    "a": 1\r\n}\r\n',
			path: ["b"],
			value: 2,
			want: '\uFEFF{\r\n    "a": 1,\r\n    "b": 2\r\n}\r\n',
		},
	])("$name", ({ text, path, value, want }) => {
		expect(edited(text, path, value)).toBe(want);
	});

	it.each([
		["not JSON", "{ nope", "it is not valid JSON"],
		["an array", "[1]", "it does not hold a JSON object"],
	])("refuses %s", (_name, text, reason) => {
		expect(setJsonValue(text, ["a"], 1)).toEqual({ ok: false, reason });
	});

	it("accepts comments and trailing commas as Claude Code does", () => {
		expect(jsonErrors('{ /* c */ "a": 1, }')).toEqual([]);
	});
});
