// Every scripted HTTP failure, through the real SDK, becomes the right ApiFailure.
import { describe, expect, it } from "vitest";
import type { ApiFailure } from "../../source/core/system.js";
import { createAnthropicApi } from "../../source/system/anthropic-api.js";
import { type FakeAnthropic, type ScriptedReply, scripted } from "../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../helpers/fake-api-per-file.js";

const KEY = `sk-ant-api03-${"f".repeat(89)}TestAA`;
let fake: FakeAnthropic;

fakeApiPerFile([KEY], (started) => {
	fake = started;
});

function lastRequestId(): string | undefined {
	return fake.requests.at(-1)?.requestId;
}

type Call = "list" | "message";
const failures: [string, ScriptedReply, Call, Omit<ApiFailure & { kind: "http" }, "requestId">][] = [
	[
		"400 credit balance",
		scripted.creditBalance(),
		"message",
		{
			kind: "http",
			status: 400,
			type: "invalid_request_error",
			message: expect.stringContaining("credit balance is too low"),
		},
	],
	[
		"402 billing",
		scripted.billing(),
		"message",
		{
			kind: "http",
			status: 402,
			type: "billing_error",
			message: expect.any(String),
		},
	],
	[
		"403 permission",
		scripted.permission(),
		"list",
		{
			kind: "http",
			status: 403,
			type: "permission_error",
			message: "Permission denied",
		},
	],
	[
		"404 not found",
		scripted.notFound(),
		"list",
		{
			kind: "http",
			status: 404,
			type: "not_found_error",
			message: "Not found",
		},
	],
	[
		"429 rate limit",
		scripted.rateLimit(17),
		"list",
		{
			kind: "http",
			status: 429,
			type: "rate_limit_error",
			message: expect.stringContaining("rate limit"),
			retryAfterSeconds: 17,
		},
	],
	[
		"429 spend limit",
		scripted.spendLimit(),
		"message",
		{
			kind: "http",
			status: 429,
			type: "rate_limit_error",
			message: expect.stringContaining("usage limits"),
			errorCode: "enforced_spend_limit_reached",
		},
	],
	[
		"500 api error",
		scripted.serverError(),
		"list",
		{
			kind: "http",
			status: 500,
			type: "api_error",
			message: "Internal server error",
		},
	],
	[
		"529 overloaded",
		scripted.overloaded(),
		"message",
		{
			kind: "http",
			status: 529,
			type: "overloaded_error",
			message: "Overloaded",
		},
	],
];

describe("scripted failures become ApiFailure data (no retries)", () => {
	it.each(failures)("%s", async (_name, reply, call, expected) => {
		fake.setBehaviour(() => reply);
		const api = createAnthropicApi({ baseURL: fake.url });
		const result =
			call === "list" ? await api.listModels(KEY) : await api.sendTestMessage(KEY, "claude-haiku-5-5");
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure).toEqual({ ...expected, requestId: lastRequestId() });
		expect(lastRequestId()).toMatch(/^req_/);
		expect(fake.requests).toHaveLength(1);
	});

	it.each([
		["an unknown key", "sk-ant-api03-not-a-known-key-at-all", "Invalid bearer token"],
		[
			"a Claude Code token",
			"sk-ant-oat01-some-oauth-token-value",
			"OAuth authentication is currently not supported.",
		],
	])("401 for %s", async (_name, key, message) => {
		const result = await createAnthropicApi({ baseURL: fake.url }).listModels(key);
		expect(!result.ok && result.failure).toEqual({
			kind: "http",
			status: 401,
			type: "authentication_error",
			message,
			requestId: lastRequestId(),
		});
	});

	it("404 names an unknown model", async () => {
		const result = await createAnthropicApi({
			baseURL: fake.url,
		}).sendTestMessage(KEY, "claude-nope-9");
		expect(!result.ok && result.failure).toMatchObject({
			status: 404,
			message: "model: claude-nope-9",
		});
	});

	it("keeps a base URL ending in /v1 as given (so the 404 advice can explain it)", async () => {
		const result = await createAnthropicApi({
			baseURL: `${fake.url}/v1`,
		}).listModels(KEY);
		expect(!result.ok && result.failure).toMatchObject({
			kind: "http",
			status: 404,
		});
		expect(fake.requests[0]?.path).toBe("/v1/v1/models");
	});
});
