// The key check (GET /v1/models) failing every way it can, through the whole wizard.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { System } from "../source/core/system.js";
import { answer, expectNoLeak, pasteKey } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import { type FakeAnthropic, type ScriptedReply, scripted } from "./helpers/fake-anthropic.js";
import { renderApp } from "./helpers/render-app.js";
import { makeSandbox, readBack, TEST_KEY, WRONG_KEY } from "./helpers/sandbox.js";
import { closedURL } from "./helpers/temp-system.js";

let fake: FakeAnthropic;
const track = withAppSuite([TEST_KEY], (started) => {
	fake = started;
});

function start(baseURL = fake.url) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL });
	track(sandbox);
	let checks = 0;
	const countChecks = (system: System): System => ({
		...system,
		api: {
			...system.api,
			listModels: (key) => {
				checks++;
				return system.api.listModels(key);
			},
		},
	});
	const app = renderApp({ sandbox, baseURL, settings: { presetTargets: ["zsh"] }, wrap: countChecks });
	return { app, sandbox, zshrc: `${sandbox.home}/.zshrc`, checks: () => checks };
}

/** The model list fails the first `times` times with `reply`, then answers normally. */
function failListing(reply: () => ScriptedReply, times = Number.POSITIVE_INFINITY) {
	let left = times;
	fake.setBehaviour((request) => {
		if (request.path !== "/v1/models" || left <= 0) return undefined;
		left--;
		return reply();
	});
}

describe("the key check", { timeout: 30_000 }, () => {
	it("a 401 goes back to the key input with advice and writes nothing; the right key proceeds", async () => {
		const { app, sandbox, zshrc } = start();
		await pasteKey(app, WRONG_KEY);
		const rejected = await app.waitForText("✗ The key was rejected");
		expect(rejected).toContain("The API answered 401");
		expect(rejected).toMatch(/request-id: req_011\w+/);
		expect(rejected).toContain("Paste your Anthropic API key");
		expect(rejected).not.toContain("•");
		expect(existsSync(zshrc)).toBe(false);
		await pasteKey(app, TEST_KEY);
		await answer(app, "Write these changes?");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});

	it("unreachable → What now? → quit exits 5 and writes nothing", async () => {
		const url = await closedURL();
		const { app, zshrc } = start(url);
		await pasteKey(app);
		const asked = await app.waitForText("What now?");
		expect(asked).toContain("✗ Nothing is listening at 127.0.0.1");
		expect(asked).toContain("❯ Try again");
		app.press("up");
		await app.waitForText("❯ Quit without saving");
		app.press("enter");
		await app.waitForText("Nothing was written.");
		expect(await app.waitForExit()).toBe(5);
		expect(existsSync(zshrc)).toBe(false);
		expectNoLeak(app);
	});

	it("unreachable → save without checking: saved, proven by zsh, no live test", async () => {
		const url = await closedURL();
		const { app, sandbox } = start(url);
		await pasteKey(app);
		await app.waitForText("What now?");
		app.type("2");
		await answer(app, "❯ Save the key without checking it");
		await answer(app, "Write these changes?");
		const done = await app.waitForText("The key was saved without a live check");
		expect(done).toContain("✓ A fresh zsh reads the key from ~/.zshrc");
		expect(done).not.toContain("Claude replied");
		expect(done).not.toContain("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});

	it("unreachable → try again checks again, and goes on once the API answers", async () => {
		failListing(scripted.hangUp, 1);
		const { app, sandbox } = start();
		await pasteKey(app);
		const asked = await app.waitForText("What now?");
		expect(asked).toContain("The connection was dropped");
		expect(asked).not.toContain("Still failing");
		app.press("enter");
		await answer(app, "Write these changes?");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(fake.requests.filter((request) => request.path === "/v1/models")).toHaveLength(2);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});

	it("try again against a closed port asks again", async () => {
		const { app, zshrc, checks } = start(await closedURL());
		await pasteKey(app);
		await app.waitForText("What now?");
		const since = app.mark();
		app.press("enter");
		const again = await app.waitForText("What now?", { since });
		expect(again).toContain("Still failing after 2 tries.");
		expect(checks()).toBe(2);
		app.press("escape");
		expect(await app.waitForExit()).toBe(130);
		expect(existsSync(zshrc)).toBe(false);
	});

	it.each([
		{ name: "529 overloaded", reply: scripted.overloaded, says: "The Anthropic API is overloaded" },
		{ name: "500 server error", reply: scripted.serverError, says: "The Anthropic API had an error (500)" },
	])("$name gives the same choice, with the request id", async ({ reply, says }) => {
		failListing(reply);
		const { app, zshrc } = start();
		await pasteKey(app);
		const asked = await app.waitForText("What now?");
		expect(asked).toContain(`✗ ${says}`);
		expect(asked).toMatch(/request-id: req_011\w+/);
		app.type("3");
		await answer(app, "❯ Quit without saving");
		await app.waitForText("Nothing was written.");
		// Nothing was saved and nothing confirmed the key: "unreachable" (5), as the headless run says.
		expect(await app.waitForExit()).toBe(5);
		expect(existsSync(zshrc)).toBe(false);
		expectNoLeak(app);
	});
});
