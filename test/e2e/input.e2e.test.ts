// Keys that arrive in one read act in order, in the built CLI in a real pseudo-terminal: SSH,
// tmux and fast typists deliver "Down Down Enter" at once, and what is typed while the program
// starts reaches the wizard in one read when Ink takes over from the early frame.
import { describe, expect, it } from "vitest";
import { BRACKETED_PASTE_OFF } from "../../source/first-frame.js";
import { fakeApiSuite } from "../helpers/e2e-suite.js";
import { readBack, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, KEYS, openTerminal, runInTerminal } from "../helpers/terminal.js";

const suite = fakeApiSuite();
const sandboxFor = (baseURL?: string) => suite.sandbox("zsh", baseURL);

/** The option lines of the choice on screen, without the focus mark. */
function options(screen: string, question: string): string[] {
	const lines = screen.split("\n");
	const start = lines.findIndex((line) => line.includes(question));
	const rest = lines.slice(start + 1);
	const end = rest.findIndex((line) => !/^\s+(❯ )?\S/.test(line) || line.includes("↑/↓"));
	return rest.slice(0, end).map((line) => line.replace("❯", "").trim());
}

describe("keys read together, in a pseudo-terminal", { timeout: 60_000 }, () => {
	it("Down, Down, Enter in one write on the target screen: the preview is the third target's", async () => {
		const sandbox = sandboxFor();
		const run = runInTerminal([], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		const targets = options(await run.waitForText("↑/↓ to move"), "Where should the key go?");
		const third = targets[2]?.split(" ")[0] ?? "";
		expect(third).toBe("~/.config/fish/conf.d/claude-setup.fish");
		run.write(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
		const preview = await run.waitForText("Write these changes?");
		expect(preview).toContain(third);
		expect(preview).not.toContain("~/.zshrc");
		run.write(KEYS.enter);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(readBack("fish", sandbox)).toBe(TEST_KEY);
	});

	it("Down+Enter in one write on the error menu runs the second choice", async () => {
		const sandbox = sandboxFor("http://127.0.0.1:9");
		const run = runInTerminal(["--target", "zsh"], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		const menu = await run.waitForText("Quit without saving");
		expect(menu).toMatch(/❯ Try again\n\s+Save the key without checking it\n\s+Quit without saving/);
		run.write(`${KEYS.down}${KEYS.enter}`);
		const preview = await run.waitForText("Write these changes?");
		expect(preview).not.toContain("Still failing");
		run.write(KEYS.enter);
		await run.waitForText(/Saved to ~\/\.zshrc/);
		await run.exited;
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
	});

	it("a key and Enter typed before Ink takes over are submitted once, the key as typed", async () => {
		const sandbox = sandboxFor();
		const before = suite.api().requests.length;
		let typedEarly = false;
		const terminal = openTerminal(process.execPath, [CLI_PATH, "--target", "zsh"], {
			cwd: sandbox.project,
			env: sandbox.env,
			onFirstChunk: () => {
				// The very first output is the early frame: Ink has not started to load.
				typedEarly = true;
				terminal.write(`${TEST_KEY}${KEYS.enter}`);
			},
		});
		await terminal.seen("Write these changes?", 20_000);
		expect(typedEarly).toBe(true);
		const screen = terminal.screen();
		expect(screen).toContain("sk-ant-api03-…XwAA · accepted by the API");
		expect(terminal.output()).not.toContain("cleaned");
		expect(terminal.output()).not.toContain("109 characters");
		// One check of the key, not two (nor a second Enter needed).
		const checks = suite
			.api()
			.requests.slice(before)
			.filter((request) => request.path.startsWith("/v1/models"));
		expect(checks).toHaveLength(1);
		terminal.write(KEYS.enter);
		await terminal.seen("All set.");
		expect(await terminal.exited).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expect(terminal.output()).not.toContain(SECRET_PART);
	});

	it("a bracketed paste keeps a line break inside the key as part of it; the Enter after it submits", async () => {
		const sandbox = sandboxFor();
		const run = runInTerminal(["--target", "zsh"], sandbox);
		await run.waitForText("Paste your Anthropic API key");
		const cut = 40;
		run.write(`\u001b[200~${TEST_KEY.slice(0, cut)}\r${TEST_KEY.slice(cut)}\u001b[201~`);
		await run.waitForText("Looks like an API key");
		// The line break was part of the paste; the count is of the key it cleaned.
		expect(run.screen()).toContain(`${TEST_KEY.length} characters (${TEST_KEY.length + 1} pasted)`);
		run.write(KEYS.enter);
		await run.waitForText("Write these changes?");
		run.write(KEYS.enter);
		await run.waitForText("All set.");
		expect(await run.exited).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		// The terminal is given back without bracketed paste.
		expect(run.output()).toContain(BRACKETED_PASTE_OFF);
	});
});
