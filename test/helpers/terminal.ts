// Runs the built CLI in a real pseudo-terminal and renders its output with a real
// terminal emulator (xterm headless), so tests read the screen a person would see.
import { resolve } from "node:path";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";

// Tests and npm scripts run from the project root.
export const CLI_PATH = resolve(process.cwd(), "dist/cli.js");

export const KEYS = {
	enter: "\r",
	escape: "\x1b",
	ctrlC: "\x03",
	down: "\x1b[B",
	up: "\x1b[A",
	backspace: "\x7f",
} as const;

export interface TerminalRun {
	/** Everything written to the terminal, raw (with escape codes). */
	readonly output: () => string;
	/** The visible screen as plain text lines, trailing spaces trimmed. */
	readonly screen: () => string;
	readonly write: (data: string) => void;
	readonly waitForText: (text: string | RegExp, timeoutMs?: number) => Promise<string>;
	readonly exited: Promise<number>;
	readonly kill: () => void;
	/** Sends a signal to the program itself (as `kill -TERM <pid>` would). */
	readonly signal: (name: NodeJS.Signals) => void;
}

export function runInTerminal(
	args: readonly string[],
	options: { env: Record<string, string>; cwd: string; cols?: number; rows?: number },
): TerminalRun {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 40;
	const emulator = new xterm.Terminal({ cols, rows, allowProposedApi: true });
	const child = pty.spawn(process.execPath, [CLI_PATH, ...args], {
		name: "xterm-256color",
		cols,
		rows,
		cwd: options.cwd,
		env: options.env,
	});
	let raw = "";
	let pending = Promise.resolve();
	child.onData((data) => {
		raw += data;
		pending = new Promise((resolve) => emulator.write(data, resolve));
	});
	const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
	let done = false;
	void exited.then(() => {
		done = true;
	});

	const screen = () => {
		const buffer = emulator.buffer.active;
		const lines: string[] = [];
		for (let index = 0; index < buffer.length; index++) {
			lines.push(buffer.getLine(index)?.translateToString(true) ?? "");
		}
		return lines.join("\n").replace(/\n+$/, "");
	};

	const waitForText = async (text: string | RegExp, timeoutMs = 15_000) => {
		const deadline = Date.now() + timeoutMs;
		const matches = (value: string) => (typeof text === "string" ? value.includes(text) : text.test(value));
		for (;;) {
			await pending;
			const current = screen();
			if (matches(current)) return current;
			if (done || Date.now() > deadline) {
				throw new Error(`Timed out waiting for ${String(text)}. Screen:\n${current}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};

	return {
		output: () => raw,
		screen,
		write: (data) => child.write(data),
		waitForText,
		exited: exited.then(async (code) => {
			await pending;
			return code;
		}),
		kill: () => child.kill(),
		signal: (name) => process.kill(child.pid, name),
	};
}
