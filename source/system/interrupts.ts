// SIGINT, SIGTERM and SIGHUP at any moment: a write under way finishes (or is put back)
// first, commands still running are ended, the terminal is given back (Ink's unmount
// restores raw mode and shows the cursor), and the exit code says which signal it was.

import { stopRunningCommands } from "./running-commands.js";
import { stopTakingLocks, whenWritesDone } from "./write-activity.js";

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

/** A write is milliseconds; a Windows user variable is set by PowerShell, which can take seconds. */
const WRITE_WAIT_MS = 15_000;

export interface InterruptOptions {
	readonly process?: Pick<NodeJS.Process, "on" | "off">;
	readonly exit?: (code: number) => void;
	readonly waitForWrites?: () => Promise<void>;
	readonly writeWaitMs?: number;
}

export type Cleanup = (signal: HandledSignal) => void | Promise<void>;

export interface Interrupts {
	/** What to undo (unmount Ink) or say (--json) before exiting; replaces the previous one. */
	setCleanup(cleanup: Cleanup | undefined): void;
	/** Removes the handlers (the run ended normally). */
	dispose(): void;
}

export function handleInterrupts(options: InterruptOptions = {}): Interrupts {
	const target = options.process ?? process;
	const exit = options.exit ?? ((code: number) => process.exit(code));
	const waitForWrites = options.waitForWrites ?? whenWritesDone;
	let cleanup: Cleanup | undefined;
	let stopping = false;

	const stop = async (signal: HandledSignal) => {
		// A second signal while stopping changes nothing: the write in progress must finish.
		if (stopping) return;
		stopping = true;
		stopTakingLocks();
		let timer: NodeJS.Timeout | undefined;
		const givingUp = new Promise<void>((resolve) => {
			timer = setTimeout(resolve, options.writeWaitMs ?? WRITE_WAIT_MS);
		});
		await Promise.race([waitForWrites(), givingUp]);
		clearTimeout(timer);
		stopRunningCommands();
		try {
			await cleanup?.(signal);
		} catch {
			// Exiting anyway; the exit code still tells what happened.
		}
		exit(SIGNAL_EXIT_CODES[signal]);
	};

	const listeners = Object.fromEntries(
		(Object.keys(SIGNAL_EXIT_CODES) as HandledSignal[]).map((signal) => [signal, () => void stop(signal)]),
	) as Record<HandledSignal, () => void>;
	for (const [signal, listener] of Object.entries(listeners)) target.on(signal, listener);

	return {
		setCleanup(next) {
			cleanup = next;
		},
		dispose() {
			for (const [signal, listener] of Object.entries(listeners)) target.off(signal, listener);
		},
	};
}
