// Claude Code's settings.json gets our apiKeyHelper with every other byte kept, and loses only ours.
import { describe, expect, it } from "vitest";
import {
	apiKeyHelperCommand,
	apiKeyHelperOf,
	isOurHelper,
	withApiKeyHelper,
	withoutApiKeyHelper,
} from "../../../source/core/keychain/consumers.js";

const OURS = apiKeyHelperCommand("secret-service", "ANTHROPIC_API_KEY");

describe("apiKeyHelper in settings.json", () => {
	it.each([
		[undefined, `{\n  "apiKeyHelper": ${JSON.stringify(OURS)}\n}\n`],
		["", `{\n  "apiKeyHelper": ${JSON.stringify(OURS)}\n}\n`],
		[
			'{\n\t// mine\n\t"model": "opus",\n}\n',
			`{\n\t// mine\n\t"model": "opus",\n\t"apiKeyHelper": ${JSON.stringify(OURS)},\n}\n`,
		],
		['{"apiKeyHelper": "old-helper"}', `{"apiKeyHelper": ${JSON.stringify(OURS)}}`],
	])("%j → %j", (before, after) => {
		const edited = withApiKeyHelper(before, OURS);
		expect(edited).toEqual({ ok: true, text: after });
		if (edited.ok) expect(apiKeyHelperOf(edited.text)).toBe(OURS);
	});

	it("refuses a file that does not parse, rather than guessing", () => {
		expect(withApiKeyHelper('{"model": ', OURS)).toEqual({ ok: false, reason: "it is not valid JSON" });
	});

	it("remove takes out ours only, and says when nothing else is left", () => {
		const ours = `{\n  "apiKeyHelper": ${JSON.stringify(OURS)}\n}\n`;
		expect(withoutApiKeyHelper(ours, isOurHelper)).toMatchObject({ changed: true, empty: true });
		const kept = `{\n  "model": "opus",\n  "apiKeyHelper": ${JSON.stringify(OURS)}\n}\n`;
		expect(withoutApiKeyHelper(kept, isOurHelper)).toEqual({
			text: '{\n  "model": "opus"\n}\n',
			changed: true,
			empty: false,
		});
		const theirs = '{"apiKeyHelper": "vault read -field=key secret/anthropic"}';
		expect(withoutApiKeyHelper(theirs, isOurHelper)).toEqual({ text: theirs, changed: false, empty: false });
	});
});
