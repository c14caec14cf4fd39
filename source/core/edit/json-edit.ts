// Format-preserving edits of JSON and JSONC files (Claude Code's settings.json, ~/.claude.json):
// only the bytes of the changed value move; formatting, key order and comments stay.

import { applyEdits, type FormattingOptions, modify, type ParseError, parse, parseTree } from "jsonc-parser";

export type JsonPath = readonly (string | number)[];

export type JsonEditResult = { ok: true; text: string } | { ok: false; reason: string };

/** Detects the file's own indentation and line ending so inserted members match their neighbours. */
function formattingOf(text: string): FormattingOptions {
	const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
	return {
		insertSpaces: !indent.startsWith("\t"),
		tabSize: indent.startsWith("\t") ? 1 : indent.length,
		eol: text.includes("\r\n") ? "\r\n" : "\n",
	};
}

/** The parse errors of a JSONC text (comments and trailing commas are allowed, as Claude Code allows). */
export function jsonErrors(text: string): ParseError[] {
	const errors: ParseError[] = [];
	parseTree(text.replace(/^\uFEFF/, ""), errors, { allowTrailingComma: true, disallowComments: false });
	return errors;
}

/**
 * Sets (or, with `undefined`, deletes) the value at `path`, creating missing objects on the way.
 * A text that does not parse is refused rather than guessed at.
 */
export function setJsonValue(text: string, path: JsonPath, value: unknown): JsonEditResult {
	const bom = leadingBom(text);
	const body = text.slice(bom.length);
	const source = body.trim() === "" ? "{}" : body;
	if (jsonErrors(source).length > 0) return { ok: false, reason: "it is not valid JSON" };
	const root = parseTree(source, [], { allowTrailingComma: true });
	if (root?.type !== "object") return { ok: false, reason: "it does not hold a JSON object" };
	const edits = modify(source, [...path], value, { formattingOptions: formattingOf(source) });
	let next = applyEdits(source, edits);
	if (body.trim() === "" && !next.endsWith("\n")) next += "\n";
	return { ok: true, text: bom + next };
}

/** A UTF-8 BOM: decoded (U+FEFF), or as the three bytes a byte-preserving decode keeps. */
function leadingBom(text: string): string {
	if (text.startsWith("\uFEFF")) return "\uFEFF";
	return text.startsWith("\u00EF\u00BB\u00BF") ? "\u00EF\u00BB\u00BF" : "";
}

/** The top-level object of a JSON or JSONC text (a BOM is fine); undefined when it is not one. */
export function readJsonObject(text: string): Record<string, unknown> | undefined {
	const body = text.slice(leadingBom(text).length);
	if (jsonErrors(body).length > 0) return undefined;
	const value: unknown = parse(body, [], { allowTrailingComma: true });
	return typeof value === "object" && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}
