// claude-setup's client is the SDK's BaseAnthropic with only Messages and Models: on the wire it
// must be the package's own Anthropic client, request for request, header for header.
import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import AnthropicClient from "../../source/system/anthropic-client.js";
import type { RecordedRequest } from "../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../helpers/fake-api-per-file.js";

const KEY = `sk-ant-api03-${"c".repeat(89)}TestAA`;
let requests: RecordedRequest[] = [];
let url = "";
fakeApiPerFile([KEY], (started) => {
	requests = started.requests;
	url = started.url;
});

type Make = (options: { apiKey: string; baseURL: string; authToken: null; maxRetries: number }) => {
	readonly models: Anthropic["models"];
	readonly messages: Anthropic["messages"];
};

/** Both calls the wizard makes; what reached the API, with the headers that differ per run left out. */
async function sent(make: Make): Promise<unknown[]> {
	requests.length = 0;
	const client = make({ apiKey: KEY, baseURL: url, authToken: null, maxRetries: 0 });
	const page = await client.models.list({ limit: 1000 });
	await client.messages.create({
		model: page.data[0]?.id ?? "none",
		max_tokens: 16,
		messages: [{ role: "user", content: "hi" }],
	});
	return requests.map(({ headers, ...rest }) => {
		const { "x-stainless-retry-count": _retry, "x-stainless-timeout": _timeout, ...kept } = headers;
		return { ...rest, headers: kept, requestId: undefined };
	});
}

describe("AnthropicClient", () => {
	it("sends what the SDK's Anthropic sends: paths, headers (Bearer, anthropic-version), bodies", async () => {
		const ours = await sent((options) => new AnthropicClient(options));
		const theirs = await sent((options) => new Anthropic(options));
		expect(ours).toHaveLength(2);
		expect(ours).toEqual(theirs);
		expect(ours.map((request) => (request as RecordedRequest).path)).toEqual(["/v1/models", "/v1/messages"]);
		expect((ours[0] as RecordedRequest).headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect((ours[0] as RecordedRequest).authHeader).toBe("authorization");
	});
});
