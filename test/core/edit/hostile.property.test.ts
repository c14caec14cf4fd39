// Property tests that add what the existing ones do not cover: hostile characters dropped
// into valid keys, the shape of every checker answer, marker look-alikes inside heredocs, the
// block that only sources the private key file, and .env decoys inside multi-line values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	applyBlock,
	applyRenderedBlock,
	BLOCK_END,
	BLOCK_START,
	type BlockEdit,
	removeBlock,
	renderSourceBlock,
	type ShellSyntax,
} from "../../../source/core/edit/block-edit.js";
import { parseDotenv, removeDotenvVar, setDotenvVar } from "../../../source/core/edit/dotenv.js";
import { API_KEY_LENGTH, checkKey } from "../../../source/core/key/key.js";
import { KEY } from "../../helpers/hostile-corpus.js";

const NAME = "ANTHROPIC_API_KEY";
const RUNS = { key: 3000, editors: 500 } as const;

// Everything a hostile paste may carry, one "piece" at a time.
const hostilePiece = fc.constantFrom(
	...["$(", ")", "`", "'", '"', ";", "|", "&", ">", "<", "\\", "#", "*", "!", "~", "{", "}", "="],
	...["\0", "\x07", "\x7f", "\x9b", "\x1b", "\x1b[31m", "\x1b[0m", "\x1b[2A", "\x1b]52;c;AAAA\x07"],
	...["\x1b[200~", "\x1b[201~", "\n", "\r\n", "\u2028", "\v", "\f", "\t", " ", "\u00A0", "\u3000"],
	...["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F", "\u202E", "\u2066"],
	...["\u061C", "а", "е", "о", "ο", "Ѕ", "Ａ", "０", "－", "–", "—", "😀", "\uD800", "é"],
);
const KEY_SHAPED = /^[A-Za-z0-9_-]+$/;
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

describe("checkKey with hostile pieces inside a valid key", () => {
	it("answers exactly the key, or a one-line refusal naming a position; never a key with a foreign character", () => {
		let refused = 0;
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat({ max: API_KEY_LENGTH }), hostilePiece), { minLength: 1, maxLength: 4 }),
				(insertions) => {
					let input = KEY;
					for (const [at, piece] of insertions) input = input.slice(0, at) + piece + input.slice(at);
					const result = checkKey(input);
					if (result.ok) {
						// Only cleaning happened: the key that comes out is the key that went in.
						expect(result.key).toBe(KEY);
						return;
					}
					refused++;
					for (const text of [result.message, result.hint, ...result.fixes]) {
						expect(text).not.toMatch(UNSAFE);
						expect(text).not.toContain("HostileSentinel");
					}
				},
			),
			{ numRuns: RUNS.key },
		);
		expect(refused).toBeGreaterThan(0);
	});

	it("every answer is a valid key or a message, over arbitrary Unicode", () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme-composite" })),
				(text) => {
					const result = checkKey(text);
					if (result.ok) {
						expect(result.key).toMatch(KEY_SHAPED);
						if (result.kind === "api-key") expect(result.key).toHaveLength(API_KEY_LENGTH);
					} else {
						expect(result.message.length).toBeGreaterThan(0);
						expect(result.hint.length).toBeGreaterThan(0);
						expect(result.message).not.toMatch(UNSAFE);
					}
				},
			),
			{ numRuns: RUNS.key },
		);
	});
});

// Heredoc bodies hold text that looks like our markers but is not one.
const decoy = fc.constantFrom(
	`  ${BLOCK_START}`,
	`${BLOCK_START} (copied)`,
	`\t${BLOCK_END}`,
	`echo "${BLOCK_START}"`,
	`# >>> claude-setup`,
	`export ${NAME}='in a heredoc'`,
	"EOF2",
	"",
);
const eol = fc.constantFrom("\n", "\r\n");
const plainLine = fc.string({ maxLength: 16 }).map((text) => text.replace(/[\r\n]/g, ""));
const heredocFile = fc
	.record({
		head: fc.array(fc.tuple(plainLine, eol), { maxLength: 4 }),
		body: fc.array(fc.tuple(decoy, eol), { maxLength: 5 }),
		opener: fc.constantFrom("cat <<'EOF'", "cat <<EOF", "cat <<-EOF", 'python3 - <<"EOF"'),
		closeEol: eol,
		tail: fc.array(fc.tuple(plainLine, eol), { maxLength: 4 }),
		finalNewline: fc.boolean(),
	})
	.map(({ head, body, opener, closeEol, tail, finalNewline }) => {
		const join = (lines: [string, string][]) => lines.map(([line, end]) => line + end).join("");
		const text = `${join(head)}${opener}\n${join(body)}EOF${closeEol}${join(tail)}`;
		return finalNewline ? text : text.replace(/\r?\n$/, "");
	});
const syntax = fc.constantFrom<ShellSyntax>("posix", "fish");
const value = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);

function text(result: BlockEdit): string {
	if (!result.ok) throw new Error(result.message);
	return result.text;
}

describe("the block editor around heredocs with marker look-alikes", () => {
	it("apply then remove restores the file byte for byte; applying twice equals once", () => {
		fc.assert(
			fc.property(heredocFile, syntax, value, (original, shell, key) => {
				const once = text(applyBlock(original, shell, [{ name: NAME, value: key }]));
				expect(once.startsWith(original)).toBe(true);
				expect(text(applyBlock(once, shell, [{ name: NAME, value: key }]))).toBe(once);
				expect(text(removeBlock(once, shell))).toBe(original);
			}),
			{ numRuns: RUNS.editors },
		);
	});
});

const sourceLine = fc.constantFrom(
	'[ -f "$HOME/.local/state/claude-setup/env.sh" ] && . "$HOME/.local/state/claude-setup/env.sh"',
	"[ -f '/srv/a b/env.sh' ] && . '/srv/a b/env.sh'",
);

describe("the block that sources the private key file", () => {
	it("replaces an export block in place, touching nothing outside it, and removes cleanly", () => {
		fc.assert(
			fc.property(heredocFile, heredocFile, value, sourceLine, (head, tail, key, line) => {
				const withExport = text(applyBlock(head, "posix", [{ name: NAME, value: key }]));
				const before = withExport.replace(/[^\n]$/, "$&\n") + tail;
				const sourced = text(applyRenderedBlock(before, "posix", renderSourceBlock("posix", line), [NAME]));
				expect(sourced).not.toContain(`'${key}'`);
				expect(text(removeBlock(sourced, "posix"))).toBe(text(removeBlock(before, "posix")));
				const again = applyRenderedBlock(sourced, "posix", renderSourceBlock("posix", line), [NAME]);
				expect(again).toMatchObject({ ok: true, text: sourced, action: "unchanged" });
			}),
			{ numRuns: RUNS.editors },
		);
	});

	it("refuses a line break in the line that loads the file", () => {
		expect(() => renderSourceBlock("posix", ". x\nrm -rf ~")).toThrow(/one line/);
	});
});

// A decoy `ANTHROPIC_API_KEY=` line inside another variable's multi-line quoted value.
const multiLineDecoy = fc
	.record({
		quote: fc.constantFrom('"', "'"),
		inside: fc.array(fc.constantFrom(`${NAME}=decoy`, `export ${NAME}=x`, "plain", ""), {
			minLength: 1,
			maxLength: 3,
		}),
		eol,
		after: fc.constantFrom("", `${NAME}=old\n`, "OTHER=1\n"),
	})
	.map(
		({ quote, inside, eol: end, after }) =>
			`CERT=${quote}BEGIN${end}${inside.join(end)}${end}END${quote}${end}${after}`,
	);

describe(".env decoys inside a multi-line value", () => {
	it("set and remove never touch the other variable's value", () => {
		fc.assert(
			fc.property(multiLineDecoy, value, (original, key) => {
				const cert = parseDotenv(original).get("CERT");
				const set = setDotenvVar(original, NAME, key).text;
				expect(parseDotenv(set).get("CERT")).toBe(cert);
				expect(parseDotenv(set).get(NAME)).toBe(key);
				const removed = removeDotenvVar(set, NAME).text;
				expect(parseDotenv(removed).get("CERT")).toBe(cert);
				expect(parseDotenv(removed).has(NAME)).toBe(false);
			}),
			{ numRuns: RUNS.editors },
		);
	});
});
