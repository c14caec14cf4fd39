// scrubSecrets: any Anthropic-shaped credential, and any secret passed in, is masked
// wherever it appears in a message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskKey } from "../../../source/core/key/key.js";
import { KEY_RUN, scrubSecrets } from "../../../source/core/key/scrub.js";
import { testKey } from "../../helpers/temp-system.js";

const BODY = "ScrubSecretPartNeverShown";
const API_KEY = testKey(BODY);
const OAUTH = `sk-ant-oat01-${BODY}${"o".repeat(50)}ToKn`;
const ADMIN = `sk-ant-admin01-${BODY}${"a".repeat(60)}AdMn`;

describe("scrubSecrets", () => {
	it.each([
		[
			"an API key in a sentence",
			`Request failed for key ${API_KEY} (401)`,
			"Request failed for key sk-ant-api03-…AbCd (401)",
		],
		["a key in JSON", `{"x-api-key":"${API_KEY}"}`, `{"x-api-key":"sk-ant-api03-…AbCd"}`],
		[
			"a key in an export line",
			`export ANTHROPIC_API_KEY='${API_KEY}'`,
			"export ANTHROPIC_API_KEY='sk-ant-api03-…AbCd'",
		],
		["a Bearer header", `authorization: Bearer ${API_KEY}\n`, "authorization: Bearer sk-ant-api03-…AbCd\n"],
		["an OAuth token", `token=${OAUTH};`, "token=sk-ant-oat01-…ToKn;"],
		["an admin key", `(${ADMIN})`, "(sk-ant-admin01-…AdMn)"],
		["two keys on two lines", `a ${API_KEY}\nb ${OAUTH}`, "a sk-ant-api03-…AbCd\nb sk-ant-oat01-…ToKn"],
		["a key glued to words", `key:${API_KEY}.`, "key:sk-ant-api03-…AbCd."],
		[
			"nothing secret",
			"ENOENT: no such file, open '/home/ada/.zshrc'",
			"ENOENT: no such file, open '/home/ada/.zshrc'",
		],
		["an already masked key", "saved sk-ant-api03-…AbCd", "saved sk-ant-api03-…AbCd"],
		["a key prefix alone", "keys start with sk-ant-api03-", "keys start with sk-ant-api03-"],
	])("masks %s", (_, text, expected) => {
		expect(scrubSecrets(text)).toBe(expected);
	});

	it("masks secrets passed in, even when they are not shaped like an Anthropic key", () => {
		const secret = "hunter2-is-my-long-password";
		expect(scrubSecrets(`failed: ${secret}!`, secret)).toBe("failed: hun…word!");
		expect(scrubSecrets(`cut ${API_KEY.slice(0, 60)}`, API_KEY.slice(0, 60))).not.toContain(BODY);
	});

	it("ignores passed-in secrets too short to mask meaningfully", () => {
		expect(scrubSecrets("a b c", "", "b")).toBe("a b c");
	});

	it("masks a passed-in key once, not twice", () => {
		expect(scrubSecrets(`x ${API_KEY} y`, API_KEY)).toBe("x sk-ant-api03-…AbCd y");
	});

	it("is idempotent", () => {
		const once = scrubSecrets(`${API_KEY} ${OAUTH} ${ADMIN}`);
		expect(scrubSecrets(once)).toBe(once);
	});

	it("never lets the middle of a key through, whatever surrounds it", () => {
		const keyCharacter = fc.constantFrom(
			..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
		);
		const prose = fc.string({ unit: fc.constantFrom(..." .,:;=\"'()\n\t/é…") });
		const prefix = fc.constantFrom("sk-ant-api03-", "sk-ant-oat01-", "sk-ant-admin01-", "sk-ant-sid01-");
		fc.assert(
			fc.property(
				prefix,
				fc.string({ unit: keyCharacter, minLength: 20, maxLength: 120 }),
				prose,
				prose,
				(head, body, before, after) => {
					const scrubbed = scrubSecrets(`${before}${head}${body}${after}`);
					expect(scrubbed).not.toContain(body.slice(0, -4));
					expect(scrubbed).toContain(`${head}…${body.slice(-4)}`);
				},
			),
		);
	});
});

describe("scrubSecrets with the keys we know", () => {
	const KNOWN = testKey("KnownBodyNeverShown1", "KnWn");
	const KNOWN_BODY = KNOWN.slice("sk-ant-api03-".length);
	const OTHER = testKey("OtherKeyNeverShown22", "OtHr");

	it.each([
		["the key without its sk-ant-api03- prefix", `invalid x-api-key: ${KNOWN_BODY}`, [KNOWN]],
		["a 16-character run from its middle", `got …${KNOWN_BODY.slice(20, 36)}…`, [KNOWN]],
		["a run glued to other characters", `id=zz${KNOWN_BODY.slice(5, 40)}zz`, [KNOWN]],
		["the key cut short at the end", `key ${KNOWN.slice(0, 50)}`, [KNOWN]],
		["a second known key, without prefix", `${KNOWN_BODY} and ${OTHER.slice(13)}`, [KNOWN, OTHER]],
		["another key of an unknown kind", `sk-ant-sid01-${"Q".repeat(30)}SiDx`, []],
		["an apiKeyHelper command", `"apiKeyHelper": "echo ${OTHER}"`, []],
		["a key with a trailing newline as the secret", `v=${KNOWN}`, [`${KNOWN}\n`]],
	])("masks %s", (_, text, known) => {
		const scrubbed = scrubSecrets(text, ...known);
		for (const secret of ["KnownBodyNeverShown1", "OtherKeyNeverShown22", "QQQQQQQQQQQQ"]) {
			expect(scrubbed).not.toContain(secret);
		}
		expect(scrubbed).toMatch(/sk-ant-[a-z]+\d+-…/);
	});

	it("shows a run of a known key as that key's masked form", () => {
		expect(scrubSecrets(`401: ${KNOWN_BODY}`, KNOWN)).toBe(`401: ${maskKey(KNOWN)}`);
		expect(scrubSecrets(`"apiKeyHelper": "echo ${KNOWN}"`)).toBe(`"apiKeyHelper": "echo ${maskKey(KNOWN)}"`);
	});

	it("leaves text that only shares short pieces with a known key", () => {
		const text = `${KNOWN_BODY.slice(0, 15)} ${KNOWN_BODY.slice(30, 45)} ok`;
		expect(scrubSecrets(text, KNOWN)).toBe(text);
	});

	it("property: no run of KEY_RUN characters of a known key survives, wherever it sits", () => {
		const prose = fc.string({ unit: fc.constantFrom(..." .,:;=\"'()\n/é…ab1_-") });
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: KNOWN_BODY.length - KEY_RUN }),
				fc.integer({ min: KEY_RUN, max: KNOWN_BODY.length }),
				prose,
				prose,
				(start, length, before, after) => {
					const run = KNOWN_BODY.slice(start, start + length);
					fc.pre(run.length >= KEY_RUN);
					const scrubbed = scrubSecrets(`${before}${run}${after}`, KNOWN);
					for (let at = 0; at + KEY_RUN <= KNOWN_BODY.length; at++) {
						expect(scrubbed).not.toContain(KNOWN_BODY.slice(at, at + KEY_RUN));
					}
				},
			),
		);
	});
});
