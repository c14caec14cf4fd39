// The prompt drawn by the first lines of the bundle, before Ink loads (source/first-frame.ts):
// it must be Ink's own first frame byte for byte, be replaced in the same write as Ink's frame,
// keep a key pasted at once hidden and hand it to the wizard, and stay out of narrow terminals.
import { readdirSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { BRACKETED_PASTE_ON, eraseLines } from "../../source/first-frame.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, KEYS, openTerminal } from "../helpers/terminal.js";

const PROMPT = "Paste your Anthropic API key";
const BEGIN_SYNC = "\u001B[?2026h";
const END_SYNC = "\u001B[?2026l";
const HIDE_CURSOR = "\u001B[?25l";

const sandboxes: Sandbox[] = [];
afterAll(() => {
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

/** The built CLI in a real pseudo-terminal; `onFirstChunk` runs as the very first output arrives. */
function start(options: { cols?: number; env?: Record<string, string>; onFirstChunk?: () => void } = {}) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: "http://127.0.0.1:9" });
	sandboxes.push(sandbox);
	const terminal = openTerminal(process.execPath, [CLI_PATH], {
		cwd: sandbox.project,
		env: { ...sandbox.env, ...options.env },
		cols: options.cols,
		rows: 30,
		onFirstChunk: options.onFirstChunk,
	});
	const screen = async () => {
		await terminal.drawn();
		return terminal.screen();
	};
	return { ...terminal, sandbox, screen };
}

/** The frame drawn before Ink, and Ink's first frame, cut out of the raw output. */
function frames(output: string) {
	const handOver = output.indexOf(BEGIN_SYNC);
	// Bracketed paste is turned on as the frame is drawn (it draws nothing).
	const early = output.slice(0, handOver).replace(BRACKETED_PASTE_ON, "");
	const afterHandOver = output.slice(handOver);
	const inkStart = afterHandOver.indexOf(HIDE_CURSOR) + HIDE_CURSOR.length;
	const ink = afterHandOver.slice(inkStart, afterHandOver.indexOf(END_SYNC, inkStart));
	return { early, afterHandOver, ink };
}

describe("the prompt before Ink loads", { timeout: 30_000 }, () => {
	it.each([
		["a 256-colour terminal", {}, "\u001B[38;5;174m"],
		["a true-colour terminal", { COLORTERM: "truecolor" }, "\u001B[38;2;217;119;87m"],
		["CI=true set in a person's terminal", { CI: "true" }, "\u001B[38;5;174m"],
		["NO_COLOR", { NO_COLOR: "1" }, undefined],
	])("is Ink's first frame byte for byte, erased in Ink's first write (%s)", async (_, env, titleColour) => {
		const run = start({ env });
		await run.written(END_SYNC);
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
		const { early, afterHandOver, ink } = frames(run.output());
		expect(early).toContain(PROMPT);
		expect(early.split("\r\n")).toHaveLength(6); // five lines, each ended
		// The erase opens the synchronized update that Ink's own first write continues.
		expect(afterHandOver.startsWith(`${BEGIN_SYNC}${eraseLines(5)}${BEGIN_SYNC}`)).toBe(true);
		expect(ink).toBe(early);
		if (titleColour) expect(early).toContain(`${titleColour}claude-setup`);
		else expect(early).not.toContain("\u001B[");
	});

	it("keeps a key pasted at once hidden, and the wizard reads it", async () => {
		let pastedBeforeInk = false;
		const run = start({
			onFirstChunk: () => {
				// The very first output is our frame: Ink has not even started to load.
				pastedBeforeInk = true;
				run.write(TEST_KEY);
			},
		});
		await run.written("Looks like an API key");
		expect(pastedBeforeInk).toBe(true);
		expect(frames(run.output()).early).toContain(PROMPT);
		const screen = await run.screen();
		expect(screen).toContain(`${TEST_KEY.length} characters`);
		expect(screen).toContain("Looks like an API key: sk-ant-api03-…XwAA");
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
		expect(run.output()).not.toContain(SECRET_PART);
	});

	it("takes a Ctrl-C typed before Ink loads as the cancel it is: exit 130, nothing written", async () => {
		const run = start({ onFirstChunk: () => run.write(KEYS.ctrlC) });
		expect(await run.exited).toBe(130);
		expect(await run.screen()).toContain("Cancelled. Nothing was written.");
		expect(readdirSync(run.sandbox.home)).not.toContain(".zshrc");
	});

	it.each([
		["SIGTERM", 143],
		["SIGHUP", 129],
	] as const)(
		"%s as the early prompt appears: exit %i, terminal given back, nothing written",
		async (signal, code) => {
			const run = start({ onFirstChunk: () => run.signal(signal) });
			expect(await run.exited).toBe(code);
			// Given back by the early prompt's own cleanup, or by Ink's if Ink got to draw meanwhile.
			expect(run.output().trimEnd().endsWith("\u001B[?25h")).toBe(true);
			expect(readdirSync(run.sandbox.home)).not.toContain(".zshrc");
		},
	);

	it("is left to Ink in a terminal too narrow for it (nothing would wrap the same way)", async () => {
		const run = start({ cols: 60 });
		await run.written(PROMPT);
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
		// The first thing written is Ink's own first frame.
		expect(run.output().startsWith(`${BEGIN_SYNC}${HIDE_CURSOR} `)).toBe(true);
	});
});
