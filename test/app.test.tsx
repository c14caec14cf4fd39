// The whole wizard over the real Node system in a temp HOME: what the person sees, the
// files afterwards (read back by a fresh real zsh), and that no frame shows the key.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cleanup } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { removeBlock } from "../source/core/edit/block-edit.js";
import { commentOutLines, restoreCommentedLines } from "../source/core/edit/comment-out.js";
import {
	answer,
	expectNoLeak,
	OAUTH_TOKEN,
	pasteKey,
	ROTATED_KEY,
	replaceExisting,
	STALE_KEY,
	zshrc,
} from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { readBack, TEST_KEY } from "./helpers/sandbox.js";

let fake: FakeAnthropic;
const { start, newSandbox } = zshAppSuite([TEST_KEY, ROTATED_KEY], (started) => {
	fake = started;
});

describe("the whole wizard", { timeout: 30_000 }, () => {
	it("saves to ~/.zshrc with Enter at every question, and a fresh zsh reads it", async () => {
		const { app, sandbox } = start();
		await pasteKey(app);
		const targets = await answer(app, "Where should the key go?");
		expect(targets).toContain("❯ ~/.zshrc (your shell)");
		await answer(app, "Write these changes?");
		const done = await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(done).toContain("✓ Saved to ~/.zshrc");
		expect(done).toContain("✓ A fresh zsh reads the key from ~/.zshrc");
		expect(done).toMatch(/Claude replied in \d+ ms \(claude-haiku-5-5\)/);
		expect(statSync(`${sandbox.home}/.zshrc`).mode & 0o777).toBe(0o600);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			"HEAD /", // the connection opened while the key looked right, without it
			"GET /v1/models",
			"POST /v1/messages",
		]);
		expect(fake.requests[0]).toMatchObject({ authHeader: undefined, body: undefined });
		expect(Object.keys(fake.requests[0]?.headers ?? {})).not.toContain("authorization");
		expectNoLeak(app);
	});

	it("with preset targets asks only for the key and the preview", async () => {
		const { app, sandbox } = start({ presetTargets: ["zsh"] });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(app.frames().some((frame) => frame.includes("Where should the key go?"))).toBe(false);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expectNoLeak(app);
	});

	it("rotation: comments out the user's stale key (restorable), keeps every other byte, the new key wins", async () => {
		const sandbox = newSandbox();
		const before = `# mine\nalias ll='ls -l'\nexport ANTHROPIC_API_KEY=${STALE_KEY}\nsetopt autocd\n`;
		writeFileSync(`${sandbox.home}/.zshrc`, before, { mode: 0o644 });
		const { app } = start({ presetTargets: ["zsh"] }, sandbox);
		// The prompt comes first; when detection finds a key, the wizard offers to replace it.
		await replaceExisting(app, "sk-ant-api03-…StAl in ~/.zshrc line 3");
		await pasteKey(app);
		const preview = await answer(app, "Write these changes?");
		expect(preview).toContain("# line 3: ANTHROPIC_API_KEY=sk-ant-api03-…StAl — commented out");
		// Debian's /etc/skel makes it 0644: said in the preview, and made 0600.
		expect(preview.replace(/\s+/g, " ")).toContain(
			"~/.zshrc can be read by other users (0644): it is made 0600",
		);
		// Claude answered with the new key: deleting the old one's traces is offered (Enter keeps them).
		await answer(app, "Delete the old key from them? y/N");
		const done = await app.waitForText("All set.");
		expect(done).toContain(
			"! The old key is still in 1 commented-out line and 1 backup (kept, as you asked).",
		);
		expect(done).toContain("The old key (sk-ant-api03-…StAl) was not checked: if it still works, revoke it");
		expect(await app.waitForExit()).toBe(0);
		const after = zshrc(sandbox) ?? "";
		expect(after.startsWith(commentOutLines(before, [3]).text)).toBe(true);
		// And everything can be taken back: without our block and with the line restored, it is the original.
		const removed = removeBlock(after);
		expect(removed.ok && restoreCommentedLines(removed.text).text).toBe(before);
		expect(after.match(/# >>> claude-setup >>>/g)).toHaveLength(1);
		expect(statSync(`${sandbox.home}/.zshrc`).mode & 0o777).toBe(0o600);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		const backups = `${sandbox.home}/.local/state/claude-setup/backups`;
		const [backup] = readdirSync(backups);
		expect(readFileSync(`${backups}/${backup}`, "utf8")).toBe(before);
		expectNoLeak(app);
	});

	it("re-running with a new key replaces the block: one block, the new key", async () => {
		const sandbox = newSandbox();
		const first = start({ presetTargets: ["zsh"] }, sandbox).app;
		await pasteKey(first);
		await answer(first, "Write these changes?");
		expect(await first.waitForExit()).toBe(0);
		cleanup();
		const second = start({ presetTargets: ["zsh"] }, sandbox).app;
		await replaceExisting(second, "sk-ant-api03-…XwAA in ~/.zshrc");
		await pasteKey(second, ROTATED_KEY);
		const preview = await answer(second, "Write these changes?");
		expect(preview).toContain("Replace the claude-setup block in ~/.zshrc");
		expect(preview).toContain("export ANTHROPIC_API_KEY='sk-ant-api03-…NeWk'");
		await answer(second, "Delete the old key from them?", "n");
		await second.waitForText("All set.");
		expect(await second.waitForExit()).toBe(0);
		const after = zshrc(sandbox) ?? "";
		expect(after.match(/# >>> claude-setup >>>/g)).toHaveLength(1);
		expect(after).toContain(ROTATED_KEY);
		expect(after).not.toContain(TEST_KEY);
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
		expectNoLeak(first);
		expectNoLeak(second);
	});

	it("saves an OAuth token as CLAUDE_CODE_OAUTH_TOKEN without any API call, called a token, never 'All set'", async () => {
		const { app, sandbox } = start();
		await pasteKey(app, OAUTH_TOKEN);
		await answer(app, "CLAUDE_CODE_OAUTH_TOKEN instead?");
		const where = await answer(app, "Where should the token go?");
		expect(where).toContain("a Claude Code token, not checked");
		const preview = await answer(app, "Write these changes?");
		expect(preview).toContain("export CLAUDE_CODE_OAUTH_TOKEN='sk-ant-oat01-…ToKn'");
		const done = await app.waitForText("Token saved, not checked");
		expect(done).not.toContain("All set");
		expect(await app.waitForExit()).toBe(0);
		expect(done).not.toContain("Claude replied");
		expect(fake.requests).toHaveLength(0);
		const seen = execFileSync("zsh", ["-ic", 'printf "<<%s>>" "$CLAUDE_CODE_OAUTH_TOKEN"'], {
			env: sandbox.env,
			encoding: "utf8",
		});
		expect(seen).toContain(`<<${OAUTH_TOKEN}>>`);
		expect(zshrc(sandbox)).not.toContain("ANTHROPIC_API_KEY");
		expectNoLeak(app);
	});
});

describe("leaving without writing", { timeout: 30_000 }, () => {
	it("a dry run checks the key, shows the preview and writes nothing", async () => {
		const { app, sandbox } = start({ dryRun: true, presetTargets: ["zsh"] });
		await pasteKey(app);
		const preview = await answer(app, "Nothing will be written");
		expect(preview).toContain("Dry run — this is what would change:");
		await app.waitForText("Dry run finished: nothing was written.");
		expect(await app.waitForExit()).toBe(0);
		expect(existsSync(`${sandbox.home}/.zshrc`)).toBe(false);
		expectNoLeak(app);
	});

	it("n at the preview exits 130 and writes nothing", async () => {
		const { app, sandbox } = start({ presetTargets: ["zsh"] });
		await pasteKey(app);
		await answer(app, "Write these changes?", "n");
		await app.waitForText("Cancelled. Nothing was written.");
		expect(await app.waitForExit()).toBe(130);
		expect(readdirSync(sandbox.home)).toEqual([]);
		expectNoLeak(app);
	});

	it.each(["escape", "ctrl-c"] as const)("%s at the key screen exits 130", async (key) => {
		const { app, sandbox } = start();
		await app.waitForText("Paste your Anthropic API key");
		app.type(TEST_KEY.slice(0, 30));
		await app.waitForText("30 characters");
		app.press(key);
		await app.waitForText("Cancelled. Nothing was written.");
		expect(await app.waitForExit()).toBe(130);
		expect(readdirSync(sandbox.home)).toEqual([]);
		expectNoLeak(app);
	});

	it("a folder where ~/.zshrc should be: Cannot write there, exit 6", async () => {
		const sandbox = newSandbox();
		mkdirSync(`${sandbox.home}/.zshrc`);
		const { app } = start({ presetTargets: ["zsh"] }, sandbox);
		await pasteKey(app);
		const failed = await app.waitForText("Cannot write there");
		expect(failed).toContain("~/.zshrc is a folder, not a file");
		expect(await app.waitForExit()).toBe(6);
		expect(readdirSync(`${sandbox.home}/.zshrc`)).toEqual([]);
		expectNoLeak(app);
	});
});
