import { writeOut } from "./output-guard.js";

/** Reads all of standard input as text (the key for --key-stdin). Caps at 1 MiB: a key is ~108 bytes. */
export async function readAllStdin(stream: NodeJS.ReadableStream, limit = 1024 * 1024): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
		size += buffer.length;
		if (size > limit) break;
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString("utf8");
}

const CTRL_C = "\u0003";
const CTRL_D = "\u0004";
const ESC = "\u001b";
// CSI (ESC [ … final byte) and SS3 (ESC O x), as terminals send for arrow and function keys.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|O.)/g;

/**
 * The answer one read from the terminal gives to a yes/no question: y or n; Enter takes the
 * default; Ctrl-C, Ctrl-D and Esc say no. An arrow key (an escape sequence) or any other key is
 * no answer: the question waits.
 */
export function yesNoAnswer(read: string, defaultYes: boolean): boolean | undefined {
	// Escape sequences (arrow keys, F-keys) are no answer; what follows them in the read may be.
	for (const key of read.replace(ESCAPE_SEQUENCE, "")) {
		if (key === ESC) return false;
		if (key === "y" || key === "Y") return true;
		if (key === "n" || key === "N" || key === CTRL_C || key === CTRL_D) return false;
		if (key === "\r" || key === "\n") return defaultYes;
	}
	return undefined;
}

export interface YesNoOptions {
	/** Enter (or an empty line) answers this. */
	readonly defaultYes?: boolean;
	/** One key answers (raw mode); false for --plain: the answer is a word on its own line. */
	readonly oneKey?: boolean;
}

/**
 * A yes/no question on the terminal, asked the way the wizard asks (wording/voice.ts yesNoHint):
 * one key answers and is echoed as a word. The terminal's mode is put back however it ends.
 */
export async function askYesNo(question: string, options: YesNoOptions = {}): Promise<boolean> {
	const { stdin } = process;
	const defaultYes = options.defaultYes ?? false;
	if (!stdin.isTTY || options.oneKey === false) return askYesNoLine(question, defaultYes);
	const wasRaw = stdin.isRaw;
	// A signal that ends the program meanwhile still leaves the terminal as it was.
	const restore = () => stdin.setRawMode(wasRaw);
	stdin.setRawMode(true);
	process.once("exit", restore);
	writeOut(question);
	try {
		const answer = await new Promise<boolean>((resolve) => {
			const answered = (yes: boolean) => {
				stdin.off("data", onData);
				stdin.off("end", onEnd);
				resolve(yes);
			};
			const onData = (chunk: Buffer | string) => {
				const yes = yesNoAnswer(String(chunk), defaultYes);
				if (yes !== undefined) answered(yes);
			};
			const onEnd = () => answered(false);
			stdin.on("data", onData);
			stdin.once("end", onEnd);
			stdin.resume();
		});
		writeOut(`${answer ? "yes" : "no"}\n`);
		return answer;
	} finally {
		stdin.pause();
		restore();
		process.off("exit", restore);
	}
}

/** The same question answered by a line: "y" or "yes" agrees, an empty line takes the default. */
async function askYesNoLine(question: string, defaultYes: boolean): Promise<boolean> {
	const { createInterface } = await import("node:readline/promises");
	const prompt = createInterface({ input: process.stdin, output: process.stdout });
	try {
		const answer = (await prompt.question(question)).trim();
		return answer === "" ? defaultYes : /^y(es)?$/i.test(answer);
	} finally {
		prompt.close();
	}
}
