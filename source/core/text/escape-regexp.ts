// A text matched literally inside a regular expression: for .gitignore globs and for masking a secret.

/** `text` matched literally inside a RegExp (the `/` too, harmless in `new RegExp`). */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
