// Cleans a pasted key: paste markers, terminal escapes, spaces, line breaks, quotes and
// pasted prefixes such as `export ANTHROPIC_API_KEY=`. Pure: no I/O.

export interface Cleaned {
	readonly key: string;
	/** Short phrases saying what was cleaned, e.g. "removed quotes". */
	readonly fixes: readonly string[];
}

const ESC = "\u001b";
const PASTE_MARKERS = new RegExp(`${ESC}?\\[20[01]~`, "g");
// CSI (colours, cursor moves), OSC (titles, links) and two-character escapes.
const ANSI_ESCAPES = new RegExp(
	`${ESC}\\[[0-?]*[ -/]*[@-~]|${ESC}\\][^\\u0007${ESC}]*(?:\\u0007|${ESC}\\\\)?|${ESC}[@-Z\\\\-_]`,
	"g",
);
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
const EDGE_SPACES = /[\s\u180E\u200B-\u200D\u2060]/;
const QUOTES = "'\"‘’‚‛“”„‟«»`";
// Shell, PowerShell, fish, .env, YAML/JSON and HTTP-header forms people copy the key with.
const PREFIX =
	/^(?:(?:(?:export|setx|set(?:\s+-[a-z]+)*)\s+|\$env:)?["']?(?:ANTHROPIC_API_KEY|CLAUDE_CODE_OAUTH_TOKEN)["']?(?:\s*[=:]\s*|\s+)|(?:authorization\s*:\s*)?bearer\s+|x-api-key\s*:\s*)/i;
export const ELISION = /…|\.\.\.|•••|\*\*\*/;

/** Removes characters matching `strip` from both ends (a loop, not a regex: no ReDoS on 1 MB). */
function stripEnds(text: string, strip: (character: string) => boolean): string {
	let start = 0;
	let end = text.length;
	while (start < end && strip(text.charAt(start))) start++;
	while (end > start && strip(text.charAt(end - 1))) end--;
	return text.slice(start, end);
}

/** Records `phrase` when a step removed something. */
function noted(before: string, after: string, phrase: string, fixes: Set<string>) {
	if (after.length !== before.length) fixes.add(phrase);
	return after;
}

// One pass of every cleaning step, in order. Every step only removes characters.
function cleanOnce(input: string, fixes: Set<string>): string {
	const markers = input.replace(PASTE_MARKERS, "");
	let text = noted(input, markers, "removed paste markers", fixes);
	const escapes = text.replace(ANSI_ESCAPES, "");
	text = noted(text, escapes, "removed terminal escape codes", fixes);
	const trimmed = stripEnds(text, isEdgeSpace);
	text = noted(text, trimmed, "removed surrounding spaces", fixes);
	const breaks = text.match(LINE_BREAKS)?.length ?? 0;
	const joined = breaks === 1 ? "a line break" : `${breaks} line breaks`;
	text = noted(text, text.replace(LINE_BREAKS, ""), `joined ${joined}`, fixes);
	for (let before = -1; before !== text.length; ) {
		before = text.length;
		const spaces = stripEnds(text, isEdgeSpace);
		text = noted(text, spaces, "removed surrounding spaces", fixes);
		text = noted(text, stripEnds(text, isQuote), "removed quotes", fixes);
		const last = text.slice(-1);
		if (last === ";" || last === ",") {
			const phrase = `removed a trailing \`${last}\``;
			text = noted(text, text.slice(0, -1), phrase, fixes);
		}
		// A line from a .env or a shell file may end in a comment: `KEY=sk-ant-… # work key`.
		const comment = /^(\S+)\s+#.*$/s.exec(text)?.[1];
		if (comment) text = noted(text, comment, "removed a trailing `# comment`", fixes);
		const prefix = PREFIX.exec(text)?.[0] ?? "";
		const shown = prefix.replace(/["']/g, "").trim().replace(/\s+/g, " ");
		const phrase = `removed the \`${shown}\` prefix`;
		text = noted(text, text.slice(prefix.length), phrase, fixes);
	}
	return text;
}

const isEdgeSpace = (character: string): boolean => EDGE_SPACES.test(character);
export const isQuote = (character: string): boolean => QUOTES.includes(character);

export function cleanKey(raw: string): Cleaned {
	const fixes = new Set<string>();
	let key = typeof raw === "string" ? raw : "";
	// Repeat until nothing changes, so cleaning its own output changes nothing.
	for (let before = -1; before !== key.length; ) {
		before = key.length;
		key = cleanOnce(key, fixes);
	}
	return { key, fixes: [...fixes] };
}
