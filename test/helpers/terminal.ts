// Runs the built CLI in a real pseudo-terminal and renders its output with a real
// terminal emulator (xterm headless), so tests read the screen a person would see.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";
import { execa } from "execa";
import type { Sandbox } from "./sandbox.js";

// Tests and npm scripts run from the project root.
export const CLI_PATH = resolve(process.cwd(), "dist/cli.cjs");

export const KEYS = {
	enter: "\r",
	escape: "\x1b",
	ctrlC: "\x03",
	down: "\x1b[B",
	up: "\x1b[A",
	backspace: "\x7f",
} as const;

/** The built CLI saving `key` to ~/.zshrc with no questions (`--key-stdin --no-verify`); output collected as it comes. */
export function spawnSaveToZsh(sandbox: Sandbox, key: string) {
	const child = spawn(process.execPath, [CLI_PATH, "--key-stdin", "--no-verify", "--target", "zsh"], {
		cwd: sandbox.cwd,
		env: sandbox.env,
		stdio: ["pipe", "pipe", "pipe"],
	});
	let output = "";
	const collect = (chunk: Buffer) => {
		output += String(chunk);
	};
	child.stdout.on("data", collect);
	child.stderr.on("data", collect);
	child.stdin.end(key);
	return { child, output: () => output };
}

/**
 * The built CLI without a terminal: `input` on stdin, the sandbox's environment only, never throws.
 * Async on purpose: a fake API living in the test's process must keep answering.
 */
export function runCli(
	sandbox: Sandbox,
	args: readonly string[],
	input = "",
	env: Record<string, string> = {},
) {
	return execa(process.execPath, [CLI_PATH, ...args], {
		input,
		cwd: sandbox.project,
		env: { ...sandbox.env, ...env },
		extendEnv: false,
		reject: false,
	});
}

type Wanted = string | RegExp;
const found = (wanted: Wanted, text: string) =>
	typeof wanted === "string" ? text.includes(wanted) : wanted.test(text);

export interface TerminalOptions {
	readonly env: Record<string, string>;
	readonly cwd: string;
	readonly cols?: number;
	readonly rows?: number;
	/** Runs as the very first output arrives, before anything else sees it. */
	readonly onFirstChunk?: () => void;
}

export interface Terminal {
	/** Everything written to the terminal, raw (with escape codes). */
	readonly output: () => string;
	/** The screen as drawn so far, one line per row, trailing spaces trimmed. */
	readonly screen: () => string;
	/** Resolves once the emulator has drawn every chunk received so far. */
	readonly drawn: () => Promise<void>;
	/** Resolves with the time (performance.now()) the text first became visible, checked at every chunk. */
	readonly seen: (text: Wanted, timeoutMs?: number) => Promise<number>;
	/** Resolves with the time `bytes` first appeared in the raw output (escape codes included). */
	readonly written: (bytes: Wanted, timeoutMs?: number) => Promise<number>;
	readonly write: (data: string) => void;
	/** The exit code, once everything received has been drawn. */
	readonly exited: Promise<number>;
	readonly kill: () => void;
	/** Sends a signal to the program itself (as `kill -TERM <pid>` would). */
	readonly signal: (name: NodeJS.Signals) => void;
}

function screenText(emulator: xterm.Terminal): string {
	const buffer = emulator.buffer.active;
	const lines: string[] = [];
	for (let index = 0; index < buffer.length; index++) {
		lines.push(buffer.getLine(index)?.translateToString(true) ?? "");
	}
	return lines.join("\n");
}

/** Promises resolved, with the time, as soon as `current()` holds what each waits for. */
function watch(current: () => string, shown: (text: string) => string) {
	const waiting: { wanted: Wanted; resolve: (at: number) => void }[] = [];
	const check = () => {
		if (waiting.length === 0) return;
		const at = performance.now();
		const text = current();
		for (const waiter of [...waiting]) {
			if (!found(waiter.wanted, text)) continue;
			waiting.splice(waiting.indexOf(waiter), 1);
			waiter.resolve(at);
		}
	};
	const until = (wanted: Wanted, timeoutMs = 15_000) =>
		new Promise<number>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`Timed out waiting for ${String(wanted)}. ${shown(current())}`)),
				timeoutMs,
			);
			waiting.push({
				wanted,
				resolve: (at) => {
					clearTimeout(timer);
					resolve(at);
				},
			});
			check();
		});
	return { check, until };
}

export function openTerminal(command: string, args: readonly string[], options: TerminalOptions): Terminal {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 40;
	const emulator = new xterm.Terminal({ cols, rows, allowProposedApi: true });
	const child = pty.spawn(command, [...args], {
		// node-pty sets TERM to this name: a test that sets TERM (TERM=dumb) gets its own.
		name: options.env.TERM ?? "xterm-256color",
		cols,
		rows,
		cwd: options.cwd,
		env: options.env,
	});
	let raw = "";
	let pending = Promise.resolve();
	const screen = () => screenText(emulator);
	const rawWatch = watch(
		() => raw,
		(text) => `Output:\n${JSON.stringify(text)}`,
	);
	const screenWatch = watch(screen, (text) => `Screen:\n${text}`);
	child.onData((data) => {
		if (raw === "") options.onFirstChunk?.();
		raw += data;
		rawWatch.check();
		pending = new Promise((resolve) =>
			emulator.write(data, () => {
				screenWatch.check();
				resolve();
			}),
		);
	});
	const drawn = () => pending;
	const exitCode = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
	return {
		output: () => raw,
		screen,
		drawn,
		seen: screenWatch.until,
		written: rawWatch.until,
		write: (data) => child.write(data),
		exited: exitCode.then(async (code) => {
			await drawn();
			return code;
		}),
		kill: () => child.kill(),
		signal: (name) => process.kill(child.pid, name),
	};
}

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

/** The built CLI with `args` in a pseudo-terminal; waitForText gives up as soon as the CLI has exited. */
export function runInTerminal(
	args: readonly string[],
	options: { env: Record<string, string>; cwd: string; cols?: number; rows?: number },
): TerminalRun {
	const terminal = openTerminal(process.execPath, [CLI_PATH, ...args], options);
	const screen = () => terminal.screen().replace(/\n+$/, "");

	const waitForText = async (text: string | RegExp, timeoutMs = 15_000) => {
		const ended = terminal.exited.then(() => {
			if (!found(text, screen()))
				throw new Error(`The CLI exited without showing ${String(text)}. Screen:\n${screen()}`);
		});
		await Promise.race([terminal.seen(text, timeoutMs), ended]);
		return screen();
	};

	return {
		output: terminal.output,
		screen,
		write: terminal.write,
		waitForText,
		exited: terminal.exited,
		kill: terminal.kill,
		signal: terminal.signal,
	};
}

/** Pastes `pasted` and presses Enter (and Enter on where the key goes, when asked), then waits for the preview. */
/** `until`: the screen to stop at, when it is not the preview. */
export async function pasteToPreview(
	run: TerminalRun,
	pasted: string,
	until: string = "Write these changes?",
): Promise<void> {
	await run.waitForText("Paste your Anthropic API key");
	run.write(pasted);
	await run.waitForText("Looks like an API key");
	run.write(KEYS.enter);
	const next = await run.waitForText(/Where should the key go\?|Write these changes\?/);
	if (!next.includes("Where should the key go?")) return;
	run.write(KEYS.enter);
	await run.waitForText(until);
}
