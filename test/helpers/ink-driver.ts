// Drives an ink-testing-library instance like a person at a keyboard: typed text, named
// keys as the escape codes a terminal sends, and waits that poll the rendered frames.
import { stripVTControlCharacters } from "node:util";
import type { render } from "ink-testing-library";

export type Instance = ReturnType<typeof render>;

export const KEY_CODES = {
	enter: "\r",
	escape: "\x1b",
	down: "\x1b[B",
	up: "\x1b[A",
	tab: "\t",
	"ctrl-c": "\x03",
	"ctrl-u": "\x15",
	backspace: "\x7f",
} as const;

export type KeyName = keyof typeof KEY_CODES;

export interface Driver {
	/** Sends text as one chunk, the way a paste arrives. */
	type(text: string): void;
	press(key: KeyName): void;
	/** The last frame, colours removed. */
	lastFrame(): string;
	/** Every frame so far, colours removed. */
	frames(): string[];
	/** How many frames were drawn so far, to wait for something drawn after this point. */
	mark(): number;
	/** Polls until the last frame (or, with `since`, any frame from that mark on) matches. */
	waitForText(text: string | RegExp, options?: { timeoutMs?: number; since?: number }): Promise<string>;
}

const POLL_MS = 10;

/** A frame as one line: Ink wraps long text at 100 columns, and tests look for sentences. */
export function flat(frame: string): string {
	return frame.replace(/\s*\n\s*/g, " ");
}

export function matches(frame: string, text: string | RegExp): boolean {
	return typeof text === "string" ? frame.includes(text) : text.test(frame);
}

export function drive(instance: Instance): Driver {
	const plain = (frame: string | undefined) => stripVTControlCharacters(frame ?? "");
	const frames = () => instance.frames.map(plain);
	return {
		type: (text) => instance.stdin.write(text),
		press: (key) => instance.stdin.write(KEY_CODES[key]),
		lastFrame: () => plain(instance.lastFrame()),
		frames,
		mark: () => instance.frames.length,
		async waitForText(text, { timeoutMs = 15_000, since } = {}) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const candidates = since === undefined ? [plain(instance.lastFrame())] : frames().slice(since);
				const found = candidates.find((frame) => matches(frame, text));
				if (found !== undefined) return found;
				if (Date.now() > deadline) {
					throw new Error(
						`Timed out waiting for ${String(text)}. Last frame:\n${plain(instance.lastFrame())}`,
					);
				}
				await new Promise((resolve) => setTimeout(resolve, POLL_MS));
			}
		},
	};
}
