// The plain-text commands (status, remove, --key-stdin) print through this: wrapped to the
// terminal, or left whole for a pipe or a log, where a reader's own tools do the wrapping.
import { wrapLines } from "./wrap.js";

/** Narrower than this, wrapping makes text harder to read, not easier. */
const NARROWEST = 20;

export function terminalPrinter(
	write: (line: string) => void,
	columns: number | undefined,
): (line: string) => void {
	if (columns === undefined || columns < NARROWEST) return write;
	return (line) => {
		for (const wrapped of wrapLines([line], columns)) write(wrapped);
	};
}
