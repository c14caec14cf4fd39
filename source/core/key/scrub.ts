// The one scrubber: every text we print passes it (see system/output-guard.ts). It masks
// anything shaped like an Anthropic credential (`sk-ant-…` of any kind), every key we know of
// (given here: from the environment, the files we read, what we send), and any run of such a
// key's characters — the key without its `sk-ant-api03-` prefix, or a long piece of it.
import { escapeRegExp } from "../text/escape-regexp.js";
import { maskKey } from "./key.js";

type Mask = (secret: string) => string;

// Any sk-ant- word; what follows decides whether it is a credential (see isCredential).
const SK_ANT_WORD = /sk-ant-[A-Za-z0-9_-]*/g;
const KIND_PREFIX = /^sk-ant-[a-z]+\d*-/;
const KEY_WORD = /[A-Za-z0-9_-]+/g;
/** A run this long of a known key's characters is that key (random text never repeats 16 of them). */
export const KEY_RUN = 16;
/** Shorter secrets are not masked on their own: "abc" would be masked in every word. */
const MIN_SECRET = 8;

/** `sk-ant-api03-` alone (how we say what a key starts with) is not a credential; with 4+ more it is. */
function isCredential(word: string): boolean {
	const kind = KIND_PREFIX.exec(word)?.[0];
	return kind === undefined ? word.length - "sk-ant-".length >= 8 : word.length - kind.length >= 4;
}

/** What of a secret to look for: itself (trimmed too), and its body without an `sk-ant-…-` prefix. */
function forms(secret: string): { whole: string[]; body: string } {
	const trimmed = secret.trim();
	const body = trimmed.replace(KIND_PREFIX, "");
	return { whole: [...new Set([secret, trimmed])].filter((form) => form.length >= MIN_SECRET), body };
}

/** Every KEY_RUN-long piece of each secret's body, and the secret it belongs to. */
function runIndex(secrets: readonly string[]): Map<string, string> {
	const index = new Map<string, string>();
	for (const secret of secrets) {
		const { body } = forms(secret);
		for (let start = 0; start + KEY_RUN <= body.length; start++) {
			index.set(body.slice(start, start + KEY_RUN), secret.trim());
		}
	}
	return index;
}

/** In one word of key characters: the stretches that are runs of a known key, masked. */
function maskRuns(word: string, index: Map<string, string>, mask: Mask): string {
	if (word.length < KEY_RUN) return word;
	let result = "";
	let copied = 0;
	let start = 0;
	while (start + KEY_RUN <= word.length) {
		const owner = index.get(word.slice(start, start + KEY_RUN));
		if (owner === undefined) {
			start++;
			continue;
		}
		let end = start + KEY_RUN;
		while (end < word.length && index.has(word.slice(end - KEY_RUN + 1, end + 1))) end++;
		result += `${word.slice(copied, start)}${mask(owner)}`;
		copied = end;
		start = end;
	}
	return result + word.slice(copied);
}

/** A scrubber for these secrets, prepared once (the output guard runs it on every write). */
export function scrubberFor(secrets: readonly string[], mask: Mask = maskKey): (text: string) => string {
	const known = secrets.filter((secret) => secret.trim().length >= MIN_SECRET);
	const wholes = known.flatMap((secret) => forms(secret).whole).sort((a, b) => b.length - a.length);
	const pattern = wholes.length > 0 ? new RegExp(wholes.map(escapeRegExp).join("|"), "g") : undefined;
	const index = runIndex(known);
	return (text) => {
		let scrubbed = pattern ? text.replace(pattern, (found) => mask(found.trim())) : text;
		scrubbed = scrubbed.replace(SK_ANT_WORD, (word) => (isCredential(word) ? mask(word) : word));
		return index.size === 0 ? scrubbed : scrubbed.replace(KEY_WORD, (word) => maskRuns(word, index, mask));
	};
}

/**
 * Masks every Anthropic-shaped credential in a text, every given secret, and every run of a
 * given secret's characters (its body without the `sk-ant-…-` prefix included).
 */
export function scrubSecrets(text: string, ...secrets: readonly string[]): string {
	return scrubberFor(secrets)(text);
}

/** The same scrubber with another mask (e.g. "***" where even the last four are too many). */
export function maskSecrets(text: string, secret?: string, mask: Mask = maskKey): string {
	return scrubberFor(secret === undefined ? [] : [secret], mask)(text);
}
