// Files are edited as "one char per byte" strings so that every byte we do not own
// (BOM, CRLF, invalid UTF-8, legacy code pages) survives a round trip unchanged.
// TextDecoder("latin1") is really windows-1252 and would remap 0x80–0x9F, so do it by hand.

export function bytesToText(bytes: Uint8Array): string {
	let text = "";
	const chunk = 0x8000;
	for (let start = 0; start < bytes.length; start += chunk) {
		text += String.fromCharCode(...bytes.subarray(start, start + chunk));
	}
	return text;
}

export function textToBytes(text: string): Uint8Array {
	const bytes = new Uint8Array(text.length);
	for (let index = 0; index < text.length; index++) {
		bytes[index] = text.charCodeAt(index) & 0xff;
	}
	return bytes;
}
