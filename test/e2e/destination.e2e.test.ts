// The built CLI and where the key goes, as a person (or a script) runs it: the issue's own case
// (a look-alike over plain http left in ANTHROPIC_BASE_URL), Anthropic's API through a CONNECT
// proxy on loopback (NODE_EXTRA_CA_CERTS trusts the test CA of the TLS front that plays
// api.anthropic.com), and status' live check for another host. No output may hold the secret.
import { rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import {
	type LoopbackProxy,
	startLoopbackProxy,
	startTlsFront,
	TEST_CA_PATH,
	type TlsFront,
} from "../helpers/loopback-proxy.js";
import { makeSandbox, readBack, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { runCli } from "../helpers/terminal.js";

let fake: FakeAnthropic;
let front: TlsFront;
let proxy: LoopbackProxy;
const sandboxes: Sandbox[] = [];
const PLAYED = ["api.anthropic.com:443", "gw.example.test:443"];

beforeAll(async () => {
	fake = await startFakeAnthropic({ validKeys: [TEST_KEY] });
	front = await startTlsFront(Number(new URL(fake.url).port));
	proxy = await startLoopbackProxy({ route: (to) => (PLAYED.includes(to) ? front.port : undefined) });
});
afterAll(async () => {
	await Promise.all([fake.close(), front.close(), proxy.close()]);
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

/** A sandbox whose ANTHROPIC_BASE_URL is `baseURL`, or unset (Anthropic's API). */
function sandbox(baseURL?: string): Sandbox {
	const made = makeSandbox({ shell: "zsh", baseURL: baseURL ?? "" });
	if (baseURL === undefined) delete made.env.ANTHROPIC_BASE_URL;
	sandboxes.push(made);
	return made;
}

async function cli(box: Sandbox, args: string[], env: Record<string, string> = {}) {
	const child = runCli(box, args, TEST_KEY, env);
	let lastOutput = performance.now();
	child.stdout?.on("data", () => {
		lastOutput = performance.now();
	});
	const result = await child;
	const text = result.stdout + result.stderr;
	expect(text).not.toContain(SECRET_PART);
	// From the last line printed to the exit: what a connection left open would hold up.
	const tailMs = performance.now() - lastOutput;
	return { code: result.exitCode, stdout: result.stdout, text, tailMs };
}

describe("the built CLI", { timeout: 60_000 }, () => {
	it("the issue's case: a look-alike over plain http gets nothing; exit 2, the host and the fix named", async () => {
		const box = sandbox("http://api.anthropic.com.evil.test");
		fake.requests.length = 0;
		const run = await cli(box, ["--key-stdin", "--target", "zsh"]);
		expect(run.code).toBe(2);
		expect(run.text).toContain("✗ Not sending the key over plain http:// to api.anthropic.com.evil.test.");
		expect(run.text).toContain("unencrypted");
		expect(run.text).toContain("→ Use https:// in ANTHROPIC_BASE_URL.");
		expect(run.text).not.toContain("Requests went to");
		expect(readBack("zsh", box)).toBe("");
		const json = await cli(box, ["--key-stdin", "--target", "zsh", "--json"]);
		expect(JSON.parse(json.stdout)).toMatchObject({
			ok: false,
			exitCode: 2,
			error: {
				kind: "destination",
				title: "Not sending the key over plain http:// to api.anthropic.com.evil.test",
			},
		});
	});

	it("Anthropic's API through HTTPS_PROXY: said first, the key inside TLS, and the run ends at once", async () => {
		const box = sandbox();
		fake.requests.length = 0;
		proxy.tunnels.length = 0;
		const run = await cli(box, ["--key-stdin", "--target", "zsh"], {
			HTTPS_PROXY: proxy.url,
			NODE_EXTRA_CA_CERTS: TEST_CA_PATH,
		});
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain(
			`• Requests to https://api.anthropic.com go through the proxy ${proxy.url} (HTTPS_PROXY).`,
		);
		expect(run.text).toContain("✓ The API accepts the key.");
		expect(run.text).toMatch(/✓ Claude replied in \d+ ms \(claude-haiku-5-5\)/);
		expect(new Set(proxy.tunnels.map((tunnel) => tunnel.authority))).toEqual(
			new Set(["api.anthropic.com:443"]),
		);
		expect(proxy.relayed().includes(SECRET_PART)).toBe(false);
		expect(fake.requests.map((request) => request.path)).toEqual(["/v1/models", "/v1/messages"]);
		expect(readBack("zsh", box)).toBe(TEST_KEY);
		// No connection kept open holds the process after its last line (an idle one would, ~4 s).
		expect(run.tailMs).toBeLessThan(2_000);
	});

	it("status: another host is not checked without --allow-base-url (exit 2), and is with it", async () => {
		const box = sandbox("https://gw.example.test");
		writeFileSync(`${box.home}/.zshrc`, `export ANTHROPIC_API_KEY='${TEST_KEY}'\n`);
		fake.requests.length = 0;
		// As in a new terminal, which has the key (#13: a terminal without it is not "All good").
		const env = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: TEST_CA_PATH, ANTHROPIC_API_KEY: TEST_KEY };
		const refused = await cli(box, ["status"], env);
		expect(refused.code).toBe(2);
		expect(refused.text).toContain("✗ Not sending the key to gw.example.test.");
		expect(refused.text).toContain("--allow-base-url https://gw.example.test");
		expect(fake.requests).toEqual([]);
		const allowed = await cli(box, ["status", "--allow-base-url", "https://gw.example.test"], env);
		expect(allowed.code, allowed.text).toBe(0);
		expect(allowed.text).toContain("✓ The API accepts the key a new terminal gets.");
		expect(fake.requests.map((request) => request.path)).toEqual(["/v1/models"]);
	});
});
