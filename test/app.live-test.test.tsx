// The live test (POST /v1/messages) failing after the key was saved: the file stays,
// the advice and request id are shown, and the exit code says what kind of failure it was.
import { describe, expect, it } from "vitest";
import { ExitCode } from "../source/core/exit-codes.js";
import { answer, expectNoLeak, pasteKey } from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import { type FakeAnthropic, type ScriptedReply, scripted } from "./helpers/fake-anthropic.js";
import { readBack, TEST_KEY } from "./helpers/sandbox.js";

let fake: FakeAnthropic;
const { start } = zshAppSuite([TEST_KEY], (started) => {
	fake = started;
});

const CASES: { name: string; reply: () => ScriptedReply; says: string; next: RegExp; code: number }[] = [
	{
		name: "no credit",
		reply: scripted.creditBalance,
		says: "Your account has no credit left",
		next: /Add credits at console\.anthropic\.com → Plans & Billing/,
		code: ExitCode.notProven,
	},
	{
		name: "rate limit",
		reply: () => scripted.rateLimit(30),
		says: "Too many requests right now",
		next: /Wait 30 seconds, then try again/,
		code: ExitCode.notProven,
	},
	{
		name: "spend limit",
		reply: scripted.spendLimit,
		says: "Monthly spend limit reached",
		next: /Raise the limit at console\.anthropic\.com → Limits/,
		code: ExitCode.notProven,
	},
	{
		name: "overloaded",
		reply: scripted.overloaded,
		says: "The Anthropic API is overloaded",
		next: /Try again in a few minutes/,
		code: ExitCode.notProven,
	},
	{
		name: "no permission",
		reply: scripted.permission,
		says: "This key has no access to claude-haiku-5-5",
		next: /run `claude-setup` again with --model <id>/,
		code: ExitCode.keyRejected,
	},
];

describe("a failing live test", { timeout: 30_000 }, () => {
	it.each(CASES)("$name: saved, advice with request id, exit $code", async ({ reply, says, next, code }) => {
		fake.setBehaviour((request) => (request.path === "/v1/messages" ? reply() : undefined));
		const { app, sandbox } = start({ presetTargets: ["zsh"] });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		const done = await app.waitForText("not everything checks out");
		expect(done).toContain("✓ Saved to ~/.zshrc");
		expect(done).toContain("✓ A fresh zsh reads the key from ~/.zshrc");
		expect(done).toContain(`✗ ${says}`);
		expect(done.replace(/\s*\n\s*/g, " ")).toMatch(next);
		const answered = fake.requests.filter((request) => request.path === "/v1/messages").at(-1);
		expect(done).toContain(`request-id: ${answered?.requestId}`);
		expect(done).not.toContain("All set.");
		expect(await app.waitForExit()).toBe(code);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});
});
