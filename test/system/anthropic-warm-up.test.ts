// What the wizard does with the API while a person pastes: the in-memory rehearsal (no network,
// no key), the preconnect (one HEAD without credentials), and giving up on requests at exit.

import net from "node:net";
import tls from "node:tls";
import type { ClientOptions } from "@anthropic-ai/sdk";
import * as sdkModule from "@anthropic-ai/sdk";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAnthropicApi } from "../../source/system/anthropic-api.js";
import { rehearse } from "../../source/system/anthropic-rehearsal.js";
import { type FakeAnthropic, scripted } from "../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../helpers/fake-api-per-file.js";

const KEY = `sk-ant-api03-${"w".repeat(89)}WarmAA`;
let fake: FakeAnthropic;

fakeApiPerFile([KEY], (started) => {
	fake = started;
});
afterEach(() => vi.restoreAllMocks());

/** Resolves once the fake has received `count` requests (checked as each arrives). */
function requestsArrived(count: number): Promise<void> {
	return vi.waitFor(() => expect(fake.requests.length).toBeGreaterThanOrEqual(count), { interval: 5 });
}

describe("the rehearsal", () => {
	it("runs both requests through the SDK, answered in memory: no fetch, no key", async () => {
		const fetchSpy = vi.spyOn(globalThis, "fetch");
		const made: ClientOptions[] = [];
		class Recording extends sdkModule.default {
			constructor(options: ClientOptions) {
				made.push(options);
				super(options);
			}
		}
		const sdk = { ...sdkModule, default: Recording } as typeof sdkModule;
		await expect(rehearse(sdk, { maxRetries: 0, timeout: 1000 })).resolves.toBeUndefined();
		expect(fetchSpy).not.toHaveBeenCalled();
		expect(made).toHaveLength(1);
		expect(made[0]).toMatchObject({
			apiKey: "rehearsal",
			baseURL: "http://rehearsal.invalid",
			maxRetries: 0,
		});
	});
});

describe("the rehearsal stays in memory", () => {
	it("opens no socket and needs no fetch: it runs with fetch and every connection broken", async () => {
		const connect = vi.spyOn(net.Socket.prototype, "connect");
		const secure = vi.spyOn(tls, "connect");
		vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("no network in the rehearsal"));
		await expect(rehearse(sdkModule, { maxRetries: 0, timeout: 1000 })).resolves.toBeUndefined();
		expect(connect).not.toHaveBeenCalled();
		expect(secure).not.toHaveBeenCalled();
	});

	it("whatever address the client options carry, the rehearsal's own is used", async () => {
		const fetchSpy = vi.spyOn(globalThis, "fetch");
		const options = { maxRetries: 0, timeout: 1000, baseURL: "https://api.anthropic.com.evil.test" };
		await expect(rehearse(sdkModule, options)).resolves.toBeUndefined();
		expect(fetchSpy).not.toHaveBeenCalled();
	});
});

describe("preconnect", () => {
	it("sends one HEAD of the API's root, without credentials, however often it is asked", async () => {
		const api = createAnthropicApi({ baseURL: fake.url });
		api.preconnect?.();
		api.preconnect?.();
		await requestsArrived(1);
		expect(await api.listModels(KEY)).toMatchObject({ ok: true });
		expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			"HEAD /",
			"GET /v1/models",
		]);
		expect(fake.requests[0]).toMatchObject({ authHeader: undefined, body: undefined });
	});

	it.each([
		["plain http to another host", { ANTHROPIC_BASE_URL: "http://api.anthropic.com.evil.test" }],
		["another host not yet allowed", { ANTHROPIC_BASE_URL: "https://api.anthropic.com.evil.test" }],
		["an unusable proxy", { HTTPS_PROXY: "socks5://127.0.0.1:1080" }],
	])("goes nowhere the key may not go: %s", async (_, env) => {
		const fetchSpy = vi.spyOn(globalThis, "fetch");
		const connect = vi.spyOn(net.Socket.prototype, "connect");
		const api = createAnthropicApi({ env });
		api.preconnect?.();
		expect(await api.listModels(KEY)).toMatchObject({ ok: false, failure: { kind: "refused" } });
		expect(fetchSpy).not.toHaveBeenCalled();
		expect(connect).not.toHaveBeenCalled();
	});

	it("is quiet when the API cannot be reached: the check says what is wrong", async () => {
		const api = createAnthropicApi({ baseURL: "http://127.0.0.1:9" });
		const rejections: unknown[] = [];
		const onRejection = (reason: unknown) => rejections.push(reason);
		process.on("unhandledRejection", onRejection);
		try {
			api.preconnect?.();
			const result = await api.listModels(KEY);
			expect(result).toMatchObject({ ok: false, failure: { kind: "connection" } });
		} finally {
			process.off("unhandledRejection", onRejection);
		}
		expect(rejections).toEqual([]);
	});
});

describe("close", () => {
	it("gives up on a request in flight at once, instead of waiting for the API", async () => {
		fake.setBehaviour(() => scripted.delay(20_000));
		const api = createAnthropicApi({ baseURL: fake.url });
		const started = performance.now();
		const pending = api.listModels(KEY);
		await requestsArrived(1);
		api.close?.();
		expect(await pending).toMatchObject({ ok: false });
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});
