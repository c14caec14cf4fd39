// Where the key may go, decided on the parsed URL: a table of addresses (destination.cases.ts),
// plus the opt-in, the default, and what requests are built on.
import { describe, expect, it } from "vitest";
import {
	DEFAULT_BASE_URL,
	type DestinationDecision,
	decideDestination,
	sameOrigin,
	showAddress,
} from "../../../source/core/destination/destination.js";
import { URL_CASES } from "./destination.cases.js";

const decide = (url: string, extra: Record<string, string> = {}, allow?: string) =>
	decideDestination({ ANTHROPIC_BASE_URL: url, ...extra }, { allow });

function summary(decision: DestinationDecision) {
	if (decision.verdict === "refuse") {
		return { verdict: "refuse", reason: decision.refusal.reason, host: decision.refusal.host };
	}
	const { kind, origin, host } = decision.destination;
	return { verdict: decision.verdict, kind, origin, host };
}

describe(`ANTHROPIC_BASE_URL: ${URL_CASES.length} addresses`, () => {
	it.each(URL_CASES)("$url → $verdict", (row) => {
		const expected =
			row.verdict === "refuse"
				? { verdict: "refuse", reason: row.reason, host: row.host }
				: {
						verdict: row.verdict,
						kind: row.kind,
						origin: row.origin,
						...(row.host ? { host: row.host } : {}),
					};
		expect(summary(decide(row.url))).toMatchObject(expected);
	});

	it("covers each verdict and each refusal", () => {
		const seen = new Set(URL_CASES.map((row) => row.reason ?? row.kind));
		for (const each of [
			"anthropic",
			"loopback",
			"other",
			"not-a-url",
			"scheme",
			"plain-http",
			"credentials",
		]) {
			expect(seen).toContain(each);
		}
	});

	it.each(URL_CASES.filter((row) => row.verdict === "ask"))("$url: the opt-in naming it sends", (row) => {
		expect(decide(row.url, {}, row.origin)).toMatchObject({ verdict: "send", allowedBy: "--allow-base-url" });
		const fromVariable = decide(row.url, { CLAUDE_SETUP_ALLOW_BASE_URL: row.origin ?? "" });
		expect(fromVariable).toMatchObject({ verdict: "send", allowedBy: "CLAUDE_SETUP_ALLOW_BASE_URL" });
	});

	it.each(URL_CASES.filter((row) => row.verdict === "refuse"))("$url: no opt-in sends to it", (row) => {
		expect(decide(row.url, {}, row.url).verdict).toBe("refuse");
		expect(decide(row.url, { CLAUDE_SETUP_ALLOW_BASE_URL: row.url }).verdict).toBe("refuse");
	});
});

describe("the opt-in", () => {
	const gateway = "https://gw.example.test";
	it.each([
		["the same origin", "https://gw.example.test"],
		["with a path", "https://gw.example.test/anything"],
		["in capitals, with the root's dot", "HTTPS://GW.example.test."],
		["with the default port", "https://gw.example.test:443"],
		["as a bare host", "gw.example.test"],
	])("%s allows it", (_, allow) => {
		expect(decide(gateway, {}, allow)).toMatchObject({ verdict: "send" });
	});

	it.each([
		["another host", "https://other.test"],
		["a look-alike", "https://gw.example.test.evil.test"],
		["another port", "https://gw.example.test:8443"],
		["plain http to it", "http://gw.example.test"],
		["a user name before it", "https://x@gw.example.test"],
		["not an address", "yes"],
		["a parent domain", "https://example.test"],
	])("%s is a mismatch: refused, both addresses named", (_, allow) => {
		const decision = decide(gateway, {}, allow);
		expect(decision).toMatchObject({
			verdict: "refuse",
			refusal: { reason: "mismatch", origin: gateway, allow: { by: "--allow-base-url" } },
		});
	});

	it("the flag wins over the variable", () => {
		const decision = decide(gateway, { CLAUDE_SETUP_ALLOW_BASE_URL: "https://other.test" }, gateway);
		expect(decision).toMatchObject({ verdict: "send", allowedBy: "--allow-base-url" });
	});

	it("is not needed (nor checked) for Anthropic's API or this machine", () => {
		for (const url of [DEFAULT_BASE_URL, "http://127.0.0.1:9"]) {
			expect(decide(url, {}, "https://other.test").verdict).toBe("send");
		}
	});
});

describe("the default and what requests are built on", () => {
	it.each([
		["unset", {}],
		["empty", { ANTHROPIC_BASE_URL: "" }],
		["blanks", { ANTHROPIC_BASE_URL: "  \t" }],
	])("%s: Anthropic's API, set by nothing", (_, env) => {
		expect(decideDestination(env)).toEqual({
			verdict: "send",
			destination: {
				baseURL: DEFAULT_BASE_URL,
				shown: DEFAULT_BASE_URL,
				origin: DEFAULT_BASE_URL,
				host: "api.anthropic.com",
				kind: "anthropic",
			},
		});
	});

	it.each([
		["https://API.anthropic.com./", "https://api.anthropic.com/"],
		["https://api.anthropic.com:443/v1", "https://api.anthropic.com/v1"],
		["http://127.1:9", "http://127.0.0.1:9/"],
		["https://gw.example.test/anthropic/?x=1#y", "https://gw.example.test/anthropic/"],
	])("%s: requests go to %s (the origin as compared, the path as given)", (url, baseURL) => {
		const decision = decide(url, {}, url);
		expect(decision.verdict === "send" && decision.destination.baseURL).toBe(baseURL);
	});

	it("an explicit address (the client's own option) wins over the variable", () => {
		const decision = decideDestination(
			{ ANTHROPIC_BASE_URL: "http://evil.test" },
			{ baseURL: "http://127.0.0.1:9" },
		);
		expect(decision).toMatchObject({ verdict: "send", destination: { origin: "http://127.0.0.1:9" } });
	});

	it("sameOrigin compares parsed origins, not strings", () => {
		const decision = decide("https://API.anthropic.com.");
		if (decision.verdict !== "send") throw new Error("sent to");
		const { destination } = decision;
		expect(sameOrigin("https://api.anthropic.com/v1/models", destination)).toBe(true);
		expect(sameOrigin("https://api.anthropic.com:443/v1/models", destination)).toBe(true);
		expect(sameOrigin("https://api.anthropic.com.evil.test/v1/models", destination)).toBe(false);
		expect(sameOrigin("https://x@api.anthropic.com/v1/models", destination)).toBe(false);
		expect(sameOrigin("http://api.anthropic.com/v1/models", destination)).toBe(false);
		expect(sameOrigin("not a url", destination)).toBe(false);
	});
});

describe("showing an address", () => {
	const key = `sk-ant-api03-${"s".repeat(89)}ShowAA`;
	it.each([
		["a password", "https://ada:hunter2@gw.example.test", "https://ada:…@gw.example.test"],
		["a key as the user name", `https://${key}@evil.test`, "https://sk-ant-api03-…owAA@evil.test"],
		["a key in the path", `https://evil.test/${key}`, "https://evil.test/sk-ant-api03-…owAA"],
	])("hides %s", (_, text, shown) => {
		expect(showAddress(text)).toBe(shown);
	});

	it("keeps a refusal's address safe to print", () => {
		const decision = decide(`https://${key}:pw@evil.test`);
		const shown = decision.verdict === "refuse" ? decision.refusal.shown : "";
		expect(shown).not.toContain(key);
		expect(shown).not.toContain(":pw@");
	});
});
