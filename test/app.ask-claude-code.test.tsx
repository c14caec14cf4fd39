// --ask-claude-code in the wizard: after saving, the real Claude Code (claude -p from a fresh
// zsh) sends one request to the fake API with the saved key, and its reply is among the proofs.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, expectNoLeak, pasteKey } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import { claudeOnPath } from "./helpers/claude-code.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { renderApp } from "./helpers/render-app.js";
import { makeSandbox, TEST_KEY } from "./helpers/sandbox.js";

let fake: FakeAnthropic;
const track = withAppSuite([TEST_KEY], (started) => {
	fake = started;
});

const fromClaudeCode = (since: number) =>
	fake.requests
		.slice(since)
		.filter(
			(request) =>
				request.path === "/v1/messages" && request.headers["user-agent"]?.startsWith("claude-cli/"),
		);

describe("--ask-claude-code in the wizard", { timeout: 60_000 }, () => {
	it.each([true, false])("asked: %s", async (ask) => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: fake.url });
		track(sandbox);
		Object.assign(sandbox.env, claudeOnPath(sandbox));
		writeFileSync(join(sandbox.home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true }));
		const before = fake.requests.length;
		const settings = { presetTargets: ["zsh" as const], askClaudeCode: ask };
		const app = renderApp({ sandbox, baseURL: fake.url, settings });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		const done = await app.waitForText("All set.", { timeoutMs: 45_000 });
		expect(await app.waitForExit()).toBe(0);
		const replied = "Claude Code (claude -p) started from a new zsh replied: “Hello! Nice to meet you.”";
		const sent = fromClaudeCode(before);
		if (ask) {
			expect(done.replace(/\s+/g, " ")).toContain(replied);
			expect(sent.length).toBeGreaterThan(0);
			// As x-api-key; the fake replies only to TEST_KEY, so the reply above proves it was that key.
			for (const request of sent) expect(Object.keys(request.credentials)).toEqual(["x-api-key"]);
		} else {
			expect(done).not.toContain("claude -p");
			expect(sent).toEqual([]);
		}
		expectNoLeak(app);
	});
});
