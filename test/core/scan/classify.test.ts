import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyValue, maskOrEmpty } from "../../../source/core/scan/classify.js";
import type { SettingVariable } from "../../../source/core/scan/scan-types.js";
import { ADMIN, KEY, MASKED_KEY, OAUTH, SECRETS, TRUNCATED } from "./scan-fixtures.js";

const API = "ANTHROPIC_API_KEY";
const OAUTH_VAR = "CLAUDE_CODE_OAUTH_TOKEN";
const AUTH = "ANTHROPIC_AUTH_TOKEN";
const split = (text: string, at: number, by: string) => text.slice(0, at) + by + text.slice(at);

// [name, variable, value, kind, problems, masked]
const CASES: [string, SettingVariable, string, string, string[], string][] = [
	["a good API key", API, KEY, "api-key", [], MASKED_KEY],
	["an empty value", API, "", "empty", ["empty"], "(empty)"],
	["only spaces", API, "  ", "empty", ["empty", "whitespace"], "(empty)"],
	["spaces around", API, `  ${KEY} `, "api-key", ["whitespace"], MASKED_KEY],
	["a trailing CRLF", API, `${KEY}\r\n`, "api-key", ["whitespace"], MASKED_KEY],
	["a newline inside", API, split(KEY, 50, "\n"), "api-key", ["whitespace"], MASKED_KEY],
	["an OAuth token in the API key variable", API, OAUTH, "oauth-token", ["wrong-kind"], "sk-ant-oat01-…OaTk"],
	["an API key in the OAuth variable", OAUTH_VAR, KEY, "api-key", ["wrong-kind"], MASKED_KEY],
	["an OAuth token in its variable", OAUTH_VAR, OAUTH, "oauth-token", [], "sk-ant-oat01-…OaTk"],
	["an admin key", API, ADMIN, "admin-key", ["wrong-kind"], "sk-ant-admin01-…AdMn"],
	["an admin key as auth token", AUTH, ADMIN, "admin-key", ["wrong-kind"], "sk-ant-admin01-…AdMn"],
	["an API key as auth token (sent as Bearer)", AUTH, KEY, "api-key", [], MASKED_KEY],
	["a truncated key", API, TRUNCATED, "malformed", ["malformed"], "sk-ant-api03-…CuTt"],
	["a key still in quotes", API, `"${KEY}"`, "malformed", ["malformed"], MASKED_KEY],
	["a key with a space inside", API, split(KEY, 40, " "), "malformed", ["malformed"], MASKED_KEY],
	["an OpenAI key", API, `sk-proj-${"S3cretMain".repeat(4)}`, "malformed", ["malformed"], "sk-…Main"],
	["a base URL", "ANTHROPIC_BASE_URL", "https://gw.example/v1", "setting", [], "https://gw.example/v1"],
	[
		"a base URL with a password",
		"ANTHROPIC_BASE_URL",
		"https://me:S3cretMain@gw",
		"setting",
		[],
		"https://…@gw",
	],
	["a switch", "CLAUDE_CODE_USE_BEDROCK", "1", "setting", [], "1"],
	["a switch with a space", "CLAUDE_CODE_USE_VERTEX", "1 ", "setting", ["whitespace"], "1 "],
	["an empty switch", "CLAUDE_CODE_USE_FOUNDRY", "", "empty", ["empty"], "(empty)"],
];

describe("classifyValue", () => {
	it.each(CASES)("%s", (_, variable, value, kind, problems, masked) => {
		const result = classifyValue(variable, value);
		expect(result).toEqual({ kind, problems, masked });
		for (const secret of SECRETS) expect(result.masked).not.toContain(secret);
	});

	it("never shows more of a credential than a prefix and the last 4 characters", () => {
		const variables: SettingVariable[] = [API, OAUTH_VAR, AUTH];
		const body = fc.string({ unit: fc.constantFrom(..."abcXYZ019_-"), minLength: 20, maxLength: 120 });
		const prefix = fc.constantFrom("", "sk-ant-api03-", "sk-ant-oat01-", "sk-ant-admin01-", "sk-");
		fc.assert(
			fc.property(fc.constantFrom(...variables), prefix, body, (variable, start, middle) => {
				const { masked } = classifyValue(variable, `${start}${middle}`);
				const [head = "", tail = ""] = masked.split("…");
				expect(head.length).toBeLessThanOrEqual(Math.max(start.length, 3));
				expect(tail.length).toBeLessThanOrEqual(4);
			}),
		);
	});
});

describe("maskOrEmpty: never a bare ellipsis", () => {
	it.each([
		["hunter2", "… (7 characters, too short for a key)"],
		["x", "… (1 character, too short for a key)"],
		["   ", "(empty)"],
	])("%j → %s", (value, shown) => {
		expect(maskOrEmpty(value)).toBe(shown);
	});
});
