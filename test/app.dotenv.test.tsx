// .env in a real git repo: the .gitignore entry, and the question about a .env git already tracks.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, expectNoLeak, pasteKey } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { renderApp } from "./helpers/render-app.js";
import { git, makeSandbox, type Sandbox, TEST_KEY } from "./helpers/sandbox.js";

let fake: FakeAnthropic;
const track = withAppSuite([TEST_KEY], (started) => {
	fake = started;
});

function repo(trackedEnv: boolean): Sandbox {
	const sandbox = makeSandbox({ shell: "bash", baseURL: fake.url, gitRepo: true });
	track(sandbox);
	if (trackedEnv) {
		writeFileSync(`${sandbox.project}/.env`, "DEBUG=1\n");
		git(sandbox.project, sandbox.env, "add", ".env");
		git(sandbox.project, sandbox.env, "commit", "-qm", "add .env");
	}
	return sandbox;
}

const tracked = (sandbox: Sandbox) => git(sandbox.project, sandbox.env, "ls-files", "--", ".env").trim();

describe(".env in a git repository", { timeout: 30_000 }, () => {
	it("picks .env from the list, makes git ignore it, and Node's loader reads it", async () => {
		const sandbox = repo(false);
		const app = renderApp({ sandbox, baseURL: fake.url });
		await pasteKey(app);
		await app.waitForText("Where should the key go?");
		app.type("4");
		await answer(app, /❯ \S*\.env/);
		const preview = await answer(app, "Write these changes?");
		expect(preview).toContain("so git ignores the key");
		const done = await app.waitForText("All set.");
		expect(done).toContain("A fresh .env loader reads the key");
		expect(await app.waitForExit()).toBe(0);
		expect(readFileSync(`${sandbox.project}/.env`, "utf8")).toBe(`ANTHROPIC_API_KEY=${TEST_KEY}\n`);
		git(sandbox.project, sandbox.env, "check-ignore", "-q", ".env");
		expectNoLeak(app);
	});

	it("a tracked .env: the untrack question defaults to No and git keeps tracking it", async () => {
		const sandbox = repo(true);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["dotenv"] } });
		await pasteKey(app);
		const preview = await answer(app, "Write these changes?");
		expect(preview).toMatch(/git already tracks \S*\.env/);
		const asked = await answer(app, "Run it now?");
		expect(asked).toContain("git rm --cached");
		expect(asked).toContain("y/N");
		// The rules now cover .env, but a tracked file still goes into the next commit: say so.
		const done = await app.waitForText("not everything checks out");
		expect(done).toMatch(/✓ git ignores \S*\.env/);
		// The rule written and git's answer are one fact, said once.
		expect(done.match(/ignores/g)).toHaveLength(1);
		expect(done).toMatch(/git still tracks \S*\.env: your next commit would include the key/);
		expect(done).not.toContain("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(tracked(sandbox)).toBe(".env");
		expect(readFileSync(`${sandbox.project}/.env`, "utf8")).toBe(`DEBUG=1\nANTHROPIC_API_KEY=${TEST_KEY}\n`);
		expectNoLeak(app);
	});

	it("a tracked .env: y runs git rm --cached, the file stays on disk", async () => {
		const sandbox = repo(true);
		const app = renderApp({ sandbox, baseURL: fake.url, settings: { presetTargets: ["dotenv"] } });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await answer(app, "Run it now?", "y");
		const done = await app.waitForText("All set.");
		expect(done).toContain("✓ git no longer tracks the key file; commit that change.");
		expect(await app.waitForExit()).toBe(0);
		expect(tracked(sandbox)).toBe("");
		expect(readFileSync(`${sandbox.project}/.env`, "utf8")).toContain(`ANTHROPIC_API_KEY=${TEST_KEY}`);
		git(sandbox.project, sandbox.env, "check-ignore", "-q", ".env");
		expectNoLeak(app);
	});
});
