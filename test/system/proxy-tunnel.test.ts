// HTTPS_PROXY honoured as curl does, through a CONNECT proxy on loopback: the request reaches the
// fake API behind a TLS front that plays the real host, the proxy relays only ciphertext (never
// the key), NO_PROXY goes around it, a proxy that wants credentials gets them, and a destination
// on this machine never goes through a proxy.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adviseApiFailure } from "../../source/core/advice/advice.js";
import type { Env } from "../../source/core/system.js";
import { createAnthropicApi } from "../../source/system/anthropic-api.js";
import { type FakeAnthropic, REDACTED_BEARER, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import {
	type LoopbackProxy,
	startLoopbackProxy,
	startTlsFront,
	TEST_CA,
	type TlsFront,
} from "../helpers/loopback-proxy.js";

const KEY = `sk-ant-api03-${"p".repeat(89)}PrxyAA`;
const PLAYED = ["api.anthropic.com:443", "gw.example.test:443"];
let fake: FakeAnthropic;
let front: TlsFront;
let proxy: LoopbackProxy;
let guarded: LoopbackProxy;
let secure: LoopbackProxy;
const route = (authority: string) => (PLAYED.includes(authority) ? front.port : undefined);

beforeAll(async () => {
	fake = await startFakeAnthropic({ validKeys: [KEY] });
	front = await startTlsFront(Number(new URL(fake.url).port));
	proxy = await startLoopbackProxy({ route });
	guarded = await startLoopbackProxy({ route, credentials: "ada:s3cr%t" });
	secure = await startLoopbackProxy({ route, secure: true });
});
afterAll(() => Promise.all([fake, front, proxy, guarded, secure].map((server) => server.close())));
beforeEach(() => {
	fake.requests.length = 0;
	front.servernames.length = 0;
	for (const each of [proxy, guarded, secure]) {
		each.tunnels.length = 0;
		each.forwarded.length = 0;
	}
});

const api = (env: Env, allowBaseURL?: string) => createAnthropicApi({ env, ca: TEST_CA, allowBaseURL });
const secretPart = KEY.slice(13, 60);

describe("through a CONNECT proxy", () => {
	it.each([
		["HTTPS_PROXY", { HTTPS_PROXY: "" }],
		["https_proxy (wins over HTTPS_PROXY)", { https_proxy: "", HTTPS_PROXY: "http://127.0.0.1:9" }],
		["ALL_PROXY (when no https proxy is set)", { ALL_PROXY: "" }],
		["a proxy written without a scheme", { HTTPS_PROXY: "-" }],
	] as const)("to Anthropic's API, named by %s", async (_, shape) => {
		const env = Object.fromEntries(
			Object.entries(shape).map(([name, value]) => [
				name,
				value === "" ? proxy.url : value === "-" ? proxy.url.replace("http://", "") : value,
			]),
		);
		const result = await api(env).listModels(KEY);
		expect(result).toMatchObject({ ok: true });
		expect(proxy.tunnels.map((tunnel) => tunnel.authority)).toEqual(["api.anthropic.com:443"]);
		expect(front.servernames).toEqual(["api.anthropic.com"]);
		expect(fake.requests[0]?.headers.authorization).toBe(REDACTED_BEARER);
		// The key went inside TLS: the proxy relayed a handshake and ciphertext, never the key.
		expect(proxy.relayed().length).toBeGreaterThan(0);
		expect(proxy.relayed().includes(secretPart)).toBe(false);
		expect(proxy.forwarded).toEqual([]);
	});

	it("the preconnect, the check and the live test all go the same way", async () => {
		const client = api({ HTTPS_PROXY: proxy.url });
		client.preconnect?.();
		await expect.poll(() => fake.requests.length, { interval: 5 }).toBe(1);
		expect(await client.listModels(KEY)).toMatchObject({ ok: true });
		expect(await client.sendTestMessage(KEY, "claude-haiku-5-5")).toMatchObject({ ok: true });
		expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			"HEAD /",
			"GET /v1/models",
			"POST /v1/messages",
		]);
		expect(new Set(proxy.tunnels.map((tunnel) => tunnel.authority))).toEqual(
			new Set(["api.anthropic.com:443"]),
		);
		// The connection is kept: the live test after the check needs no tunnel of its own.
		const tunnels = proxy.tunnels.length;
		expect(await client.sendTestMessage(KEY, "claude-haiku-5-5")).toMatchObject({ ok: true });
		expect(proxy.tunnels).toHaveLength(tunnels);
		expect(proxy.relayed().includes(secretPart)).toBe(false);
	});

	it("to another host once the person allowed it, and not before", async () => {
		const env = { ANTHROPIC_BASE_URL: "https://gw.example.test", HTTPS_PROXY: proxy.url };
		const client = api(env);
		client.preconnect?.();
		const refused = await client.listModels(KEY);
		expect(refused).toMatchObject({ ok: false, failure: { kind: "refused" } });
		expect(proxy.tunnels).toEqual([]);
		client.consent?.("https://elsewhere.test");
		expect(await client.listModels(KEY)).toMatchObject({ ok: false, failure: { kind: "refused" } });
		client.consent?.("https://gw.example.test");
		expect(await client.listModels(KEY)).toMatchObject({ ok: true });
		expect(proxy.tunnels.map((tunnel) => tunnel.authority)).toEqual(["gw.example.test:443"]);
		expect(front.servernames).toEqual(["gw.example.test"]);
		// --allow-base-url does the same without a question.
		expect(await api(env, "https://gw.example.test").listModels(KEY)).toMatchObject({ ok: true });
	});

	it("an https:// proxy: TLS to the proxy, and TLS to the API inside it", async () => {
		expect(await api({ HTTPS_PROXY: secure.url }).listModels(KEY)).toMatchObject({ ok: true });
		expect(secure.tunnels.map((tunnel) => tunnel.authority)).toEqual(["api.anthropic.com:443"]);
		expect(secure.relayed().includes(secretPart)).toBe(false);
	});

	it("a proxy's user and password go as Proxy-Authorization, decoded, and are never shown", async () => {
		const [host, port] = guarded.url.replace("http://", "").split(":");
		const withCredentials = `http://ada:s3cr%25t@${host}:${port}`;
		expect(await api({ HTTPS_PROXY: withCredentials }).listModels(KEY)).toMatchObject({ ok: true });
		expect(guarded.tunnels[0]?.headers["proxy-authorization"]).toBe(
			`Basic ${Buffer.from("ada:s3cr%t").toString("base64")}`,
		);
	});

	it("a proxy that wants credentials and gets none: the advice names the proxy and its answer", async () => {
		const result = await api({ HTTPS_PROXY: guarded.url }).listModels(KEY);
		expect(result).toMatchObject({ ok: false, failure: { kind: "connection", code: "ERR_PROXY_TUNNEL" } });
		if (result.ok) return;
		expect(fake.requests).toEqual([]);
		expect(result.failure.kind === "connection" && result.failure.message).toContain(
			'"407 Proxy Authentication Required"',
		);
		const shown = guarded.url.replace(/\/$/, "");
		const advice = adviseApiFailure(result.failure, {
			step: "check",
			proxy: `through the proxy ${shown} (HTTPS_PROXY)`,
		});
		expect(advice.title).toBe("The proxy did not let the request through");
		expect(advice.next.join(" ")).toContain(`through the proxy ${shown} (HTTPS_PROXY)`);
	});

	it("a proxy that cannot reach the host (502): a connection failure, nothing sent", async () => {
		const env = { ANTHROPIC_BASE_URL: "https://unplayed.example.test", HTTPS_PROXY: proxy.url };
		const result = await api(env, "https://unplayed.example.test").listModels(KEY);
		expect(result).toMatchObject({ ok: false, failure: { kind: "connection", code: "ERR_PROXY_TUNNEL" } });
		expect(fake.requests).toEqual([]);
	});
});

describe("around the proxy", () => {
	it.each([
		["NO_PROXY names the host", { NO_PROXY: "gw.example.test" }],
		["no_proxy names its domain", { no_proxy: ".example.test" }],
		["NO_PROXY is *", { NO_PROXY: "*" }],
		["NO_PROXY names the host and its port", { NO_PROXY: "gw.example.test:443" }],
	])("%s: straight to the host, the proxy sees nothing", async (_, bypass) => {
		const env = { ANTHROPIC_BASE_URL: "https://gw.example.test", HTTPS_PROXY: proxy.url, ...bypass };
		// .test never resolves: going direct ends at the DNS lookup, never at the proxy.
		const result = await api(env, "https://gw.example.test").listModels(KEY);
		expect(result).toMatchObject({ ok: false, failure: { kind: "connection" } });
		expect(result.ok === false && result.failure.kind === "connection" && result.failure.code).toMatch(
			/ENOTFOUND|EAI_AGAIN/,
		);
		expect(proxy.tunnels).toEqual([]);
	});

	it("NO_PROXY for another port does not go around it", async () => {
		const env = {
			ANTHROPIC_BASE_URL: "https://gw.example.test",
			HTTPS_PROXY: proxy.url,
			NO_PROXY: "gw.example.test:8443",
		};
		expect(await api(env, "https://gw.example.test").listModels(KEY)).toMatchObject({ ok: true });
		expect(proxy.tunnels).toHaveLength(1);
	});

	it("this machine is reached directly, whatever the proxy variables say", async () => {
		const env = {
			ANTHROPIC_BASE_URL: fake.url,
			HTTPS_PROXY: proxy.url,
			HTTP_PROXY: proxy.url,
			http_proxy: proxy.url,
			ALL_PROXY: proxy.url,
		};
		expect(await api(env).listModels(KEY)).toMatchObject({ ok: true });
		expect(proxy.tunnels).toEqual([]);
		expect(proxy.forwarded).toEqual([]);
		expect(fake.requests).toHaveLength(1);
	});

	it("a socks proxy is refused before any request: nothing reaches the proxy or the API", async () => {
		const result = await api({ HTTPS_PROXY: `socks5://${proxy.url.replace("http://", "")}` }).listModels(KEY);
		expect(result).toMatchObject({
			ok: false,
			failure: { kind: "refused", title: "Can't use the proxy in HTTPS_PROXY" },
		});
		expect(proxy.tunnels).toEqual([]);
		expect(fake.requests).toEqual([]);
	});
});
