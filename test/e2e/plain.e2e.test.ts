// Accessible mode in a real pseudo-terminal: --plain, or TERM=dumb. Each screen is printed once,
// each question on a line of its own, answers typed as words and said back; nothing is redrawn
// or animated (no cursor movement, no erased lines, no spinner), so a screen reader reads each
// line once. The key itself is never shown.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeApiSuite } from "../helpers/e2e-suite.js";
import { readBack, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { KEYS, runInTerminal } from "../helpers/terminal.js";

const suite = fakeApiSuite();
const sandboxFor = (shell: string) => suite.sandbox(shell);

/** What would redraw or animate: cursor up, erase line, cursor to column, hide cursor, a spinner frame. */
const ESC = "\u001b";
const REDRAW = [`${ESC}\\[\\d*A`, `${ESC}\\[2K`, `${ESC}\\[\\d*G`, `${ESC}\\[\\?25l`, "[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]"].map(
	(source) => new RegExp(source),
);

function expectNoRedraw(output: string) {
	for (const pattern of REDRAW) expect(output).not.toMatch(pattern);
}

describe("accessible mode", { timeout: 60_000 }, () => {
	it.each([
		["--plain", ["--plain"], {}],
		["TERM=dumb", [], { TERM: "dumb" }],
	])("%s: one question per line, answers as words, the key saved and proven", async (_, args, env) => {
		const sandbox = sandboxFor("zsh");
		const run = runInTerminal(args, { ...sandbox, env: { ...sandbox.env, ...env } });
		await run.waitForText("Key (hidden, then Enter):");
		run.write(`${TEST_KEY}${KEYS.enter}`);
		await run.waitForText("→ an API key: sk-ant-api03-…XwAA");
		const target = await run.waitForText("Type a number or a name (Enter: ~/.zshrc (your shell)):");
		expect(target).toMatch(/ {2}1\. ~\/\.zshrc \(your shell\) — every new zsh terminal \(default\)/);
		expect(target).toMatch(/ {2}2\. ~\/\.bashrc — every new bash terminal/);
		run.write(`9${KEYS.enter}`);
		await run.waitForText('"9" is not one of them: type 1 to');
		run.write(`zsh${KEYS.enter}`);
		await run.waitForText("→ ~/.zshrc (your shell)");
		await run.waitForText("Write these changes? (yes or no; Enter: yes)");
		run.write(`maybe${KEYS.enter}`);
		await run.waitForText("Please type yes or no.");
		run.write(`yes${KEYS.enter}`);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		const output = run.output();
		expectNoRedraw(output);
		expect(output).not.toContain(SECRET_PART);
		// Said once each, in order, as a screen reader would read them.
		expect(output.match(/Where should the key go\?/g)).toHaveLength(1);
		expect(output.indexOf("→ yes")).toBeGreaterThan(output.indexOf("Write these changes?"));
	});

	it("a key that is not right is said, and asked for again; no at the preview cancels (130)", async () => {
		const sandbox = sandboxFor("bash");
		const run = runInTerminal(["--plain", "--target", "bash"], sandbox);
		await run.waitForText("Key (hidden, then Enter):");
		run.write(`hello${KEYS.enter}`);
		await run.waitForText("✗");
		run.write(`${TEST_KEY}${KEYS.enter}`);
		await run.waitForText("Type yes or no:");
		run.write(`n${KEYS.enter}`);
		await run.waitForText("→ no");
		expect(await run.exited).toBe(130);
		expect(run.screen()).toContain("Nothing was written.");
		expectNoRedraw(run.output());
		expect(run.output()).not.toContain("hello");
	});

	it("a subscription login: the billing question is a numbered choice; 1 keeps the key in the project .env", async () => {
		const sandbox = sandboxFor("zsh");
		mkdirSync(join(sandbox.home, ".claude"));
		writeFileSync(join(sandbox.home, ".claude", ".credentials.json"), "{}\n");
		const run = runInTerminal(["--plain", "--target", "zsh"], sandbox);
		await run.waitForText("Key (hidden, then Enter):");
		run.write(`${TEST_KEY}${KEYS.enter}`);
		const asked = await run.waitForText("Keep Claude Code on your subscription?");
		expect(asked).toMatch(/ {2}1\. Save it in this project's \.env instead \(recommended\)/);
		await run.waitForText("Type a number or a name");
		run.write(`1${KEYS.enter}`);
		await run.waitForText("Write these changes? (yes or no; Enter: yes)");
		run.write(`yes${KEYS.enter}`);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(existsSync(join(sandbox.home, ".zshrc"))).toBe(false);
		expect(existsSync(join(sandbox.project, ".env"))).toBe(true);
		expectNoRedraw(run.output());
	});

	it("Ctrl-C at the hidden key prompt leaves: exit 130, nothing written", async () => {
		const sandbox = sandboxFor("zsh");
		const run = runInTerminal(["--plain"], sandbox);
		await run.waitForText("Key (hidden, then Enter):");
		run.write(`sk-ant${KEYS.ctrlC}`);
		expect(await run.exited).toBe(130);
		expect(run.screen()).toContain("Cancelled. Nothing was written.");
	});

	it("Ctrl-C at a question (the terminal's own line mode: a signal) says what it means: exit 130", async () => {
		const sandbox = sandboxFor("zsh");
		const run = runInTerminal(["--plain"], sandbox);
		await run.waitForText("Key (hidden, then Enter):");
		run.write(`${TEST_KEY}${KEYS.enter}`);
		await run.waitForText("Type a number or a name");
		run.write(KEYS.ctrlC);
		expect(await run.exited).toBe(130);
		expect(run.screen()).toContain("Cancelled. Nothing was written.");
		expect(run.output()).not.toContain(SECRET_PART);
	});
});
