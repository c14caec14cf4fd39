// A startup file's bytes as text we can edit, and back to exactly the same bytes.
// Windows PowerShell 5.1 writes UTF-16LE (`Out-File`, `>`): those files become real
// characters, so the block editor sees their lines. Everything else keeps bytes.ts's
// one-char-per-byte mapping, so UTF-8 (with or without BOM), ANSI code pages and invalid
// UTF-8 survive untouched.
import { bytesToText, textToBytes } from "./bytes.js";

export type TextEncodingKind = "bytes" | "utf16le" | "utf16be";

export interface DecodedText {
	/** For UTF-16, the BOM stays as a leading U+FEFF so it is written back. */
	readonly text: string;
	readonly encoding: TextEncodingKind;
}

export function decodeText(bytes: Uint8Array): DecodedText {
	const encoding = utf16Kind(bytes);
	if (encoding === undefined) return { text: bytesToText(bytes), encoding: "bytes" };
	const littleEndian = encoding === "utf16le";
	let text = "";
	const chunk: number[] = [];
	for (let index = 0; index < bytes.length; index += 2) {
		const first = bytes[index] ?? 0;
		const second = bytes[index + 1] ?? 0;
		// Code units one by one, lone surrogates included: no decoder gets to "fix" them.
		chunk.push(littleEndian ? first | (second << 8) : (first << 8) | second);
		if (chunk.length === 0x4000) text += String.fromCharCode(...chunk.splice(0));
	}
	return { text: text + String.fromCharCode(...chunk), encoding };
}

export function encodeText(decoded: DecodedText): Uint8Array {
	const { text, encoding } = decoded;
	if (encoding === "bytes") return textToBytes(text);
	const bytes = new Uint8Array(text.length * 2);
	const littleEndian = encoding === "utf16le";
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		bytes[index * 2] = littleEndian ? unit & 0xff : unit >> 8;
		bytes[index * 2 + 1] = littleEndian ? unit >> 8 : unit & 0xff;
	}
	return bytes;
}

/**
 * A UTF-16 BOM and a whole number of code units. An odd length is not UTF-16 we could
 * write back as such, so it stays bytes (and round-trips that way).
 */
function utf16Kind(bytes: Uint8Array): TextEncodingKind | undefined {
	if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
	return undefined;
}
