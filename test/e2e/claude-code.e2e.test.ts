// The real Claude Code as the consumer: after claude-setup saves a key for zsh, bash or fish
// (the built CLI, --key-stdin), `claude -p` started from a fresh shell sends exactly that key
// to the fake API; a `sk-ant-oat01-` token saved as CLAUDE_CODE_OAUTH_TOKEN goes as a Bearer
// token with the OAuth beta. Nothing printed may hold a secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeInFreshShell } from "../helpers/claude-code.js";
import { type FakeAnthropic, OAUTH_BETA, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { runCli } from "../helpers/terminal.js";

const OAUTH_SECRET = "OauthSecretNeverShown";
const OAUTH_TOKEN = `sk-ant-oat01-${OAUTH_SECRET}${"t".repeat(70)}ToKn`;
const REPLY = "Hello! Nice to meet you.";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({
		validKeys: [TEST_KEY, OAUTH_TOKEN],
		keyNames: { [TEST_KEY]: "saved key", [OAUTH_TOKEN]: "saved token" },
	});
});
afterAll(() => api.close());

function expectNoLeak(text: string): void {
	for (const secret of [SECRET_PART, OAUTH_SECRET]) expect(text).not.toContain(secret);
}

/** What Claude Code sent to POST /v1/messages since request number `since` (the fake serves every test). */
function messagesSince(since: number) {
	return api.requests
		.slice(since)
		.filter(
			(request) =>
				request.path === "/v1/messages" && request.headers["user-agent"]?.startsWith("claude-cli/"),
		);
}

async function saveWith(shell: string, key: string) {
	const sandbox = makeSandbox({ shell, baseURL: api.url });
	const saved = await runCli(sandbox, ["--key-stdin", "--target", shell], key);
	expectNoLeak(saved.stdout + saved.stderr);
	expect(saved.exitCode).toBe(0);
	return sandbox;
}

describe("the real Claude Code, started from a fresh shell, sends the key claude-setup saved", {
	timeout: 90_000,
}, () => {
	it.each(["zsh", "bash", "fish"])("%s: x-api-key carries the saved ANTHROPIC_API_KEY", async (shell) => {
		const sandbox = await saveWith(shell, TEST_KEY);
		const before = api.requests.length;
		const run = await claudeInFreshShell(shell, sandbox);
		expectNoLeak(run.stdout + run.stderr);
		expect(run.stdout).toBe(REPLY);
		expect(run.exitCode).toBe(0);
		const sent = messagesSince(before);
		expect(sent.length).toBeGreaterThan(0);
		for (const request of sent) {
			expect(request.query).toEqual({ beta: "true" });
			expect(request.credentials).toEqual({ "x-api-key": "saved key" });
			expect(request.body).toMatchObject({ stream: true });
		}
	});

	it("a sk-ant-oat01- token saved as CLAUDE_CODE_OAUTH_TOKEN goes as Authorization: Bearer with the OAuth beta", async () => {
		const sandbox = await saveWith("zsh", OAUTH_TOKEN);
		const before = api.requests.length;
		const run = await claudeInFreshShell("zsh", sandbox);
		expectNoLeak(run.stdout + run.stderr);
		expect(run.stdout).toBe(REPLY);
		const sent = messagesSince(before);
		expect(sent.length).toBeGreaterThan(0);
		for (const request of sent) {
			expect(request.credentials).toEqual({ authorization: "saved token" });
			expect(request.headers["anthropic-beta"]?.split(",")).toContain(OAUTH_BETA);
		}
	});
});
