// scrubSecrets: any Anthropic-shaped credential, and any secret passed in, is masked
// wherever it appears in a message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scrubSecrets } from "../../../source/core/key/scrub.js";
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
