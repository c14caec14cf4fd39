// Where our output leaves the process. Every write to stdout and stderr (Ink's frames, plain
// lines, --json, crash messages) passes the one scrubber with every key this process knows of;
// plain lines and JSON are also made inert here (core/text/visible.ts), Ink's text in ui/text.tsx.
import { scrubberFor } from "../core/key/scrub.js";
import { terminalJson, visible } from "../core/text/visible.js";
import { knownKeys, learnEnvironment } from "./known-keys.js";

let scrubber = scrubberFor([]);
let scrubberKeys = 0;

/** The scrubber for what is known now (rebuilt only when a new key was learned). */
export function scrubOutput(text: string): string {
	const keys = knownKeys();
	if (keys.length !== scrubberKeys) {
		scrubber = scrubberFor(keys);
		scrubberKeys = keys.length;
	}
	return scrubber(text);
}

type Write = NodeJS.WritableStream["write"];

/** Every later write to `stream` passes the scrubber first. */
export function guardWrites(stream: NodeJS.WritableStream): void {
	const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
	stream.write = ((chunk: unknown, ...rest: unknown[]) => {
		if (typeof chunk === "string") return write(scrubOutput(chunk), ...rest);
		if (chunk instanceof Uint8Array) {
			const text = Buffer.from(chunk).toString("utf8");
			const scrubbed = scrubOutput(text);
			return write(scrubbed === text ? chunk : scrubbed, ...rest);
		}
		return write(chunk, ...rest);
	}) as Write;
}

/** From here on nothing this process prints can hold a key it knows, or any sk-ant- key. */
export function guardOutput(env: NodeJS.ProcessEnv): void {
	learnEnvironment(env);
	guardWrites(process.stdout);
	guardWrites(process.stderr);
}

/** One line of plain text on stdout, outside text in it made inert. */
export function printLine(line: string): void {
	console.log(visible(line));
}

/** One line of plain text on stderr, outside text in it made inert. */
export function printError(line: string): void {
	console.error(visible(line));
}

/** One JSON object on stdout, with nothing in it a terminal would obey. */
export function printJson(value: unknown): void {
	console.log(terminalJson(value));
}

/** Text as it is, for our own control sequences and screens already made inert (--plain's). */
export function writeOut(text: string): void {
	process.stdout.write(text);
}
