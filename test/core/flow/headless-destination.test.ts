// --key-stdin and where the key goes: for every address that is refused or needs the opt-in,
// exit 2 before anything is read, written or sent, with the host named and the fix; with the
// opt-in (or through a proxy), the key goes there and the report says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnthropicApi } from "../../../source/core/system.js";
import { createAnthropicApi } from "../../../source/system/anthropic-api.js";
import type { FakeAnthropic } from "../../helpers/fake-anthropic.js";
import {
	type LoopbackProxy,
	startLoopbackProxy,
	startTlsFront,
	TEST_CA,
	type TlsFront,
} from "../../helpers/loopback-proxy.js";
import { makeTempSystem } from "../../helpers/temp-system.js";
import { URL_CASES } from "../destination/destination.cases.js";
import { calls, filesIn, KEY, MASKED, runIn, withFakeApi } from "./headless-harness.js";

let fake: FakeAnthropic;
withFakeApi((started) => {
	fake = started;
});

/** The real client over `env`, counting what the flow asked of it. */
function countingApi(env: Record<string, string>, allowBaseURL?: string) {
	const real = createAnthropicApi({ env, allowBaseURL, ca: TEST_CA, timeoutMs: 5000 });
	const asked: string[] = [];
	const api: AnthropicApi = {
		...real,
		listModels: (key) => {
			asked.push("listModels");
			return real.listModels(key);
		},
		sendTestMessage: (key, model) => {
			asked.push("sendTestMessage");
			return real.sendTestMessage(key, model);
		},
	};
	return { api, asked };
}

const blocked = URL_CASES.filter((row) => row.verdict !== "send");

describe(`exit 2, nothing sent or written: ${blocked.length} addresses`, () => {
	it.each(blocked)("$url", async (row) => {
		const env = { ANTHROPIC_BASE_URL: row.url };
		const { api, asked } = countingApi(env);
		const sandbox = await makeTempSystem({ api, env });
		const { report, text, lines } = await runIn(sandbox, KEY, { targets: ["zsh"] });
		expect(report).toMatchObject({ ok: false, exitCode: 2, error: { kind: "destination" } });
		expect(asked).toEqual([]);
		expect(await filesIn(sandbox)).toEqual([]);
		expect(lines[0]).toBe(`• API key ${MASKED}`);
		expect(lines[1]).toMatch(/^✗ /);
		if (row.host) expect(text).toContain(row.host);
		expect(text).toContain("ANTHROPIC_BASE_URL");
		if (row.verdict === "ask") expect(text).toContain(`--allow-base-url ${row.origin}`);
		if (row.reason === "plain-http") expect(text).toContain("unencrypted");
	});
});

it("with --no-verify nothing is sent, so the address does not matter", async () => {
	const env = { ANTHROPIC_BASE_URL: "http://api.anthropic.com.evil.test" };
	const { api, asked } = countingApi(env);
	const sandbox = await makeTempSystem({ api, env });
	const { report } = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false });
	expect(report).toMatchObject({ ok: true, exitCode: 0 });
	expect(asked).toEqual([]);
});

it("the client refuses even when the flow would not (its own address says evil.test)", async () => {
	const { api } = countingApi({ ANTHROPIC_BASE_URL: "https://evil.test" });
	const sandbox = await makeTempSystem({ api, env: { ANTHROPIC_BASE_URL: fake.url } });
	const { report, text } = await runIn(sandbox, KEY, { targets: ["zsh"] });
	expect(report).toMatchObject({
		ok: false,
		exitCode: 2,
		error: { title: "Not sending the key to evil.test" },
	});
	expect(text).not.toContain("add --no-verify.\n  → Or save it without checking");
	expect(fake.requests).toEqual([]);
});

describe("where the key may go", () => {
	let front: TlsFront;
	let proxy: LoopbackProxy;
	beforeAll(async () => {
		front = await startTlsFront(Number(new URL(fake.url).port));
		const played = ["gw.example.test:443", "api.anthropic.com:443"];
		proxy = await startLoopbackProxy({ route: (to) => (played.includes(to) ? front.port : undefined) });
	});
	afterAll(() => Promise.all([front.close(), proxy.close()]));

	it("another host with --allow-base-url naming it: said first, sent there, in the report", async () => {
		const env = { ANTHROPIC_BASE_URL: "https://gw.example.test", HTTPS_PROXY: proxy.url };
		const { api } = countingApi(env, "https://gw.example.test");
		const sandbox = await makeTempSystem({ api, env });
		const { report, lines } = await runIn(sandbox, KEY, {
			targets: ["zsh"],
			allowBaseURL: "https://gw.example.test",
		});
		expect(report).toMatchObject({
			ok: true,
			exitCode: 0,
			api: {
				origin: "https://gw.example.test",
				kind: "other",
				setBy: "ANTHROPIC_BASE_URL",
				allowedBy: "--allow-base-url",
				proxy: { address: proxy.url, variable: "HTTPS_PROXY" },
			},
		});
		expect(lines[1]).toBe(
			`• The key goes to https://gw.example.test, set by ANTHROPIC_BASE_URL, as --allow-base-url allows, through the proxy ${proxy.url} (HTTPS_PROXY).`,
		);
		expect(calls(fake)).toEqual(["GET /v1/models", "POST /v1/messages"]);
		expect(proxy.tunnels.every((tunnel) => tunnel.authority === "gw.example.test:443")).toBe(true);
	});

	it("CLAUDE_SETUP_ALLOW_BASE_URL does the same for a script", async () => {
		const env = {
			ANTHROPIC_BASE_URL: "https://gw.example.test",
			HTTPS_PROXY: proxy.url,
			CLAUDE_SETUP_ALLOW_BASE_URL: "https://gw.example.test",
		};
		const { api } = countingApi(env);
		const sandbox = await makeTempSystem({ api, env });
		const { report } = await runIn(sandbox, KEY, { targets: ["zsh"] });
		expect(report).toMatchObject({ ok: true, api: { allowedBy: "CLAUDE_SETUP_ALLOW_BASE_URL" } });
	});

	it("Anthropic's API through a proxy needs no opt-in; the proxy is said first", async () => {
		const env = { HTTPS_PROXY: proxy.url };
		const { api } = countingApi(env);
		const sandbox = await makeTempSystem({ api, env });
		const { report, lines } = await runIn(sandbox, KEY, { targets: ["zsh"] });
		expect(report).toMatchObject({
			ok: true,
			api: { kind: "anthropic", proxy: { variable: "HTTPS_PROXY" } },
		});
		expect(lines[1]).toBe(
			`• Requests to https://api.anthropic.com go through the proxy ${proxy.url} (HTTPS_PROXY).`,
		);
	});

	it("a failure through the proxy says the proxy was on the way", async () => {
		const env = { ANTHROPIC_BASE_URL: "https://unplayed.example.test", HTTPS_PROXY: proxy.url };
		const { api } = countingApi(env, "https://unplayed.example.test");
		const sandbox = await makeTempSystem({ api, env });
		const { report, text } = await runIn(sandbox, KEY, {
			targets: ["zsh"],
			allowBaseURL: "https://unplayed.example.test",
		});
		expect(report).toMatchObject({ ok: false, exitCode: 5 });
		expect(text).toContain("The proxy did not let the request through");
		expect(text).toContain(`Requests went through the proxy ${proxy.url} (HTTPS_PROXY)`);
	});
});
