import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	applyBlock,
	BLOCK_END,
	BLOCK_START,
	type BlockEdit,
	type BlockOptions,
	blockMarkers,
	findBlock,
	removeBlock,
	renderBlock,
	type ShellSyntax,
} from "../../../source/core/edit/block-edit.js";
import { NAME, set } from "./block-edit-fixtures.js";

// Lines a startup file may hold, including text that looks like ours but is not a marker.
const lineArbitrary = fc.oneof(
	fc.string({ maxLength: 20 }).map((text) => text.replace(/[\r\n]/g, "")),
	fc.string({ unit: "grapheme", maxLength: 12 }).map((text) => text.replace(/[\r\n\u2028\u2029]/g, "")),
	fc.string({ unit: "binary", maxLength: 8 }).map((text) => text.replace(/[\n]/g, "")),
	fc.constantFrom(
		"claude-setup",
		"# claude-setup",
		` ${BLOCK_START}`,
		`${BLOCK_START}x`,
		"# >>> claude-setup",
		"# <<< claude-setup",
		`#${BLOCK_END}`,
		`export ${NAME}=old`,
		// PowerShell look-alikes: a user's regions, a bare #endregion, comments, strings.
		"#region claude-setup x",
		` #region claude-setup`,
		"#endregion",
		"#endregion claude-setupx",
		"#region mine",
		`$env:${NAME} = 'old'`,
		`<# $env:${NAME} = 'x' #>`,
		"$text = @'",
		"'@",
		"export PATH=$HOME/bin:$PATH",
		"\xff\xfe latin1 bytes \x80",
		"   ",
		"",
	),
);
const eolArbitrary = fc.constantFrom("\n", "\r\n");

/** A file without our block: lines, mixed EOLs, maybe a BOM, maybe no final newline. */
const fileArbitrary = fc
	.record({
		bom: fc.constantFrom("", "\uFEFF", "\xEF\xBB\xBF"),
		lines: fc.array(fc.tuple(lineArbitrary, eolArbitrary), { maxLength: 8 }),
		finalNewline: fc.boolean(),
	})
	.map(({ bom, lines, finalNewline }) => {
		const body = lines.map(([line, eol]) => line + eol).join("");
		return bom + (finalNewline ? body : body.replace(/\r?\n$/, ""));
	});

const syntaxArbitrary = fc.constantFrom<ShellSyntax>("posix", "fish", "powershell");
const optionsArbitrary = fc.constantFrom<BlockOptions>({}, { newFileEol: "\n" }, { newFileEol: "\r\n" });
const valueArbitrary = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);

function applied(result: BlockEdit): string {
	if (!result.ok) throw new Error(`unexpected problem ${result.problem}`);
	return result.text;
}

const count = (text: string, piece: string) => text.split(piece).length - 1;

describe("applyBlock properties", () => {
	it("inserting keeps the original as a prefix and adds only the block", () => {
		fc.assert(
			fc.property(
				fileArbitrary,
				syntaxArbitrary,
				valueArbitrary,
				optionsArbitrary,
				(original, syntax, value, options) => {
					const text = applied(applyBlock(original, syntax, set(value), options));
					expect(text.startsWith(original)).toBe(true);
					const copied = /^[^\n]*\r\n/.test(original) ? "\r\n" : "\n";
					// With no line break to copy, the caller's choice for a new file.
					const fileEol = original.includes("\n") ? copied : (options.newFileEol ?? "\n");
					// zsh, bash and fish keep a CR in the value: their block is LF whatever the file's.
					const eol = syntax === "powershell" ? fileEol : "\n";
					const block = renderBlock(syntax, set(value)).join(eol);
					const added = text.slice(original.length);
					expect([`${block}${eol}`, `${eol}${block}`, `\r\n${block}`]).toContain(added);
				},
			),
		);
	});

	it("replacing or moving changes nothing outside the block", () => {
		fc.assert(
			fc.property(
				fileArbitrary,
				fileArbitrary,
				syntaxArbitrary,
				valueArbitrary,
				valueArbitrary,
				(head, tail, syntax, oldValue, newValue) => {
					const block = renderBlock(syntax, set(oldValue)).join("\n");
					const before = `${head.replace(/[^\n]$/, "$&\n")}${block}\n${tail.replace(/^(\uFEFF|\xEF\xBB\xBF)/, "")}`;
					const result = applyBlock(before, syntax, set(newValue));
					const location = findBlock(before, syntax);
					if (!result.ok || location === undefined || "problem" in location) throw new Error("no block");
					const outside = applied(removeBlock(before, syntax));
					expect(applied(removeBlock(result.text, syntax))).toBe(outside);
					if (result.action === "moved") {
						// A later line redefines the name: the block goes to the end instead.
						expect(result.text).toBe(applied(applyBlock(outside, syntax, set(newValue))));
						return;
					}
					const lines = before.split("\n");
					const prefix = lines.slice(0, location.startLine - 1).join("\n");
					const suffix = lines.slice(location.endLine).join("\n");
					expect(result.text.startsWith(prefix)).toBe(true);
					expect(result.text.endsWith(suffix)).toBe(true);
					expect(result.text).toBe(before.replace(block, renderBlock(syntax, set(newValue)).join("\n")));
				},
			),
		);
	});

	it("applying twice equals applying once", () => {
		fc.assert(
			fc.property(
				fileArbitrary,
				syntaxArbitrary,
				valueArbitrary,
				optionsArbitrary,
				(original, syntax, value, options) => {
					const once = applied(applyBlock(original, syntax, set(value), options));
					expect(applyBlock(once, syntax, set(value), options)).toMatchObject({
						ok: true,
						text: once,
						action: "unchanged",
					});
				},
			),
		);
	});

	it("apply then removeBlock restores the original exactly", () => {
		fc.assert(
			fc.property(
				fileArbitrary,
				syntaxArbitrary,
				valueArbitrary,
				optionsArbitrary,
				(original, syntax, value, options) => {
					const text = applied(applyBlock(original, syntax, set(value), options));
					expect(removeBlock(text, syntax)).toMatchObject({
						ok: true,
						text: original,
						action: "removed",
					});
				},
			),
		);
	});

	it("rotating A then B equals applying B, with exactly one block", () => {
		fc.assert(
			fc.property(
				fileArbitrary,
				syntaxArbitrary,
				valueArbitrary,
				valueArbitrary,
				(original, syntax, first, second) => {
					const rotated = applied(
						applyBlock(applied(applyBlock(original, syntax, set(first))), syntax, set(second)),
					);
					expect(rotated).toBe(applied(applyBlock(original, syntax, set(second))));
					const { start, end } = blockMarkers(syntax);
					expect(count(rotated, start) - count(original, start)).toBe(1);
					expect(count(rotated, end) - count(original, end)).toBe(1);
				},
			),
		);
	});
});
