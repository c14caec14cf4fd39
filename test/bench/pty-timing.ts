// Times what a person sees in a real pseudo-terminal (xterm headless renders the output),
// to the millisecond: each chunk is checked as soon as the emulator has parsed it.
import { openTerminal } from "../helpers/terminal.js";

/**
 * Milliseconds from spawning `command` in a fresh pseudo-terminal to `text` on its screen, and
 * (when given) to `bytes` in its raw output.
 */
export async function timeToText(
	command: string,
	args: readonly string[],
	text: string,
	options: { readonly env: Record<string, string>; readonly cwd: string },
	bytes?: string,
): Promise<{ text: number; bytes: number }> {
	const started = performance.now();
	const screen = openTerminal(command, args, options);
	const [textAt, bytesAt] = await Promise.all([screen.seen(text), bytes ? screen.written(bytes) : 0]);
	screen.kill();
	await screen.exited;
	return { text: textAt - started, bytes: bytes ? bytesAt - started : 0 };
}
