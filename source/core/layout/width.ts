// How many terminal columns a string takes: the rule every wrapped line is measured with.

/** Zero-width: combining marks, zero-width spaces and joiners, variation selectors. */
function isZeroWidth(code: number): boolean {
	return (
		(code >= 0x300 && code <= 0x36f) ||
		(code >= 0x200b && code <= 0x200f) ||
		(code >= 0x20d0 && code <= 0x20ff) ||
		(code >= 0xfe00 && code <= 0xfe0f) ||
		(code >= 0xfe20 && code <= 0xfe2f)
	);
}

/** East Asian wide and fullwidth ranges, and emoji: two columns each. */
function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1f64f) ||
		(code >= 0x1f900 && code <= 0x1f9ff) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

// Colour and style codes take no column.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point
const ESCAPE_CODES = /\u001b\[[0-9;]*m/g;

export function displayWidth(text: string): number {
	let width = 0;
	for (const character of text.replace(ESCAPE_CODES, "")) {
		const code = character.codePointAt(0) ?? 0;
		if (code < 0x20 || isZeroWidth(code)) continue;
		width += isWide(code) ? 2 : 1;
	}
	return width;
}
