// The proxy on the way, read as curl reads it: which variable wins, what NO_PROXY matches, what
// cannot be used, and that a destination on this machine never goes through one.
import { describe, expect, it } from "vitest";
import { decideDestination } from "../../../source/core/destination/destination.js";
import { noProxyMatches, proxyFor } from "../../../source/core/destination/proxy.js";

const API = new URL("https://api.anthropic.com");

describe("which variable names the proxy", () => {
	it.each([
		["nothing set", {}, undefined],
		["HTTPS_PROXY", { HTTPS_PROXY: "http://p:3128" }, "HTTPS_PROXY"],
		[
			"https_proxy before HTTPS_PROXY",
			{ https_proxy: "http://a:1", HTTPS_PROXY: "http://b:2" },
			"https_proxy",
		],
		["HTTPS_PROXY before ALL_PROXY", { HTTPS_PROXY: "http://a:1", ALL_PROXY: "http://b:2" }, "HTTPS_PROXY"],
		["all_proxy before ALL_PROXY", { all_proxy: "http://a:1", ALL_PROXY: "http://b:2" }, "all_proxy"],
		["ALL_PROXY alone", { ALL_PROXY: "http://b:2" }, "ALL_PROXY"],
		["blank https_proxy counts as unset", { https_proxy: "  ", HTTPS_PROXY: "http://b:2" }, "HTTPS_PROXY"],
		[
			"HTTP_PROXY alone: not for https (as curl)",
			{ HTTP_PROXY: "http://b:2", http_proxy: "http://c:3" },
			undefined,
		],
	])("%s", (_, env, variable) => {
		const choice = proxyFor(env, API);
		expect(choice.kind === "proxy" ? choice.route.variable : undefined).toBe(variable);
	});

	it.each([
		["http://proxy.corp:3128", "http://proxy.corp:3128"],
		["proxy.corp:3128", "http://proxy.corp:3128"],
		["proxy.corp", "http://proxy.corp:1080"],
		["https://proxy.corp", "https://proxy.corp:443"],
		["http://ada:secret@proxy.corp:3128", "http://proxy.corp:3128"],
		["HTTP://PROXY.CORP:3128/", "http://proxy.corp:3128"],
		["http://[::1]:3128", "http://[::1]:3128"],
	])("%s is shown as %s (never its password)", (value, shown) => {
		const choice = proxyFor({ HTTPS_PROXY: value }, API);
		expect(choice).toMatchObject({ kind: "proxy", route: { shown } });
		if (choice.kind === "proxy") expect(choice.route.shown).not.toContain("secret");
	});

	it("keeps the credentials for the connection, with curl's default port filled in", () => {
		const choice = proxyFor({ HTTPS_PROXY: "http://ada:s%40cret@proxy.corp" }, API);
		expect(choice).toMatchObject({ kind: "proxy", route: { url: "http://ada:s%40cret@proxy.corp:1080/" } });
	});

	it.each([
		["socks5://127.0.0.1:1080", "socks5://…"],
		["socks5h://proxy:1080", "socks5h://…"],
		["ftp://proxy:21", "ftp://…"],
		["http://", "not a web address"],
		["http://[bad", "not a web address"],
	])("%s cannot be used: %s", (value, shown) => {
		expect(proxyFor({ HTTPS_PROXY: value }, API)).toEqual({
			kind: "unusable",
			variable: "HTTPS_PROXY",
			shown,
		});
	});
});

describe("NO_PROXY, as curl matches it", () => {
	it.each([
		["*", "api.anthropic.com", 443, true],
		["api.anthropic.com", "api.anthropic.com", 443, true],
		["anthropic.com", "api.anthropic.com", 443, true],
		[".anthropic.com", "api.anthropic.com", 443, true],
		["*.anthropic.com", "api.anthropic.com", 443, true],
		["ANTHROPIC.COM.", "api.anthropic.com", 443, true],
		["localhost, anthropic.com", "api.anthropic.com", 443, true],
		["localhost anthropic.com", "api.anthropic.com", 443, true],
		["api.anthropic.com:443", "api.anthropic.com", 443, true],
		["api.anthropic.com:8443", "api.anthropic.com", 443, false],
		["thropic.com", "api.anthropic.com", 443, false],
		["api.anthropic.com.evil.test", "api.anthropic.com", 443, false],
		["anthropic.com", "anthropic.com.evil.test", 443, false],
		["evil.test", "api.anthropic.com.evil.test", 443, true],
		["", "api.anthropic.com", 443, false],
		[",,", "api.anthropic.com", 443, false],
		[".", "api.anthropic.com", 443, false],
		["10.0.0.5", "10.0.0.5", 443, true],
		["10.0.0.5", "10.0.0.50", 443, false],
		["10.0.0.0/8", "10.20.30.40", 443, true],
		["10.0.0.0/8", "11.0.0.1", 443, false],
		["192.168.1.0/24", "192.168.1.77", 443, true],
		["192.168.1.0/33", "192.168.1.77", 443, false],
		["0.0.0.0/0", "8.8.8.8", 443, true],
		["10.0.0.0/8", "gw.example.test", 443, false],
		["[2001:db8::1]", "[2001:db8::1]", 443, true],
		["2001:db8::1", "[2001:db8::1]", 443, true],
		["[2001:db8::1]:443", "[2001:db8::1]", 443, true],
		["[2001:db8::1]:80", "[2001:db8::1]", 443, false],
	] as const)("%j with %s:%i → %s", (list, host, port, matches) => {
		expect(noProxyMatches(list, host, port)).toBe(matches);
	});

	it("no_proxy wins over NO_PROXY, and a match goes direct", () => {
		const env = { HTTPS_PROXY: "http://p:1", no_proxy: "anthropic.com", NO_PROXY: "other.test" };
		expect(proxyFor(env, API)).toEqual({ kind: "direct", bypassedBy: "no_proxy" });
		expect(proxyFor({ ...env, no_proxy: "other.test" }, API).kind).toBe("proxy");
	});
});

describe("in the decision", () => {
	it("Anthropic's API through a proxy: sent, with the proxy named", () => {
		const decision = decideDestination({ HTTPS_PROXY: "http://127.0.0.1:3128" });
		expect(decision).toMatchObject({
			verdict: "send",
			destination: { kind: "anthropic", proxy: { shown: "http://127.0.0.1:3128", variable: "HTTPS_PROXY" } },
		});
	});

	it.each(["http://127.0.0.1:9", "https://localhost:8443", "http://[::1]:9"])(
		"%s (this machine) never goes through a proxy",
		(url) => {
			const env = {
				ANTHROPIC_BASE_URL: url,
				HTTPS_PROXY: "http://p:1",
				HTTP_PROXY: "http://p:1",
				ALL_PROXY: "http://p:1",
			};
			const decision = decideDestination(env);
			expect(decision.verdict === "send" && decision.destination.proxy).toBeUndefined();
		},
	);

	it("an unusable proxy refuses, naming the variable and the host to list in NO_PROXY", () => {
		expect(decideDestination({ ALL_PROXY: "socks5://127.0.0.1:1080" })).toMatchObject({
			verdict: "refuse",
			refusal: {
				reason: "proxy",
				host: "api.anthropic.com",
				proxy: { variable: "ALL_PROXY", shown: "socks5://…" },
			},
		});
		// …unless NO_PROXY sends this host around it.
		expect(decideDestination({ ALL_PROXY: "socks5://x", NO_PROXY: "api.anthropic.com" }).verdict).toBe(
			"send",
		);
	});
});
