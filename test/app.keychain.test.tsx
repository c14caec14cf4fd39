// The keychain in the whole wizard over the real Node system: offered only when its probe (a
// real Secret Service started here, or no session bus at all) worked, never the default; after
// choosing it, "every new terminal" (a shell block) or "only when I ask" (no block, `run`).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderBlock } from "../source/core/edit/block-edit.js";
import { answer, expectNoLeak, pasteKey, replaceExisting, STALE_KEY } from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import type { AppHarness } from "./helpers/render-app.js";
import { readBack, type Sandbox, TEST_KEY } from "./helpers/sandbox.js";
import { type SecretService, silentBus, startSecretService } from "./helpers/secret-service.js";

const suite = zshAppSuite([TEST_KEY, STALE_KEY]);
const keyrings: SecretService[] = [];
afterAll(() => {
	for (const keyring of keyrings) keyring.stop();
});

/** A sandbox whose session has a real, unlocked Secret Service (its files in the sandbox's HOME). */
function keychainSandbox(): Sandbox {
	const sandbox = suite.newSandbox();
	const keyring = startSecretService(sandbox.home);
	keyrings.push(keyring);
	Object.assign(sandbox.env, {
		DBUS_SESSION_BUS_ADDRESS: keyring.env.DBUS_SESSION_BUS_ADDRESS,
		XDG_RUNTIME_DIR: keyring.env.XDG_RUNTIME_DIR,
	});
	return sandbox;
}

const lookup = (sandbox: Sandbox) =>
	execFileSync("secret-tool", ["lookup", "service", "claude-setup", "account", "ANTHROPIC_API_KEY"], {
		env: sandbox.env,
		encoding: "utf8",
	});

/** Files under HOME that hold the key in clear (the keyring's own files are encrypted). */
function clearCopies(sandbox: Sandbox, key = TEST_KEY): string[] {
	return readdirSync(sandbox.home, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name))
		.filter((path) => readFileSync(path, "latin1").includes(key));
}

/** Up to the target question; moves to "OS keychain" by its number and picks it. */
async function chooseKeychain(app: AppHarness, before?: string): Promise<string> {
	if (before) await replaceExisting(app, before);
	await pasteKey(app);
	const frame = await app.waitForText("OS keychain —");
	const options = frame
		.split("\n")
		.filter((line) => /^\s*(❯\s+)?\S/.test(line) && line.includes(" — "))
		.map((line) => line.trim());
	const position = options.findIndex((line) => line.includes("OS keychain"));
	// Offered last: never the default, never in the way of the shell files.
	expect(position).toBe(options.length - 1);
	expect(position).toBeGreaterThan(0);
	app.type(String(position + 1));
	await app.waitForText(/❯ OS keychain/);
	app.press("enter");
	return frame;
}

describe("the keychain in the wizard", { timeout: 60_000 }, () => {
	it("no session bus: not offered, named unavailable with the one-line reason", async () => {
		const { app } = suite.start();
		await pasteKey(app);
		const frame = await app.waitForText("OS keychain: not available here —");
		expect(frame).toMatch(/OS keychain: not available here — there is no session bus here/);
		expect(frame).not.toContain("OS keychain —");
		// The default stays the person's shell.
		expect(frame).toMatch(/❯ ~\/\.zshrc \(your shell\)/);
		app.press("enter");
		await answer(app, "Write these changes?");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
	});

	it("a keychain daemon that never answers: the list comes after the probe's deadline, keychain unavailable", async () => {
		const bus = await silentBus();
		try {
			const sandbox = suite.newSandbox();
			sandbox.env.DBUS_SESSION_BUS_ADDRESS = bus.env.DBUS_SESSION_BUS_ADDRESS ?? "";
			const { app } = suite.start({}, sandbox);
			await pasteKey(app);
			await app.waitForText("Checking whether the OS keychain works here…");
			const started = Date.now();
			const frame = await app.waitForText("OS keychain: not available here —", { timeoutMs: 15_000 });
			const waited = Date.now() - started;
			expect(frame.replace(/\s+/g, " ")).toContain("did not answer within 2.5 s");
			// One call's deadline (2.5 s), not D-Bus's 25 s.
			expect(waited).toBeLessThan(8_000);
			app.press("escape");
			expect(await app.waitForExit()).toBe(130);
		} finally {
			await bus.stop();
		}
	});

	it("a locked keyring: the keychain is not offered, and the reason says why", async () => {
		const sandbox = keychainSandbox();
		keyrings.at(-1)?.lock();
		const { app } = suite.start({}, sandbox);
		await pasteKey(app);
		const frame = await app.waitForText("OS keychain: not available here —", { timeoutMs: 15_000 });
		expect(frame.replace(/\s+/g, " ")).toContain(
			"the keyring is locked: log in to the desktop (or unlock it) and try again.",
		);
		expect(frame).not.toContain("OS keychain —");
		app.press("escape");
		expect(await app.waitForExit()).toBe(130);
	});

	it("a working keychain is offered last, not as the default; 'only when I ask' writes no shell block", async () => {
		const sandbox = keychainSandbox();
		const { app } = suite.start({}, sandbox);
		const targets = await chooseKeychain(app);
		expect(targets).toMatch(/❯ ~\/\.zshrc \(your shell\)/);
		expect(targets).not.toContain("not available");
		const question = await app.waitForText("When should your terminal get the key?");
		expect(question).toContain("❯ Every new terminal");
		app.press("down");
		await app.waitForText("❯ Only when I ask");
		app.press("enter");
		const preview = await app.waitForText("Write these changes?");
		expect(preview).not.toContain(".zshrc");
		app.press("enter");
		const done = await app.waitForText(/All set\.|not everything checks out/);
		expect(done).toContain("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(lookup(sandbox)).toBe(TEST_KEY);
		expect(
			existsSync(`${sandbox.home}/.zshrc`) ? readFileSync(`${sandbox.home}/.zshrc`, "utf8") : "",
		).not.toContain("claude-setup");
		expect(clearCopies(sandbox)).toEqual([]);
		expectNoLeak(app);
	});

	it("'every new terminal' (the default) adds the shell block: a new zsh reads the key from the keychain", async () => {
		const sandbox = keychainSandbox();
		const { app } = suite.start({}, sandbox);
		await chooseKeychain(app);
		await answer(app, "When should your terminal get the key?");
		const preview = await app.waitForText("Write these changes?");
		expect(preview).toContain(".zshrc");
		app.press("enter");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(lookup(sandbox)).toBe(TEST_KEY);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expect(clearCopies(sandbox)).toEqual([]);
		expectNoLeak(app);
	});

	it("'only when I ask' over an earlier clear-text block: the preview removes it, a new zsh gets no key", async () => {
		const sandbox = keychainSandbox();
		const mine = "# mine\nalias ll='ls -l'\n";
		const block = renderBlock("posix", [{ name: "ANTHROPIC_API_KEY", value: STALE_KEY }]).join("\n");
		writeFileSync(`${sandbox.home}/.zshrc`, `${mine}${block}\n`);
		const { app } = suite.start({}, sandbox);
		await chooseKeychain(app, "sk-ant-api03-…StAl in ~/.zshrc");
		await app.waitForText("When should your terminal get the key?");
		app.press("down");
		await app.waitForText("❯ Only when I ask");
		app.press("enter");
		const preview = await app.waitForText("Write these changes?");
		expect(preview).toMatch(
			/Remove the claude-setup block from ~\/\.zshrc: new terminals stop\s+loading the key/,
		);
		// The lines that go, the old key masked.
		expect(preview).toContain("- # >>> claude-setup >>>");
		expect(preview).toContain("- export ANTHROPIC_API_KEY='sk-ant-api03-…StAl'");
		expect(preview).not.toContain("secret-tool lookup");
		app.press("enter");
		// The old key lived in the block: its backup is the one copy left, offered for deletion.
		await answer(app, "Delete the old key from them?", "y");
		const done = await app.waitForText(/All set\.|not everything checks out/);
		expect(done).toContain("Removed the claude-setup block from ~/.zshrc");
		expect(done).not.toMatch(/A fresh zsh reads/);
		expect(done).toMatch(/New terminals do not load the key: `claude-setup run -- <command>`/);
		expect(done).toContain("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readFileSync(`${sandbox.home}/.zshrc`, "utf8")).toBe(mine);
		expect(readBack("zsh", sandbox)).toBe("");
		expect(lookup(sandbox)).toBe(TEST_KEY);
		expect(clearCopies(sandbox)).toEqual([]);
		expect(clearCopies(sandbox, STALE_KEY)).toEqual([]);
		expectNoLeak(app);
	});
});
