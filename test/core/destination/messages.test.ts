// What a person reads about where the key goes: each refusal and the question name the host,
// the variable that set it, and the fix; none shows a password or a key.
import { describe, expect, it } from "vitest";
import { type DestinationDecision, decideDestination } from "../../../source/core/destination/destination.js";
import {
	askExplanation,
	blockedExplanation,
	refusalNote,
	routeNote,
} from "../../../source/core/destination/messages.js";

const KEY = `sk-ant-api03-${"m".repeat(89)}MessAA`;
const decide = (env: Readonly<Record<string, string | undefined>>, allow?: string) =>
	decideDestination(env, { allow });
const text = (decision: DestinationDecision) => {
	const explained = blockedExplanation(decision);
	return explained ? [explained.title, explained.why, ...explained.next].join("\n") : "";
};

describe("why the key is not sent", () => {
	it.each([
		[
			"plain http to a look-alike",
			{ ANTHROPIC_BASE_URL: "http://api.anthropic.com.evil.test" },
			[
				"Not sending the key over plain http:// to api.anthropic.com.evil.test",
				"ANTHROPIC_BASE_URL is http://api.anthropic.com.evil.test",
				"unencrypted",
				"Use https:// in ANTHROPIC_BASE_URL.",
				"unset ANTHROPIC_BASE_URL",
			],
		],
		[
			"another host, no opt-in",
			{ ANTHROPIC_BASE_URL: "https://api.anthropic.com.evil.test" },
			[
				"Not sending the key to api.anthropic.com.evil.test",
				"ANTHROPIC_BASE_URL is https://api.anthropic.com.evil.test",
				"--allow-base-url https://api.anthropic.com.evil.test",
				"CLAUDE_SETUP_ALLOW_BASE_URL=https://api.anthropic.com.evil.test",
				"--no-verify",
			],
		],
		[
			"a user name before the host",
			{ ANTHROPIC_BASE_URL: "https://api.anthropic.com@evil.test" },
			[
				"Not sending the key to evil.test",
				'the part before "@" is a user name',
				"The key would go to evil.test",
			],
		],
		[
			"not a web address",
			{ ANTHROPIC_BASE_URL: "api.anthropic.com" },
			["ANTHROPIC_BASE_URL is not a web address", 'It is "api.anthropic.com"'],
		],
		[
			"another scheme",
			{ ANTHROPIC_BASE_URL: "ftp://x.test" },
			["ANTHROPIC_BASE_URL must start with https://"],
		],
		[
			"a socks proxy",
			{ HTTPS_PROXY: "socks5://127.0.0.1:1080" },
			["Can't use the proxy in HTTPS_PROXY", "socks5://…", "add api.anthropic.com to NO_PROXY"],
		],
	])("%s", (_, env, phrases) => {
		const said = text(decide(env));
		for (const phrase of phrases) expect(said).toContain(phrase);
	});

	it("an opt-in for another address names both and the right flag", () => {
		const said = text(decide({ ANTHROPIC_BASE_URL: "https://gw.example.test" }, "https://other.test"));
		expect(said).toContain("--allow-base-url names another address");
		expect(said).toContain("It allows https://other.test");
		expect(said).toContain("sends the key to https://gw.example.test");
		expect(said).toContain("use --allow-base-url https://gw.example.test");
		const byVariable = text(
			decide({
				ANTHROPIC_BASE_URL: "https://gw.example.test",
				CLAUDE_SETUP_ALLOW_BASE_URL: "https://x.test",
			}),
		);
		expect(byVariable).toContain("CLAUDE_SETUP_ALLOW_BASE_URL names another address");
	});

	it("says nothing when the key may go", () => {
		expect(blockedExplanation(decide({}))).toBeUndefined();
		expect(blockedExplanation(decide({ ANTHROPIC_BASE_URL: "http://127.0.0.1:9" }))).toBeUndefined();
	});

	it.each([
		{ ANTHROPIC_BASE_URL: `https://${KEY}@evil.test` },
		{ ANTHROPIC_BASE_URL: `http://user:hunter2@evil.test/${KEY}` },
		{ ANTHROPIC_BASE_URL: `not a url ${KEY}` },
		{ HTTPS_PROXY: `socks5://ada:hunter2@proxy:1080/${KEY}` },
	])("never shows a key or a password: %j", (env) => {
		const said = text(decide(env));
		expect(said).not.toBe("");
		expect(said).not.toContain(KEY.slice(13));
		expect(said).not.toContain("hunter2");
	});
});

describe("before it is sent", () => {
	it("the question names the host, the variable, the address and the proxy", () => {
		const decision = decide({
			ANTHROPIC_BASE_URL: "https://gw.example.test/v1",
			HTTPS_PROXY: "http://127.0.0.1:3128",
		});
		if (decision.verdict !== "ask") throw new Error("asked");
		const { title, why } = askExplanation(decision.destination);
		expect(title).toBe("Send your key to gw.example.test?");
		expect(why).toContain("ANTHROPIC_BASE_URL is https://gw.example.test/v1");
		expect(why).toContain("not to Anthropic's API (https://api.anthropic.com)");
		expect(why).toContain("through the proxy http://127.0.0.1:3128 (HTTPS_PROXY)");
	});

	it.each([
		[{}, undefined],
		[
			{ HTTPS_PROXY: "http://127.0.0.1:3128" },
			"Requests to https://api.anthropic.com go through the proxy http://127.0.0.1:3128 (HTTPS_PROXY).",
		],
		[
			{ ANTHROPIC_BASE_URL: "http://127.0.0.1:9" },
			"The key goes to http://127.0.0.1:9 (this machine), set by ANTHROPIC_BASE_URL.",
		],
	])("the note for %j: %s", (env, note) => {
		const decision = decide(env);
		expect(decision.verdict === "send" ? routeNote(decision.destination) : "").toBe(note);
	});

	it("the note says which opt-in allowed another host", () => {
		const decision = decide({ ANTHROPIC_BASE_URL: "https://gw.example.test" }, "https://gw.example.test");
		if (decision.verdict !== "send") throw new Error("sent");
		expect(routeNote(decision.destination, decision.allowedBy)).toBe(
			"The key goes to https://gw.example.test, set by ANTHROPIC_BASE_URL, as --allow-base-url allows.",
		);
	});
});

// The note under the key prompt: one sentence, no repetition, each reason named.
describe("the note under the key prompt for a refused address", () => {
	it.each([
		[
			{ ANTHROPIC_BASE_URL: "http://api.anthropic.com.evil.test" },
			"The key will not be sent to api.anthropic.com.evil.test: ANTHROPIC_BASE_URL is plain http://, so it would travel unencrypted;",
		],
		[
			{ ANTHROPIC_BASE_URL: "https://api.anthropic.com@evil.test" },
			'The key will not be sent to evil.test: ANTHROPIC_BASE_URL has a user name before "@", which hides the real host;',
		],
		[{ ANTHROPIC_BASE_URL: "api.anthropic.com" }, ": ANTHROPIC_BASE_URL is not a web address;"],
		[{ ANTHROPIC_BASE_URL: "ftp://x.test" }, ": ANTHROPIC_BASE_URL does not start with https://;"],
		[{ HTTPS_PROXY: "socks5://127.0.0.1:1080" }, ": HTTPS_PROXY is not an http:// or https:// proxy;"],
	])("%o", (env, reason) => {
		const decision = decide(env);
		if (decision.verdict !== "refuse") throw new Error(`expected a refusal, got ${decision.verdict}`);
		const note = refusalNote(decision.refusal);
		expect(note).toMatch(/^The key will not be sent/);
		expect(note).toContain(reason);
		expect(note).toMatch(/; paste it and press Enter to see the fix\.$/);
		// Said once: no "Not sending …: the key will not be sent."
		expect(note.match(/not be sent|not sending/gi)).toHaveLength(1);
	});
});
