// Times what a person sees in a real pseudo-terminal (xterm headless renders the output),
// to the millisecond: each chunk is checked as soon as the emulator has parsed it.
import pty from "@lydell/node-pty";
import xterm from "@xterm/headless";

export interface Screen {
	/** Resolves with the time (performance.now()) the text first became visible. */
	readonly seen: (text: string, timeoutMs?: number) => Promise<number>;
	/** Resolves with the time `bytes` first appeared in the raw output (escape codes included). */
	readonly written: (bytes: string, timeoutMs?: number) => Promise<number>;
	readonly write: (data: string) => void;
	readonly exited: Promise<number>;
	readonly kill: () => void;
}

export interface ScreenOptions {
	readonly env: Record<string, string>;
	readonly cwd: string;
}

export function openScreen(command: string, args: readonly string[], options: ScreenOptions): Screen {
	const cols = 100;
	const rows = 40;
	const emulator = new xterm.Terminal({ cols, rows, allowProposedApi: true });
	const waiters: { text: string; resolve: (at: number) => void }[] = [];
	const rawWaiters: { bytes: string; resolve: (at: number) => void }[] = [];
	let raw = "";
	const visible = () => {
		const buffer = emulator.buffer.active;
		const lines: string[] = [];
		for (let index = 0; index < buffer.length; index++)
			lines.push(buffer.getLine(index)?.translateToString(true) ?? "");
		return lines.join("\n");
	};
	const check = () => {
		if (waiters.length === 0) return;
		const now = performance.now();
		const screen = visible();
		for (const waiter of [...waiters]) {
			if (!screen.includes(waiter.text)) continue;
			waiters.splice(waiters.indexOf(waiter), 1);
			waiter.resolve(now);
		}
	};
	const child = pty.spawn(command, [...args], { name: "xterm-256color", cols, rows, ...options });
	child.onData((data) => {
		raw += data;
		const now = performance.now();
		for (const waiter of [...rawWaiters]) {
			if (!raw.includes(waiter.bytes)) continue;
			rawWaiters.splice(rawWaiters.indexOf(waiter), 1);
			waiter.resolve(now);
		}
		emulator.write(data, check);
	});
	const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
	return {
		seen: (text, timeoutMs = 15_000) =>
			new Promise<number>((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`"${text}" did not appear. Screen:\n${visible()}`)),
					timeoutMs,
				);
				waiters.push({
					text,
					resolve: (at) => {
						clearTimeout(timer);
						resolve(at);
					},
				});
				check();
			}),
		written: (bytes, timeoutMs = 15_000) =>
			new Promise<number>((resolve, reject) => {
				if (raw.includes(bytes)) return resolve(performance.now());
				const timer = setTimeout(
					() => reject(new Error(`${JSON.stringify(bytes)} was not written`)),
					timeoutMs,
				);
				rawWaiters.push({
					bytes,
					resolve: (at) => {
						clearTimeout(timer);
						resolve(at);
					},
				});
			}),
		write: (data) => child.write(data),
		exited,
		kill: () => child.kill(),
	};
}

/**
 * Milliseconds from spawning `command` in a fresh pseudo-terminal to `text` on its screen, and
 * (when given) to `bytes` in its raw output.
 */
export async function timeToText(
	command: string,
	args: readonly string[],
	text: string,
	options: ScreenOptions,
	bytes?: string,
): Promise<{ text: number; bytes: number }> {
	const started = performance.now();
	const screen = openScreen(command, args, options);
	const [textAt, bytesAt] = await Promise.all([screen.seen(text), bytes ? screen.written(bytes) : 0]);
	screen.kill();
	await screen.exited;
	return { text: textAt - started, bytes: bytes ? bytesAt - started : 0 };
}
