// Redirects never carry the key to another origin: a fake API on loopback answers every request
// with a redirect to a second fake API (another port, so another origin); the second must never
// see the key, nor any request at all. And no request leaves for an origin not decided on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adviseApiFailure } from "../../source/core/advice/advice.js";
import { decideDestination } from "../../source/core/destination/destination.js";
import { createAnthropicApi } from "../../source/system/anthropic-api.js";
import { routeTo } from "../../source/system/api-route.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";

const KEY = `sk-ant-api03-${"r".repeat(89)}RedrAA`;
let first: FakeAnthropic;
let second: FakeAnthropic;

beforeAll(async () => {
	[first, second] = await Promise.all([
		startFakeAnthropic({ validKeys: [KEY] }),
		startFakeAnthropic({ validKeys: [KEY] }),
	]);
});
afterAll(() => Promise.all([first.close(), second.close()]));
beforeEach(() => {
	first.setBehaviour(undefined);
	first.requests.length = 0;
	second.requests.length = 0;
});

function redirectEverything(status: number, to: string): void {
	first.setBehaviour((request) => ({
		kind: "json",
		status,
		body: {},
		headers: { location: `${to}${request.path}` },
	}));
}

const STATUSES = [301, 302, 303, 307, 308];

describe.each(STATUSES)("a %i to a second loopback origin", (status) => {
	it.each([
		["the key check (GET /v1/models)", "listModels"],
		["the live test (POST /v1/messages)", "sendTestMessage"],
	] as const)("%s: not followed; the second origin sees nothing", async (_, call) => {
		redirectEverything(status, second.url);
		const api = createAnthropicApi({ env: { ANTHROPIC_BASE_URL: first.url } });
		const result =
			call === "listModels" ? await api.listModels(KEY) : await api.sendTestMessage(KEY, "claude-haiku-5-5");
		expect(first.requests).toHaveLength(1);
		expect(second.requests).toEqual([]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const path = call === "listModels" ? "/v1/models" : "/v1/messages";
		expect(result.failure).toMatchObject({ kind: "http", status, location: `${second.url}${path}` });
		const advice = adviseApiFailure(result.failure, { step: "check", baseURL: first.url });
		expect(advice.title).toBe(`The API address answered with a redirect (${status})`);
		expect(advice.why).toContain(`It pointed to ${second.url}${path}`);
		expect(advice.why).toContain("the key did not go there");
		expect(advice.outcome).toBe("request");
	});
});

it("the preconnect (HEAD, no key) is not followed either", async () => {
	redirectEverything(307, second.url);
	const api = createAnthropicApi({ env: { ANTHROPIC_BASE_URL: first.url } });
	api.preconnect?.();
	await expect.poll(() => first.requests.length, { interval: 5 }).toBe(1);
	expect(first.requests[0]).toMatchObject({ method: "HEAD", authHeader: undefined });
	// The redirect's answer was read; a request to the second would have arrived by now.
	expect(await api.listModels(KEY)).toMatchObject({ ok: false, failure: { status: 307 } });
	expect(second.requests).toEqual([]);
});

it("a redirect to the same origin is not followed either (the answer is not the API's)", async () => {
	redirectEverything(308, first.url);
	const result = await createAnthropicApi({ env: { ANTHROPIC_BASE_URL: first.url } }).listModels(KEY);
	expect(result).toMatchObject({ ok: false, failure: { kind: "http", status: 308 } });
	expect(first.requests).toHaveLength(1);
});

describe("the route's fetch", () => {
	it("refuses a URL of another origin before anything leaves", async () => {
		const decision = decideDestination({ ANTHROPIC_BASE_URL: first.url });
		if (decision.verdict !== "send") throw new Error("loopback is sent to");
		const send = await routeTo(decision.destination);
		for (const elsewhere of [`${second.url}/v1/models`, "https://api.anthropic.com/v1/models"]) {
			await expect(send(elsewhere)).rejects.toMatchObject({ code: "ERR_DESTINATION_REFUSED" });
		}
		expect(second.requests).toEqual([]);
		const same = await send(`${first.url}/v1/models`);
		expect(same.status).toBe(401); // no key given: the fake says so
		expect(first.requests).toHaveLength(1);
	});
});
