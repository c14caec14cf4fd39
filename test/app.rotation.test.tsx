// Rotation in the whole wizard over the real Node system in a temp HOME: the existing-key
// choice, the question about definitions claude-setup did not write, and what is kept.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { render } from "ink-testing-library";
import { describe, expect, it, vi } from "vitest";
import { App } from "../source/app.js";
import { removeBlock } from "../source/core/edit/block-edit.js";
import { commentOutLines } from "../source/core/edit/comment-out.js";
import type { System } from "../source/core/system.js";
import {
	answer,
	expectNoLeak,
	pasteKey,
	ROTATED_KEY,
	replaceExisting,
	STALE_KEY,
} from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { drive } from "./helpers/ink-driver.js";
import { type AppSettings, sandboxSystem } from "./helpers/render-app.js";
import { readBack, type Sandbox, TEST_KEY } from "./helpers/sandbox.js";

const OLDER_KEY = `sk-ant-api03-${"o".repeat(89)}OlDr`;
const ZSHRC = `# mine\nalias ll='ls -l'\nexport ANTHROPIC_API_KEY=${STALE_KEY}\nsetopt autocd\n`;
const BASH_PROFILE = `export ANTHROPIC_API_KEY="${OLDER_KEY}"\n`;
const EXISTING = "An Anthropic API key is already set:";

let fake: FakeAnthropic;
const suite = zshAppSuite([TEST_KEY, ROTATED_KEY, STALE_KEY], (started) => {
	fake = started;
});

/** A zsh user with a stale key in ~/.zshrc line 3 and an older one in ~/.bash_profile. */
function staleSandbox(): Sandbox {
	const sandbox = suite.newSandbox();
	writeFileSync(`${sandbox.home}/.zshrc`, ZSHRC);
	writeFileSync(`${sandbox.home}/.bash_profile`, BASH_PROFILE);
	return sandbox;
}

const read = (sandbox: Sandbox, name: string) => readFileSync(`${sandbox.home}/${name}`, "utf8");
const withoutOurBlock = (text: string) => {
	const removed = removeBlock(text);
	return removed.ok ? removed.text : text;
};

function start(sandbox: Sandbox, settings: Partial<AppSettings> = {}) {
	return suite.start(settings, sandbox).app;
}

/** Replace, paste the new key, take the default target: up to the question about the others. */
async function upToOthers(sandbox: Sandbox) {
	const app = start(sandbox);
	await replaceExisting(app, "sk-ant-api03-…StAl in ~/.zshrc line 3");
	const keyScreen = await app.waitForText("Paste your Anthropic API key");
	expect(keyScreen).toContain("Already set: sk-ant-api03-…StAl in ~/.zshrc line 3.");
	// Not claude-setup's: a new key does not replace it there (the next question is about it).
	expect(keyScreen).not.toContain("replaces");
	await pasteKey(app, ROTATED_KEY);
	await answer(app, "Where should the key go?");
	const question = await app.waitForText("Comment them out?");
	return { app, question };
}

describe("the existing-key choice", { timeout: 30_000 }, () => {
	it("appears when detection finds a key and nothing was typed; Quit writes nothing", async () => {
		const sandbox = staleSandbox();
		const app = start(sandbox);
		const frame = await app.waitForText(EXISTING);
		await app.waitForText("Quit");
		expect(app.lastFrame()).toContain("sk-ant-api03-…StAl in ~/.zshrc line 3");
		expect(app.lastFrame()).toContain("sk-ant-api03-…OlDr in ~/.bash_profile line 1");
		expect(app.frames()[0]).toContain("Paste your Anthropic API key");
		expect(frame).toContain("Keep it and test it");
		app.press("down");
		app.press("down");
		await app.waitForText("❯ Quit");
		app.press("enter");
		expect(await app.waitForExit()).toBe(0);
		expect(read(sandbox, ".zshrc")).toBe(ZSHRC);
		expect(read(sandbox, ".bash_profile")).toBe(BASH_PROFILE);
	});

	it("does not take over the screen from someone who started typing before detection finished", async () => {
		const sandbox = staleSandbox();
		// Detection waits for its commands (ps, zsh, git); hold them until the person has typed.
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => {
			release = resolve;
		});
		const real = sandboxSystem(sandbox, fake.url);
		const system: System = { ...real, run: async (...args) => gate.then(() => real.run(...args)) };
		const settings = {
			presetTargets: [],
			verify: true,
			dryRun: false,
			nodePath: process.execPath,
			parentPid: process.pid,
		};
		let exitCode: number | undefined;
		const app = drive(
			render(<App system={system} settings={settings} onExit={(code) => (exitCode = code)} />),
		);
		await app.waitForText("Paste your Anthropic API key");
		app.type(ROTATED_KEY.slice(0, 20));
		await app.waitForText("20 characters");
		release();
		// Detection has finished once the header names the shell.
		await app.waitForText(/(Linux|macOS) · zsh/);
		app.type(ROTATED_KEY.slice(20));
		await app.waitForText("Looks like an API key");
		expect(app.frames().some((frame) => frame.includes(EXISTING))).toBe(false);
		app.press("escape");
		await app.waitForText("Cancelled.");
		// The exit code is passed on in an effect, just after the frame is drawn.
		await vi.waitFor(() => expect(exitCode).toBe(130), { interval: 5 });
	});
});

describe("definitions claude-setup did not write", { timeout: 30_000 }, () => {
	it("are listed masked with file and line; n keeps them, and the revoke reminder still shows", async () => {
		const sandbox = staleSandbox();
		const { app, question } = await upToOthers(sandbox);
		expect(question).toContain("ANTHROPIC_API_KEY is also set in these places, not by claude-setup:");
		expect(question).toContain("! sk-ant-api03-…StAl in ~/.zshrc line 3");
		expect(question).toContain("! sk-ant-api03-…OlDr in ~/.bash_profile line 1");
		app.type("n");
		const preview = await app.waitForText("Write these changes?");
		expect(preview).not.toContain("~/.bash_profile");
		app.press("enter");
		// Its backup holds the old key: asked, and kept.
		await answer(app, "The old key is still in 1 backup.", "n");
		const done = await app.waitForText("All set.");
		expect(done).toContain("! The old key is still in 1 backup (kept, as you asked).");
		expect(done).toMatch(
			/The old keys \(sk-ant-api03-…StAl, sk-ant-api03-…OlDr\) were not checked: if they still work,/,
		);
		expect(await app.waitForExit()).toBe(0);
		expect(withoutOurBlock(read(sandbox, ".zshrc"))).toBe(ZSHRC);
		expect(read(sandbox, ".bash_profile")).toBe(BASH_PROFILE);
		// Ours comes after the stale line, so a new zsh gets the new key anyway.
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
		expectNoLeak(app);
	});

	it("y comments them out in every file, with the note", async () => {
		const sandbox = staleSandbox();
		const { app } = await upToOthers(sandbox);
		app.type("y");
		const preview = await app.waitForText("Write these changes?");
		expect(preview).toContain("~/.bash_profile");
		app.press("enter");
		await answer(app, "Delete the old key from them?", "n");
		const done = await app.waitForText("All set.");
		// The key went to ~/.zshrc only; ~/.bash_profile just lost its stale line.
		expect(done).toContain("Commented out the old definitions in ~/.bash_profile");
		expect(done).not.toContain("Saved to ~/.bash_profile");
		expect(await app.waitForExit()).toBe(0);
		expect(withoutOurBlock(read(sandbox, ".zshrc"))).toBe(commentOutLines(ZSHRC, [3]).text);
		expect(read(sandbox, ".bash_profile")).toBe(commentOutLines(BASH_PROFILE, [1]).text);
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
		expectNoLeak(app);
	});

	it("with preset targets the question is not asked; the preview lists them and they are commented out", async () => {
		const sandbox = staleSandbox();
		const app = start(sandbox, { presetTargets: ["zsh"] });
		await replaceExisting(app, "sk-ant-api03-…OlDr in ~/.bash_profile line 1");
		await pasteKey(app, ROTATED_KEY);
		const preview = await answer(app, "Write these changes?");
		expect(preview).toContain("# line 3: ANTHROPIC_API_KEY=sk-ant-api03-…StAl — commented out");
		expect(preview).toMatch(/~\/\.bash_profile[\s\S]*ANTHROPIC_API_KEY=sk-ant-api03-…OlDr — commented out/);
		await answer(app, "Delete the old key from them?", "n");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(app.frames().some((frame) => frame.includes("Comment them out?"))).toBe(false);
		expect(withoutOurBlock(read(sandbox, ".zshrc"))).toBe(commentOutLines(ZSHRC, [3]).text);
		expect(read(sandbox, ".bash_profile")).toBe(commentOutLines(BASH_PROFILE, [1]).text);
		expectNoLeak(app);
	});

	it("after Claude answered with the new key, yes deletes the old key's commented-out lines and the backups holding it", async () => {
		const sandbox = staleSandbox();
		const app = start(sandbox, { presetTargets: ["zsh"] });
		await replaceExisting(app, "sk-ant-api03-…OlDr in ~/.bash_profile line 1");
		await pasteKey(app, ROTATED_KEY);
		await answer(app, "Write these changes?");
		const question = await answer(app, "Delete the old key from them? y/N", "y");
		expect(question).toContain(
			"Claude answered with the new key. The old key is still in 2 commented-out lines and 2 backups.",
		);
		const done = await app.waitForText("All set.");
		expect(done).toContain(
			"✓ Deleted the old key from 2 commented-out lines and 2 backups; backups without it are kept.",
		);
		expect(await app.waitForExit()).toBe(0);
		for (const name of [".zshrc", ".bash_profile"]) {
			const text = read(sandbox, name);
			expect(text).not.toContain(STALE_KEY);
			expect(text).not.toContain(OLDER_KEY);
		}
		// Every other line of the person's file is still there, in its place.
		expect(withoutOurBlock(read(sandbox, ".zshrc"))).toBe("# mine\nalias ll='ls -l'\nsetopt autocd\n");
		// No file left anywhere under the sandbox (backups included) holds an old key.
		const grep = spawnSync("grep", ["-rl", "-e", STALE_KEY, "-e", OLDER_KEY, sandbox.root], {
			encoding: "utf8",
		});
		expect(grep.stdout).toBe("");
		expect(grep.status).toBe(1);
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
		expectNoLeak(app);
	});
});
