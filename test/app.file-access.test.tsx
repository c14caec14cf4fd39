// The wizard and a ~/.zshrc that others can read (Debian's /etc/skel makes it 0644): the preview
// names it and says it becomes 0600; "k" keeps its mode instead, and the preview says so.
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, expectNoLeak, pasteKey } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { renderApp } from "./helpers/render-app.js";
import { makeSandbox, type Sandbox, TEST_KEY } from "./helpers/sandbox.js";

let fake: FakeAnthropic;
const track = withAppSuite([TEST_KEY], (started) => {
	fake = started;
});

function readableZshrc(): Sandbox {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: fake.url });
	track(sandbox);
	writeFileSync(`${sandbox.home}/.zshrc`, "# mine\n");
	chmodSync(`${sandbox.home}/.zshrc`, 0o644);
	return sandbox;
}

const flat = (text: string) => text.replace(/\s+/g, " ");
const modeOf = (sandbox: Sandbox) => statSync(`${sandbox.home}/.zshrc`).mode & 0o777;

describe("a startup file others can read", { timeout: 30_000 }, () => {
	it("is named in the preview and made 0600 by default", async () => {
		const sandbox = readableZshrc();
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["zsh"] } });
		await pasteKey(app);
		const preview = flat(await app.waitForText("Write these changes?"));
		expect(preview).toContain(
			"~/.zshrc can be read by other users (0644): it is made 0600, readable only by you.",
		);
		expect(preview).toContain("Press k to keep the current mode");
		app.press("enter");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(modeOf(sandbox)).toBe(0o600);
		expectNoLeak(app);
	});

	it("k keeps its mode: the preview says so, and the file stays 0644", async () => {
		const sandbox = readableZshrc();
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["zsh"] } });
		await pasteKey(app);
		await app.waitForText("Press k to keep the current mode");
		app.type("k");
		const preview = flat(await app.waitForText("its mode is kept as you chose"));
		expect(preview).not.toContain("Press k");
		await answer(app, "Write these changes?");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(modeOf(sandbox)).toBe(0o644);
		expect(readFileSync(`${sandbox.home}/.zshrc`, "utf8")).toContain("# >>> claude-setup >>>");
	});
});
