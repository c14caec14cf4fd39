// A Claude subscription login and a key for every terminal: before the preview the wizard says
// Claude Code will bill the key, and offers the project .env (default), going on, or quitting.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, expectNoLeak, pasteKey } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { renderApp } from "./helpers/render-app.js";
import { makeSandbox, type Sandbox, TEST_KEY } from "./helpers/sandbox.js";

const QUESTION = "Keep Claude Code on your subscription?";

let fake: FakeAnthropic;
const track = withAppSuite([TEST_KEY], (started) => {
	fake = started;
});

function sandboxWith(login: boolean): Sandbox {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: fake.url });
	track(sandbox);
	if (login) {
		mkdirSync(join(sandbox.home, ".claude"));
		writeFileSync(join(sandbox.home, ".claude", ".credentials.json"), "{}\n");
	}
	return sandbox;
}

const zshrc = (sandbox: Sandbox) => join(sandbox.home, ".zshrc");
const dotenv = (sandbox: Sandbox) => join(sandbox.project, ".env");

describe("billing before writing", { timeout: 30_000 }, () => {
	it("Enter takes the project .env instead: ~/.zshrc untouched, the subscription kept", async () => {
		const sandbox = sandboxWith(true);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["zsh"] } });
		await pasteKey(app);
		const asked = await answer(app, QUESTION);
		expect(asked.replace(/\s+/g, " ")).toContain("Claude Code will use — and bill — this API key instead");
		expect(asked).toContain("Save it in this project's .env instead (recommended)");
		expect(asked).toMatch(/Go on: save it in zsh/);
		const preview = await answer(app, "Write these changes?");
		expect(preview).toMatch(/\.env/);
		expect(preview).not.toContain("~/.zshrc");
		expect(await app.waitForText("All set.")).toContain("A fresh .env loader reads the key");
		expect(await app.waitForExit()).toBe(0);
		expect(readFileSync(dotenv(sandbox), "utf8")).toBe(`ANTHROPIC_API_KEY=${TEST_KEY}\n`);
		expect(existsSync(zshrc(sandbox))).toBe(false);
		expectNoLeak(app);
	});

	it("going on saves it for every terminal, and the preview still says whom Claude Code bills", async () => {
		const sandbox = sandboxWith(true);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["zsh"] } });
		await pasteKey(app);
		await app.waitForText(QUESTION);
		app.type("2");
		await answer(app, "❯ Go on");
		const preview = await answer(app, "Write these changes?");
		expect(preview).toContain("~/.zshrc");
		expect(preview.replace(/\s+/g, " ")).toContain("Claude Code will use — and bill — this API key instead");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readFileSync(zshrc(sandbox), "utf8")).toMatch(/export ANTHROPIC_API_KEY=/);
		expect(readFileSync(zshrc(sandbox), "utf8")).toContain(TEST_KEY);
		expect(existsSync(dotenv(sandbox))).toBe(false);
		expectNoLeak(app);
	});

	it("quit writes nothing (exit 130)", async () => {
		const sandbox = sandboxWith(true);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["zsh"] } });
		await pasteKey(app);
		await app.waitForText(QUESTION);
		app.type("3");
		await answer(app, "❯ Quit");
		expect(await app.waitForExit()).toBe(130);
		expect(existsSync(zshrc(sandbox))).toBe(false);
		expect(existsSync(dotenv(sandbox))).toBe(false);
	});

	it("without a subscription login there is no such question", async () => {
		const sandbox = sandboxWith(false);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["zsh"] } });
		await pasteKey(app);
		const preview = await answer(app, "Write these changes?");
		expect(preview).toContain("~/.zshrc");
		expect(app.everything()).not.toContain(QUESTION);
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
	});

	it("a project .env chosen in the first place: not asked", async () => {
		const sandbox = sandboxWith(true);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["dotenv"] } });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		expect(app.everything()).not.toContain(QUESTION);
		expect(await app.waitForExit()).toBe(0);
	});
});
