import { escapeRegExp } from "../text/escape-regexp.js";
import { maskKey } from "./key.js";

// Anything shaped like an Anthropic credential, wherever it appears in a message.
const CREDENTIAL = /sk-ant-[a-z]+\d*-[A-Za-z0-9_-]{4,}/g;

/** Masks every Anthropic-shaped secret in a text: for crash messages and anything we did not write. */
export function scrubSecrets(text: string, ...secrets: readonly string[]): string {
	let scrubbed = text;
	for (const secret of secrets) {
		if (secret.length >= 8) scrubbed = scrubbed.split(secret).join(maskKey(secret));
	}
	return scrubbed.replace(CREDENTIAL, (match) => maskKey(match));
}

// Looser than CREDENTIAL: any sk-ant- run a tool may echo back from what we gave it.
const NOISY_KEY = /sk-ant-[A-Za-z0-9_-]+/g;

/** Anything that looks like a key (or is the given secret) in its masked form, in one pass. */
export function maskSecrets(
	text: string,
	secret?: string,
	mask: (secret: string) => string = maskKey,
): string {
	const pattern =
		secret === undefined || secret === ""
			? NOISY_KEY
			: new RegExp(`${escapeRegExp(secret)}|${NOISY_KEY.source}`, "g");
	return text.replace(pattern, (found) => mask(found));
}
