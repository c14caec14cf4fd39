// What one read from the terminal holds, as the keys a person pressed. Ink splits a read only
// at escape sequences, so "Down Down Enter" typed fast arrives as three events, but "abc⏎" or
// Enter then Ctrl-C as one string that is no key at all. Here each key a screen acts on (Enter,
// Tab, Backspace, Ctrl-C, Ctrl-U) becomes a key of its own; the text between stays one run
// (screens take it character by character), other control characters included: pasted without
// bracketed paste, a NUL or a vertical tab inside a key is the key checker's to name.
// Inside a bracketed paste nothing is split: a pasted line break or Ctrl-C is text.

const ESC = "\u001b";
export const PASTE_START = "\u001b[200~";
export const PASTE_END = "\u001b[201~";

export interface SplitRead {
	readonly keys: readonly string[];
	/** Inside a bracketed paste after this read. */
	readonly pasting: boolean;
}

// Enter, Tab, Backspace (DEL and ^H), Ctrl-C, Ctrl-U.
const KEYS = new Set(["\r", "\t", "\u007f", "\b", "\u0003", "\u0015"]);
const isControl = (character: string): boolean => KEYS.has(character);

/** Splits one event Ink read (an escape sequence, or text) into keys, in order. */
export function splitRead(event: string, pasting: boolean): SplitRead {
	if (event === PASTE_START) return { keys: [event], pasting: true };
	if (event === PASTE_END) return { keys: [event], pasting: false };
	if (pasting || event.startsWith(ESC) || event.length <= 1) return { keys: [event], pasting };
	const keys: string[] = [];
	let text = "";
	for (const character of event) {
		if (!isControl(character)) {
			text += character;
			continue;
		}
		if (text !== "") keys.push(text);
		text = "";
		keys.push(character);
	}
	if (text !== "") keys.push(text);
	return { keys, pasting };
}
