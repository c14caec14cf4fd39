// The fake API itself, driven with plain fetch: both auth headers, the real error bodies,
// validation, paging, unique request ids, redacted recordings and scripted replies.
import { describe, expect, it } from "vitest";
import {
	CREDIT_BALANCE_MESSAGE,
	type FakeAnthropic,
	OAUTH_BETA,
	REDACTED_API_KEY,
	REDACTED_BEARER,
	scripted,
	startFakeAnthropic,
} from "../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../helpers/fake-api-per-file.js";

const KEY = `sk-ant-api03-${"z".repeat(89)}TestAA`;
const OTHER_KEY = `sk-ant-api03-${"o".repeat(89)}TestAA`;
const VERSION = { "anthropic-version": "2026-10-21" };
let fake: FakeAnthropic;
fakeApiPerFile([KEY, OTHER_KEY], (running) => {
	fake = running;
});

async function call(path: string, headers: Record<string, string>, body?: string) {
	const response = await fetch(`${fake.url}${path}`, {
		method: body === undefined ? "GET" : "POST",
		headers: { ...VERSION, "content-type": "application/json", ...headers },
		...(body === undefined ? {} : { body }),
	});
	return {
		status: response.status,
		requestId: response.headers.get("request-id"),
		retryAfter: response.headers.get("retry-after"),
		json: (await response.json()) as Record<string, unknown>,
	};
}

const error = (type: string, message: string) => ({
	type: "error",
	error: { type, message },
	request_id: expect.stringMatching(/^req_011\w{21}$/),
});

describe("authentication", () => {
	it("accepts x-api-key as well as Bearer, and records which header carried it", async () => {
		const viaApiKey = await call("/v1/models?limit=2", { "x-api-key": KEY });
		const viaBearer = await call("/v1/models?limit=2", {
			authorization: `Bearer ${KEY}`,
		});
		expect(viaApiKey.status).toBe(200);
		expect(viaBearer.json).toEqual(viaApiKey.json);
		expect(fake.requests.map((request) => request.authHeader)).toEqual(["x-api-key", "authorization"]);
		expect(fake.requests[0]?.headers["x-api-key"]).toBe(REDACTED_API_KEY);
		expect(fake.requests[1]?.headers.authorization).toBe(REDACTED_BEARER);
		expect(JSON.stringify(fake.requests)).not.toContain(KEY);
	});

	it.each([
		["an unknown x-api-key", { "x-api-key": "sk-ant-api03-unknown" }, "invalid x-api-key"],
		["an unknown bearer token", { authorization: "Bearer sk-ant-api03-unknown" }, "Invalid bearer token"],
		["no credential", {}, "x-api-key header is required"],
		[
			"an OAuth token",
			{ authorization: "Bearer sk-ant-oat01-abc" },
			"OAuth authentication is currently not supported.",
		],
	])("401 for %s", async (_name, headers, message) => {
		const reply = await call("/v1/models", headers);
		expect(reply.status).toBe(401);
		expect(reply.json).toEqual(error("authentication_error", message));
		expect(reply.json.request_id).toBe(reply.requestId);
	});

	it("accepts a known OAuth token as Bearer with Claude Code's OAuth beta, and names whose key each header carried", async () => {
		const oauth = `sk-ant-oat01-${"k".repeat(80)}`;
		const named = await startFakeAnthropic({
			validKeys: [KEY, oauth],
			keyNames: { [KEY]: "the key", [oauth]: "the token" },
		});
		try {
			const get = (headers: Record<string, string>) =>
				fetch(`${named.url}/v1/models`, { headers: { ...VERSION, ...headers } });
			const beta = { "anthropic-beta": `claude-code-20250219,${OAUTH_BETA}` };
			expect((await get({ authorization: `Bearer ${oauth}`, ...beta })).status).toBe(200);
			const unknown = await get({ authorization: `Bearer sk-ant-oat01-${"u".repeat(80)}`, ...beta });
			expect(unknown.status).toBe(401);
			expect(await unknown.json()).toEqual(
				error(
					"authentication_error",
					"Invalid OAuth token. The provided token was not found or is malformed.",
				),
			);
			expect((await get({ "x-api-key": KEY, authorization: `Bearer ${oauth}` })).status).toBe(200);
			expect(named.requests.map((request) => request.credentials)).toEqual([
				{ authorization: "the token" },
				{ authorization: "unknown" },
				{ "x-api-key": "the key", authorization: "the token" },
			]);
			expect(JSON.stringify(named.requests)).not.toContain(oauth);
		} finally {
			await named.close();
		}
	});

	it("400 without anthropic-version", async () => {
		const response = await fetch(`${fake.url}/v1/models`, {
			headers: { "x-api-key": KEY },
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual(
			error("invalid_request_error", "anthropic-version: header is required"),
		);
	});
});

describe("GET /v1/models", () => {
	it("pages with limit, after_id and before_id", async () => {
		const auth = { "x-api-key": KEY };
		const first = await call("/v1/models?limit=2", auth);
		expect(first.json).toMatchObject({
			has_more: true,
			first_id: "claude-opus-5-5",
			last_id: "claude-sonnet-5-5",
		});
		expect((first.json.data as unknown[])[0]).toMatchObject({
			type: "model",
			id: "claude-opus-5-5",
			created_at: expect.any(String),
		});
		const rest = await call("/v1/models?limit=1000&after_id=claude-sonnet-5-5", auth);
		expect(rest.json).toMatchObject({
			has_more: false,
			first_id: "claude-haiku-5-5",
			last_id: "claude-haiku-4-5",
		});
		const before = await call("/v1/models?limit=1&before_id=claude-haiku-5-5", auth);
		expect(before.json).toMatchObject({
			has_more: true,
			first_id: "claude-sonnet-5-5",
		});
		expect((await call("/v1/models?limit=0", auth)).status).toBe(400);
	});

	it("gives every response its own request-id", async () => {
		const replies = await Promise.all([1, 2, 3].map(() => call("/v1/models", { "x-api-key": KEY })));
		expect(new Set(replies.map((reply) => reply.requestId)).size).toBe(3);
	});
});

describe("POST /v1/messages", () => {
	const auth = { authorization: `Bearer ${KEY}` };
	const valid = {
		model: "claude-haiku-5-5",
		max_tokens: 16,
		messages: [{ role: "user", content: "Hi" }],
	};

	it("answers with a message", async () => {
		const reply = await call("/v1/messages", auth, JSON.stringify(valid));
		expect(reply.json).toMatchObject({
			type: "message",
			role: "assistant",
			model: "claude-haiku-5-5",
			content: [{ type: "text", text: expect.stringMatching(/^Hello! /) }],
			id: expect.stringMatching(/^msg_01/),
		});
		expect(fake.requests[0]?.body).toEqual(valid);
	});

	it.each([
		["no model", { ...valid, model: undefined }, 400, "model: Field required"],
		["no max_tokens", { ...valid, max_tokens: undefined }, 400, "max_tokens: Field required"],
		["no messages", { ...valid, messages: undefined }, 400, "messages: Field required"],
		["an unknown model", { ...valid, model: "claude-nope" }, 404, "model: claude-nope"],
	])("rejects %s", async (_name, body, status, message) => {
		const reply = await call("/v1/messages", auth, JSON.stringify(body));
		expect(reply.status).toBe(status);
		expect((reply.json.error as { message: string }).message).toBe(message);
	});

	it('streams with "stream": true: the real event sequence, the same message when put together', async () => {
		const response = await fetch(`${fake.url}/v1/messages`, {
			method: "POST",
			headers: { ...VERSION, ...auth, "content-type": "application/json" },
			body: JSON.stringify({ ...valid, stream: true }),
		});
		expect(response.status).toBe(200);
		expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
		expect(response.headers.get("request-id")).toMatch(/^req_011/);
		const blocks = (await response.text()).trim().split("\n\n");
		const events = blocks.map((block) => {
			const [name, data] = block.split("\n");
			const parsed = JSON.parse((data ?? "").replace(/^data: /, "")) as Record<string, unknown>;
			expect(name).toBe(`event: ${parsed.type}`);
			return parsed;
		});
		expect(events.map((event) => event.type)).toEqual([
			"message_start",
			"content_block_start",
			"ping",
			"content_block_delta",
			"content_block_stop",
			"message_delta",
			"message_stop",
		]);
		expect(events[0]).toMatchObject({
			message: { type: "message", role: "assistant", content: [], stop_reason: null },
		});
		expect(events[3]).toMatchObject({
			index: 0,
			delta: { type: "text_delta", text: "Hello! Nice to meet you." },
		});
		expect(events[5]).toMatchObject({ delta: { stop_reason: "end_turn" }, usage: { output_tokens: 8 } });
	});

	it("streams to the SDK too: it puts the message together", async () => {
		const { default: Anthropic } = await import("@anthropic-ai/sdk");
		const client = new Anthropic({ apiKey: KEY, baseURL: fake.url, maxRetries: 0 });
		const stream = client.messages.stream({
			model: "claude-haiku-5-5",
			max_tokens: 16,
			messages: [{ role: "user", content: "Hi" }],
		});
		const message = await stream.finalMessage();
		expect(message.content).toEqual([{ type: "text", text: "Hello! Nice to meet you.", citations: null }]);
		expect(message.usage.output_tokens).toBe(8);
	});

	it("rejects a body that is not JSON", async () => {
		expect((await call("/v1/messages", auth, "{nope")).status).toBe(400);
	});
});

describe("scripting", () => {
	it("scripts one key and leaves the others alone", async () => {
		fake.setBehaviour((_request, key) => (key === OTHER_KEY ? scripted.creditBalance() : undefined));
		const scriptedReply = await call("/v1/models", { "x-api-key": OTHER_KEY });
		expect(scriptedReply.json).toEqual(error("invalid_request_error", CREDIT_BALANCE_MESSAGE));
		expect((await call("/v1/models", { "x-api-key": KEY })).status).toBe(200);
	});

	it("sends retry-after on a rate limit but not on a spend limit", async () => {
		fake.setBehaviour(() => scripted.rateLimit(7));
		expect((await call("/v1/models", { "x-api-key": KEY })).retryAfter).toBe("7");
		fake.setBehaviour(() => scripted.spendLimit());
		const spend = await call("/v1/models", { "x-api-key": KEY });
		expect(spend.retryAfter).toBeNull();
		expect(spend.json.error).toMatchObject({
			details: { error_code: "enforced_spend_limit_reached" },
		});
	});

	it("delays, then answers normally", async () => {
		fake.setBehaviour(() => scripted.delay(30));
		const started = performance.now();
		expect((await call("/v1/models", { "x-api-key": KEY })).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(25);
	});

	it("hangs up without answering", async () => {
		fake.setBehaviour(() => scripted.hangUp());
		await expect(call("/v1/models", { "x-api-key": KEY })).rejects.toThrow("fetch failed");
		expect(fake.requests[0]?.requestId).toBeUndefined();
	});
});
