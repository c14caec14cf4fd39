// The wizard and where the key goes: another host is named under the key prompt and asked about
// once, before the first request with the key (nothing leaves before, not even the keyless
// preconnect); a refused address offers only saving without sending; through a loopback proxy
// to a TLS front that plays gw.example.test for the fake API.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { System } from "../source/core/system.js";
import { createAnthropicApi } from "../source/system/anthropic-api.js";
import { answer, expectNoLeak, pasteKey, zshrc } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import {
	type LoopbackProxy,
	startLoopbackProxy,
	startTlsFront,
	TEST_CA,
	type TlsFront,
} from "./helpers/loopback-proxy.js";
import { renderWithSystem, sandboxSystem } from "./helpers/render-app.js";
import { makeSandbox, readBack, TEST_KEY, WRONG_KEY } from "./helpers/sandbox.js";

const GATEWAY = "https://gw.example.test";
let fake: FakeAnthropic;
let front: TlsFront;
let proxy: LoopbackProxy;
const track = withAppSuite([TEST_KEY], (started) => {
	fake = started;
});
beforeAll(async () => {
	front = await startTlsFront(Number(new URL(fake.url).port));
	proxy = await startLoopbackProxy({
		route: (to) => (to === "gw.example.test:443" ? front.port : undefined),
	});
});
afterAll(() => Promise.all([front.close(), proxy.close()]));

/** The wizard with ANTHROPIC_BASE_URL at `baseURL`, the API client reading the same variables. */
function start(baseURL = GATEWAY, prepare?: (home: string) => void) {
	proxy.tunnels.length = 0;
	const sandbox = track(makeSandbox({ shell: "zsh", baseURL }));
	sandbox.env.HTTPS_PROXY = proxy.url;
	prepare?.(sandbox.home);
	const system: System = {
		...sandboxSystem(sandbox, baseURL),
		api: createAnthropicApi({ env: sandbox.env, ca: TEST_CA, timeoutMs: 5000 }),
	};
	const app = renderWithSystem(system, { presetTargets: ["zsh"] });
	return { app, sandbox };
}

/** A frame as one line: long sentences wrap at the test terminal's width. */
const flat = (frame: string) => frame.replace(/\s+/g, " ");
const NOTE = `! ANTHROPIC_BASE_URL sends the key to ${GATEWAY}, not to Anthropic's API`;

describe("another host", { timeout: 30_000 }, () => {
	it("is named under the prompt, asked about once, and only then sent to", async () => {
		const { app, sandbox } = start();
		const prompt = await app.waitForText(NOTE);
		expect(prompt.replace(/\s+/g, " ")).toContain("you will be asked before it goes.");
		await pasteKey(app, WRONG_KEY);
		const question = await app.waitForText("Send your key to gw.example.test?");
		expect(flat(question)).toContain(`ANTHROPIC_BASE_URL is ${GATEWAY}`);
		expect(flat(question)).toContain(`through the proxy ${proxy.url} (HTTPS_PROXY)`);
		// The safe answer is the default; sending takes a deliberate move.
		expect(question).toContain("❯ Save it without sending it anywhere");
		expect(fake.requests).toEqual([]);
		expect(proxy.tunnels).toEqual([]);
		app.press("up");
		await app.waitForText("❯ Send it to gw.example.test");
		app.press("enter");
		// The wrong key is refused by the API (so it did go there), and the prompt comes back…
		await app.waitForText("✗ The key was rejected");
		expect(proxy.tunnels.map((tunnel) => tunnel.authority)).toContain("gw.example.test:443");
		// …and the right key goes without a second question.
		await pasteKey(app, TEST_KEY);
		await answer(app, "Write these changes?");
		const done = await app.waitForText("All set.");
		expect(done).toContain("Claude replied");
		expect(await app.waitForExit()).toBe(0);
		// Asked once: the question's frames all come before the first refusal.
		const frames = app.frames();
		const asked = frames.map((frame, index) => (frame.includes("Send your key to") ? index : -1));
		const lastAsked = Math.max(...asked);
		expect(lastAsked).toBeLessThan(frames.findIndex((frame) => frame.includes("The key was rejected")));
		// The keyless preconnect waited for the yes too (it may come as the second key is typed).
		const withKey = fake.requests.filter((request) => request.authHeader !== undefined);
		expect(withKey.map((request) => `${request.method} ${request.path}`)).toEqual([
			"GET /v1/models",
			"GET /v1/models",
			"POST /v1/messages",
		]);
		expect(fake.requests.filter((request) => request.authHeader === undefined).map((r) => r.method)).toEqual([
			"HEAD",
		]);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});

	it("save without sending: written, nothing sent anywhere (no check, no test)", async () => {
		const { app, sandbox } = start();
		await pasteKey(app);
		await answer(app, "❯ Save it without sending it anywhere");
		const preview = await app.waitForText("Write these changes?");
		expect(preview).toContain("not checked with the API");
		app.press("enter");
		const done = await app.waitForText("Saved, but not everything checks out");
		expect(done.replace(/\s+/g, " ")).toContain("saved without sending it anywhere, so it was not checked");
		expect(await app.waitForExit()).toBe(0);
		expect(fake.requests).toEqual([]);
		expect(proxy.tunnels).toEqual([]);
		expect(zshrc(sandbox)).toContain("export ANTHROPIC_API_KEY=");
		expectNoLeak(app);
	});

	it("quit: exit 2, nothing sent, nothing written", async () => {
		const { app, sandbox } = start();
		await pasteKey(app);
		await app.waitForText("Send your key to gw.example.test?");
		app.press("down");
		await app.waitForText("❯ Quit: nothing is sent, nothing is written");
		app.press("enter");
		await app.waitForText("Nothing was written.");
		expect(await app.waitForExit()).toBe(2);
		expect(fake.requests).toEqual([]);
		expect(zshrc(sandbox)).toBeUndefined();
	});

	it("keeping the key already set asks too before testing it there", async () => {
		const { app } = start(GATEWAY, (home) =>
			writeFileSync(`${home}/.zshrc`, `export ANTHROPIC_API_KEY='${TEST_KEY}'\n`),
		);
		await app.waitForText("An Anthropic API key is already set:");
		app.press("down");
		await answer(app, "❯ Keep it and test it");
		const question = await app.waitForText("Send your key to gw.example.test?");
		expect(question).not.toContain("Save it without sending");
		expect(fake.requests).toEqual([]);
		app.press("up");
		await answer(app, "❯ Send it to gw.example.test");
		await app.waitForText("Claude replied");
		expect(await app.waitForExit()).toBe(0);
		expect(fake.requests.map((request) => request.path)).toEqual(["/v1/models", "/v1/messages"]);
	});
});

describe("a refused address", { timeout: 30_000 }, () => {
	it("plain http to a look-alike: said under the prompt; only saving without sending or quitting", async () => {
		const { app } = start("http://api.anthropic.com.evil.test");
		// One sentence: what (not sent, to where), why, and that Enter on the key shows the fix.
		const prompt = await app.waitForText("✗ The key will not be sent to api.anthropic.com.evil.test");
		expect(prompt.replace(/\s+/g, " ")).toContain(
			"✗ The key will not be sent to api.anthropic.com.evil.test: ANTHROPIC_BASE_URL is plain http://, so it would travel unencrypted; paste it and press Enter to see the fix.",
		);
		expect(prompt).not.toMatch(/not sending/i);
		await pasteKey(app);
		const screen = await app.waitForText("What now?");
		expect(flat(screen)).toContain("unencrypted");
		expect(flat(screen)).toContain("Use https:// in ANTHROPIC_BASE_URL.");
		expect(screen).not.toContain("Send it to");
		expect(screen).toContain("❯ Save it without sending it anywhere");
		app.press("down");
		await answer(app, "❯ Quit");
		expect(await app.waitForExit()).toBe(2);
		expect(fake.requests).toEqual([]);
		expect(proxy.tunnels).toEqual([]);
	});
});
