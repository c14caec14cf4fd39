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
