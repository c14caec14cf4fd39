// The real SDK, through createAnthropicApi, against the fake API on loopback.
import { createServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAnthropicApi, TEST_PROMPT } from "../../source/system/anthropic-api.js";
import {
	type FakeAnthropic,
	REDACTED_BEARER,
	scripted,
	startFakeAnthropic,
} from "../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../helpers/fake-api-per-file.js";

const KEY = `sk-ant-api03-${"k".repeat(89)}TestAA`;
let fake: FakeAnthropic;

fakeApiPerFile([KEY], (started) => {
	fake = started;
});
afterEach(() => {
	vi.unstubAllEnvs();
	vi.restoreAllMocks();
});

function lastRequestId(): string | undefined {
	return fake.requests.at(-1)?.requestId;
}

describe("success", () => {
	it("lists models with one request and captures the request-id", async () => {
		const result = await createAnthropicApi({ baseURL: fake.url }).listModels(KEY);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toContainEqual({
			id: "claude-haiku-5-5",
			displayName: "Claude Haiku 5.5",
			createdAt: "2026-10-07T00:00:00Z",
		});
		expect(result.requestId).toMatch(/^req_/);
		expect(result.requestId).toBe(lastRequestId());
		expect(result.ms).toBeGreaterThan(0);
		const [request] = fake.requests;
		expect(request).toMatchObject({
			method: "GET",
			path: "/v1/models",
			query: { limit: "1000" },
		});
		expect(request?.headers.authorization).toBe(REDACTED_BEARER);
		expect(request?.headers["x-api-key"]).toBeUndefined();
		expect(request?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(request?.headers["x-stainless-retry-count"]).toBe("0");
	});

	it("pages through every model (limit=1000)", async () => {
		const many = Array.from({ length: 1203 }, (_, index) => ({
			id: `claude-test-${index}`,
			display_name: `Test ${index}`,
			created_at: "2026-01-01T00:00:00Z",
		}));
		const big = await startFakeAnthropic({ validKeys: [KEY], models: many });
		try {
			const result = await createAnthropicApi({ baseURL: big.url }).listModels(KEY);
			expect(result.ok && result.value.map((model) => model.id)).toEqual(many.map((m) => m.id));
			expect(big.requests.map((request) => request.query)).toEqual([
				{ limit: "1000" },
				{ limit: "1000", after_id: "claude-test-999" },
			]);
		} finally {
			await big.close();
		}
	});

	it("sends a tiny message and returns the reply text", async () => {
		const api = createAnthropicApi({ env: { ANTHROPIC_BASE_URL: fake.url } });
		const result = await api.sendTestMessage(KEY, "claude-haiku-5-5");
		expect(result).toMatchObject({
			ok: true,
			value: { model: "claude-haiku-5-5", text: "Hello! Nice to meet you." },
			requestId: lastRequestId(),
		});
		const [request] = fake.requests;
		expect(request).toMatchObject({ method: "POST", path: "/v1/messages" });
		expect(request?.body).toEqual({
			model: "claude-haiku-5-5",
			max_tokens: 32,
			messages: [{ role: "user", content: TEST_PROMPT }],
		});
		expect(request?.headers.authorization).toBe(REDACTED_BEARER);
		expect(request?.headers["anthropic-version"]).toBeDefined();
	});

	it("uses only the given key, whatever ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN say", async () => {
		vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-api03-from-the-environment");
		vi.stubEnv("ANTHROPIC_AUTH_TOKEN", "token-from-the-environment");
		vi.stubEnv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9");
		const result = await createAnthropicApi({ baseURL: fake.url }).listModels(KEY);
		expect(result.ok).toBe(true);
		expect(fake.requests).toHaveLength(1);
	});
});

describe("no answer", () => {
	it("a refused port is a connection failure with ECONNREFUSED", async () => {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		const { port } = server.address() as { port: number };
		await new Promise<void>((resolve) => server.close(() => resolve()));
		const result = await createAnthropicApi({
			baseURL: `http://127.0.0.1:${port}`,
		}).listModels(KEY);
		expect(!result.ok && result.failure).toMatchObject({
			kind: "connection",
			code: "ECONNREFUSED",
		});
	});

	it("an answer slower than timeoutMs is a timeout", async () => {
		fake.setBehaviour(() => scripted.delay(5_000));
		const api = createAnthropicApi({ baseURL: fake.url, timeoutMs: 100 });
		const result = await api.sendTestMessage(KEY, "claude-haiku-5-5");
		expect(!result.ok && result.failure).toEqual({ kind: "timeout" });
	});

	it("a delay shorter than the timeout still answers", async () => {
		fake.setBehaviour(() => scripted.delay(20));
		const result = await createAnthropicApi({
			baseURL: fake.url,
			timeoutMs: 5_000,
		}).listModels(KEY);
		expect(result.ok).toBe(true);
	});

	it("a socket closed without an answer is a connection failure", async () => {
		fake.setBehaviour(() => scripted.hangUp());
		const result = await createAnthropicApi({ baseURL: fake.url }).listModels(KEY);
		expect(!result.ok && result.failure).toMatchObject({
			kind: "connection",
			code: "UND_ERR_SOCKET",
		});
		expect(fake.requests).toHaveLength(1);
	});
});

describe("logging", () => {
	it("ANTHROPIC_LOG=debug prints nothing, and never the key", async () => {
		vi.stubEnv("ANTHROPIC_LOG", "debug");
		const writes: string[] = [];
		const capture = (chunk: unknown) => {
			writes.push(String(chunk));
			return true;
		};
		vi.spyOn(process.stderr, "write").mockImplementation(capture);
		vi.spyOn(process.stdout, "write").mockImplementation(capture);
		const consoleSpies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
			vi.spyOn(console, method).mockImplementation(() => {}),
		);
		const api = createAnthropicApi({ baseURL: fake.url });
		await api.listModels(KEY);
		await api.sendTestMessage(KEY, "claude-haiku-5-5");
		fake.setBehaviour(() => scripted.serverError());
		await api.listModels(KEY);
		vi.restoreAllMocks();
		expect(writes.filter((text) => text.includes(KEY.slice(13)))).toEqual([]);
		for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
	});
});
