// visible(): outside text shown on a terminal never acts on it. terminalJson(): the same
// value as JSON.stringify, with nothing a terminal would obey left raw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalJson, visible } from "../../../source/core/text/visible.js";
import { ACTING, HOSTILE_TEXTS } from "../../helpers/hostile-output.js";

describe("visible", () => {
	it.each(HOSTILE_TEXTS)("%s", (_, text, shown) => {
		expect(visible(text)).toBe(shown);
		expect(visible(text)).not.toMatch(ACTING);
	});

	it("is idempotent: a stand-in is shown as itself", () => {
		for (const [, text] of HOSTILE_TEXTS) expect(visible(visible(text))).toBe(visible(text));
	});

	it("property: no character that acts survives; every other character is kept in place", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
				const shown = visible(text);
				expect(shown).not.toMatch(ACTING);
				// Removing what acts from both sides leaves the same text: nothing else changed.
				const rest = Array.from(text).filter((c) => !ACTING.test(c));
				expect(shown.replace(/␀|[␁-␟␡]|\\u\{[0-9a-f]+\}/g, "")).toBe(
					rest.join("").replace(/␀|[␁-␟␡]|\\u\{[0-9a-f]+\}/g, ""),
				);
			}),
		);
	});
});

describe("terminalJson", () => {
	it("escapes every acting character and parses back to the same value", () => {
		const value = { reply: HOSTILE_TEXTS.map(([, text]) => text).join(" | "), n: 1 };
		const json = terminalJson(value);
		expect(json).not.toMatch(ACTING);
		expect(JSON.parse(json)).toEqual(value);
		expect(json).toContain("\\u001b]52;");
		expect(json).toContain("\\u202e");
		expect(json).toContain("\\u009b");
	});

	it("property: any value round-trips and nothing in it acts", () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, text) => {
				const json = terminalJson({ value, text });
				expect(json).not.toMatch(ACTING);
				expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ value, text })));
			}),
		);
	});
});
