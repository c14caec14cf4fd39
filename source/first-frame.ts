// The key prompt, drawn by the first lines of the bundle that run: React, Ink and the rest take
// another ~50 ms to compile and lay out, and a person should see the prompt at once. Ink then
// replaces it with the identical frame in one synchronized update. Until then the terminal is
// in raw mode, so a key pasted early is not echoed; it waits in the terminal for Ink to read.
// chalk must load after ./interactive.js has cleared CI and read NO_COLOR. An import would
// promise that only as long as a bundler keeps the import order. So chalk is required here, in
// the body, which runs after ./interactive.js; Ink then gets the same one (the build hands the
// entry's modules to main.js, test/build/early-entry.mjs).

import type { ChalkInstance } from "chalk";
import { plainMode, wizardAtTerminal } from "./interactive.js";
import {
	INPUT_MARK,
	KEY_PROMPT,
	KEY_PROMPT_HINT,
	TAGLINE,
	TITLE,
	TITLE_COLOR,
	WHERE_TO_GET_A_KEY,
} from "./ui/prompt-text.js";

/** Ink's first frame, line by line: the header and the empty key prompt, one space of padding. */
function firstFrameLines(style: ChalkInstance): readonly string[] {
	return [
		` ${style.bold.hex(TITLE_COLOR)(TITLE)}${style.dim(TAGLINE)}`,
		"",
		` ${style.bold(KEY_PROMPT)}${style.dim(KEY_PROMPT_HINT)}`,
		` ${style.cyan(INPUT_MARK)}`,
		` ${style.dim(WHERE_TO_GET_A_KEY)}`,
	].map((line) => line.trimEnd()); // as Ink does: "❯ " without colours ends in a bare space
}

// Synchronized output (DEC mode 2026): the terminal shows the erase and Ink's frame at once;
// Ink's first write ends it.
const BEGIN_SYNC = "\u001B[?2026h";
// Never hidden by us, but said once more when leaving: the terminal is back as it was.
const SHOW_CURSOR = "\u001B[?25h";
// Bracketed paste: the terminal marks where a paste starts and ends, so a line break inside a
// pasted key is part of the paste, while an Enter typed after it is an Enter (ui/key-split.ts).
export const BRACKETED_PASTE_ON = "\u001B[?2004h";
export const BRACKETED_PASTE_OFF = "\u001B[?2004l";

/** What erases `lineCount` lines above the cursor, as Ink's own log-update does it. */
export function eraseLines(lineCount: number): string {
	return `${"\u001B[2K\u001B[1A".repeat(lineCount)}\u001B[2K\u001B[G`;
}

interface FirstFrame {
	/** Ink draws next: its first write to the terminal erases ours first, in the same update. */
	readonly handOver: () => void;
	/** Something else is shown instead (a refusal, an error): erase ours, give the terminal back. */
	readonly dismiss: () => void;
}

const NOTHING_DRAWN: FirstFrame = { handOver: () => undefined, dismiss: () => undefined };

function draw(): FirstFrame {
	const { stdin, stdout } = process;
	// Accessible mode draws nothing it would later redraw.
	if (!wizardAtTerminal || plainMode || !stdout.isTTY) return NOTHING_DRAWN;
	// The build bundles this require (dist/ has no node_modules) and shares the module with Ink.
	const { default: chalk, Chalk } = require("chalk") as typeof import("chalk");
	// Only where Ink's frame would look the same: a terminal wide enough that nothing wraps
	// (every character of the frame is one column wide).
	const widest = Math.max(...firstFrameLines(new Chalk({ level: 0 })).map((line) => line.length));
	if ((stdout.columns ?? 0) < widest) return NOTHING_DRAWN;
	stdin.setRawMode?.(true);
	const lines = firstFrameLines(chalk);
	stdout.write(`${BRACKETED_PASTE_ON}${lines.join("\n")}\n`);
	const erase = `${BEGIN_SYNC}${eraseLines(lines.length)}`;
	let drawn = true;
	return {
		handOver: () => {
			// Ink takes a few more milliseconds to lay out its frame: erasing ours now would leave
			// the screen blank meanwhile on terminals without synchronized output.
			const write = stdout.write;
			stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
				stdout.write = write;
				if (!drawn) return write.call(stdout, chunk, ...rest);
				drawn = false;
				if (typeof chunk === "string") return write.call(stdout, erase + chunk, ...rest);
				write.call(stdout, erase);
				return write.call(stdout, chunk, ...rest);
			}) as typeof stdout.write;
		},
		dismiss: () => {
			if (!drawn) return;
			drawn = false;
			stdout.write(`${erase.slice(BEGIN_SYNC.length)}${BRACKETED_PASTE_OFF}${SHOW_CURSOR}`);
			stdin.setRawMode?.(false);
		},
	};
}

export const firstFrame: FirstFrame = draw();
