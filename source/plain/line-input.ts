// Answers read a line at a time from the terminal for accessible mode. Lines are typed in the
// terminal's own line mode (it echoes them, and screen readers read them as typed); the key is
// read with echo off, and nothing at all is shown for it until Enter.

const ENTER = new Set(["\r", "\n"]);
const ERASE = new Set(["\u007f", "\b"]);
/** Ctrl-C, Ctrl-D and Esc, typed at the hidden prompt (raw mode: no signal is sent). */
const LEAVE = new Set(["\u0003", "\u0004", "\u001b"]);

export interface LineInput {
	/** The next line typed, without its line break; undefined at the end of input. */
	readLine(): Promise<string | undefined>;
	/**
	 * A line read with echo off; undefined when the person leaves (Ctrl-C, Ctrl-D, Esc). `prompt`
	 * is shown once echo is off, so nothing typed at once after it is echoed.
	 */
	readHidden(prompt?: () => void): Promise<string | undefined>;
	close(): void;
}

export function lineInput(stdin: NodeJS.ReadStream): LineInput {
	let buffered = "";
	let ended = false;
	let wake: (() => void) | undefined;
	const onData = (chunk: Buffer | string) => {
		buffered += String(chunk);
		wake?.();
	};
	const onEnd = () => {
		ended = true;
		wake?.();
	};
	stdin.on("data", onData);
	stdin.on("end", onEnd);
	const more = () =>
		new Promise<void>((resolve) => {
			wake = () => {
				wake = undefined;
				resolve();
			};
		});

	return {
		async readLine() {
			for (;;) {
				const end = buffered.search(/\r?\n|\r/);
				if (end >= 0) {
					const line = buffered.slice(0, end);
					buffered = buffered.slice(end + (buffered.startsWith("\r\n", end) ? 2 : 1));
					return line;
				}
				if (ended) return undefined;
				await more();
			}
		},
		async readHidden(prompt) {
			stdin.setRawMode?.(true);
			prompt?.();
			try {
				let typed = "";
				for (;;) {
					while (buffered !== "") {
						const character = [...buffered][0] ?? "";
						buffered = buffered.slice(character.length);
						if (ENTER.has(character)) return typed;
						if (LEAVE.has(character)) return undefined;
						if (ERASE.has(character)) typed = typed.slice(0, -1);
						else if (character === "\u0015") typed = "";
						else typed += character;
					}
					if (ended) return undefined;
					await more();
				}
			} finally {
				stdin.setRawMode?.(false);
			}
		},
		close() {
			stdin.off("data", onData);
			stdin.off("end", onEnd);
			stdin.pause();
		},
	};
}
