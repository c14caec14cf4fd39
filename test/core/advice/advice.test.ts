import { describe, expect, it } from "vitest";
import { type Advice, type AdviceContext, adviseApiFailure } from "../../../source/core/advice/advice.js";
import type { ApiFailure } from "../../../source/core/system.js";

const check: AdviceContext = { step: "check" };
const test: AdviceContext = { step: "test", model: "claude-haiku-5-5" };
const http = (status: number, extra: Partial<ApiFailure & { kind: "http" }> = {}): ApiFailure => ({
	kind: "http",
	status,
	...extra,
});
const connection = (code?: string): ApiFailure => ({
	kind: "connection",
	message: "connect failed somehow",
	...(code ? { code } : {}),
});

type Row = [string, ApiFailure, AdviceContext, Advice["outcome"], RegExp, RegExp];

// [case, failure, context, outcome, title, something in why + next]
const rows: Row[] = [
	[
		"400 credit balance",
		http(400, {
			type: "invalid_request_error",
			message: "Your credit balance is too low to access the Anthropic API.",
		}),
		test,
		"account",
		/no credit/,
		/Plans & Billing/,
	],
	[
		"other 400",
		http(400, {
			type: "invalid_request_error",
			message: "max_tokens: Field required",
		}),
		test,
		"request",
		/refused the request \(400\)/,
		/max_tokens: Field required/,
	],
	[
		"401",
		http(401, {
			type: "authentication_error",
			message: "Invalid bearer token",
		}),
		check,
		"rejected",
		/key was rejected/,
		/invalid, revoked or mistyped[\s\S]*Paste the key again[\s\S]*console\.anthropic\.com → API keys/,
	],
	[
		"401 OAuth token",
		http(401, { message: "OAuth authentication is currently not supported." }),
		check,
		"rejected",
		/Claude Code token, not an API key/,
		/sk-ant-api03/,
	],
	["402", http(402, { type: "billing_error" }), test, "account", /billing problem/, /Plans & Billing/],
	[
		"403 on the test",
		http(403, { type: "permission_error" }),
		test,
		"rejected",
		/no access to claude-haiku-5-5/,
		/--model/,
	],
	[
		"403 on the check",
		http(403, { type: "permission_error" }),
		check,
		"rejected",
		/not allowed to use the API/,
		/403 to listing the models[\s\S]*workspace/,
	],
	[
		"404 unknown model",
		http(404, { message: "model: claude-haiku-5-5" }),
		test,
		"request",
		/Model not found: claude-haiku-5-5/,
		/--model <id>/,
	],
	[
		"404 on the check",
		http(404),
		check,
		"request",
		/API address looks wrong/,
		/not reaching the Anthropic API[\s\S]*proxy settings/,
	],
	[
		"404 with a /v1 base URL",
		http(404),
		{ ...test, baseURL: "https://api.anthropic.com/v1" },
		"request",
		/API address looks wrong/,
		/remove the trailing \/v1/,
	],
	[
		"404 with a custom base URL",
		http(404),
		{ step: "check", baseURL: "https://gateway.example/anthropic" },
		"request",
		/API address looks wrong/,
		/Check ANTHROPIC_BASE_URL \(https:\/\/gateway\.example\/anthropic\)/,
	],
	[
		"429 with retry-after",
		http(429, { type: "rate_limit_error", retryAfterSeconds: 17 }),
		check,
		"account",
		/Too many requests/,
		/Wait 17 seconds/,
	],
	[
		"429 without retry-after",
		http(429, { type: "rate_limit_error" }),
		check,
		"account",
		/Too many requests/,
		/Wait a minute/,
	],
	[
		"429 spend limit",
		http(429, {
			type: "rate_limit_error",
			errorCode: "enforced_spend_limit_reached",
		}),
		test,
		"account",
		/Monthly spend limit reached/,
		/won't help[\s\S]*console\.anthropic\.com → Limits/,
	],
	[
		"500",
		http(500, { type: "api_error" }),
		test,
		"server",
		/had an error \(500\)/,
		/Try again in a few minutes/,
	],
	["502 from a gateway", http(502), test, "server", /had an error \(502\)/, /status\.anthropic\.com/],
	[
		"529",
		http(529, { type: "overloaded_error" }),
		test,
		"server",
		/overloaded/,
		/Try again in a few minutes/,
	],
	["an unexpected 4xx", http(418), check, "request", /refused the request \(418\)/, /API answered 418/],
	["timeout", { kind: "timeout" }, check, "unreachable", /did not answer in time/, /proxy/],
	[
		"ENOTFOUND",
		connection("ENOTFOUND"),
		check,
		"unreachable",
		/Can't look up api\.anthropic\.com/,
		/offline, or there is no DNS/,
	],
	["EAI_AGAIN", connection("EAI_AGAIN"), check, "unreachable", /Can't look up/, /\(EAI_AGAIN\)/],
	[
		"ECONNREFUSED",
		connection("ECONNREFUSED"),
		check,
		"unreachable",
		/Nothing is listening at api\.anthropic\.com/,
		/proxy/,
	],
	[
		"ECONNREFUSED with a base URL",
		connection("ECONNREFUSED"),
		{ step: "check", baseURL: "http://localhost:8080" },
		"unreachable",
		/Nothing is listening at localhost:8080/,
		/ANTHROPIC_BASE_URL \(http:\/\/localhost:8080\)/,
	],
	[
		"ECONNRESET",
		connection("ECONNRESET"),
		test,
		"unreachable",
		/connection was dropped/,
		/proxy or firewall/,
	],
	[
		"UND_ERR_SOCKET",
		connection("UND_ERR_SOCKET"),
		test,
		"unreachable",
		/connection was dropped/,
		/\(UND_ERR_SOCKET\)/,
	],
	["ETIMEDOUT", connection("ETIMEDOUT"), check, "unreachable", /Can't reach api\.anthropic\.com/, /firewall/],
	[
		"an unknown code",
		connection("EWEIRD"),
		check,
		"unreachable",
		/Can't reach/,
		/\(EWEIRD\): connect failed somehow/,
	],
	["no code", connection(), check, "unreachable", /Can't reach/, /connect failed somehow/],
	...[
		"SELF_SIGNED_CERT_IN_CHAIN",
		"UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
		"CERT_HAS_EXPIRED",
		"DEPTH_ZERO_SELF_SIGNED_CERT",
		"UNABLE_TO_VERIFY_LEAF_SIGNATURE",
	].map(
		(code): Row => [
			code,
			connection(code),
			check,
			"unreachable",
			/intercepting the secure connection/,
			/NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem[\s\S]*NODE_USE_SYSTEM_CA=1/,
		],
	),
];

describe("adviseApiFailure", () => {
	it.each(rows)("%s", (_name, failure, context, outcome, title, text) => {
		const advice = adviseApiFailure(failure, context);
		expect(advice.outcome).toBe(outcome);
		expect(advice.title).toMatch(title);
		expect([advice.why, ...advice.next].join("\n")).toMatch(text);
		expect(advice.next.length).toBeGreaterThan(0);
	});

	it("passes on the request-id for support", () => {
		const advice = adviseApiFailure(http(500, { requestId: "req_011abc" }), test);
		expect(advice.requestId).toBe("req_011abc");
		// Shown once by the renderers ("request-id: … (give this to support)"), not repeated in next.
		expect(advice.next.join("\n")).not.toContain("req_011abc");
	});

	it("has no request-id line without one", () => {
		const advice = adviseApiFailure({ kind: "timeout" }, check);
		expect(advice.requestId).toBeUndefined();
		expect(advice.next.join("\n")).not.toMatch(/support/);
	});

	it.each<[string, ApiFailure]>([
		["401", http(401)],
		["a timeout", { kind: "timeout" }],
		["a DNS failure", connection("ENOTFOUND")],
	])("mentions a non-default base URL on %s", (_name, failure) => {
		const advice = adviseApiFailure(failure, {
			step: "check",
			baseURL: "https://proxy.corp/anthropic",
		});
		expect(advice.next.join("\n")).toContain("https://proxy.corp/anthropic");
	});

	it.each(["https://api.anthropic.com", "https://api.anthropic.com/", undefined])(
		"does not mention the default base URL (%s)",
		(baseURL) => {
			const advice = adviseApiFailure(http(401), {
				step: "check",
				...(baseURL ? { baseURL } : {}),
			});
			expect(advice.next.join("\n")).not.toMatch(/ANTHROPIC_BASE_URL/);
		},
	);

	it("says 1 second, not 1 seconds", () => {
		const advice = adviseApiFailure(http(429, { retryAfterSeconds: 1 }), check);
		expect(advice.next[0]).toBe("Wait 1 second, then try again.");
	});
});

// Who meets the advice decides the next step: someone pasting (the prompt comes back), a script
// piping the key in, or `status` (nobody is pasting; the key is already saved).
describe("the next step fits where the advice is read", () => {
	const rejected = http(401, { type: "authentication_error", message: "Invalid bearer token" });
	it.each<[string, AdviceContext["flow"], string]>([
		["the wizard", "wizard", "Paste the key again, or create a new one at console.anthropic.com → API keys."],
		[
			"--key-stdin",
			"key-stdin",
			"Check the key you piped in (the whole key, not revoked), or create a new one at console.anthropic.com → API keys and pipe that in.",
		],
		[
			"status",
			"status",
			"Create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
		],
	])("401 in %s", (_name, flow, next) => {
		const advice = adviseApiFailure(rejected, { step: "check", flow });
		expect(advice.next).toEqual([next]);
	});

	it("401 never guesses at sk-ant-oat01: only sk-ant-api03 keys are sent", () => {
		for (const flow of ["wizard", "key-stdin", "status"] as const) {
			expect(adviseApiFailure(rejected, { step: "check", flow }).next.join("\n")).not.toContain("oat01");
		}
	});

	it("no credit on the live test: the key is saved, so no 'run `claude-setup` again'", () => {
		const credit = http(400, { message: "Your credit balance is too low to access the Anthropic API." });
		const next = adviseApiFailure(credit, { ...test, flow: "key-stdin" }).next.join("\n");
		expect(next).toContain("Add credits at console.anthropic.com → Plans & Billing.");
		expect(next).toContain("The key is saved");
		expect(next).not.toContain("run `claude-setup` again");
	});

	it("an unknown model is not offered again as the example", () => {
		const advice = adviseApiFailure(http(404, { message: "model: claude-haiku-5-5" }), test);
		expect(advice.next).toEqual([
			"To test it with another model, run `claude-setup` again with --model <id>.",
		]);
		expect(advice.next.join("\n")).not.toContain("claude-haiku-5-5");
	});

	it("403 on the test names the model and how to try another", () => {
		const advice = adviseApiFailure(http(403, { message: "Permission denied" }), test);
		expect(advice.why).toContain("may not use this model");
		expect(advice.next[0]).toBe("To test it with another model, run `claude-setup` again with --model <id>.");
	});

	it("quotes the API's message without doubling its full stop", () => {
		const advice = adviseApiFailure(
			http(402, { message: "Your payment method could not be charged." }),
			test,
		);
		expect(advice.why).toBe(
			'The API answered 402 (payment required). The API said: "Your payment method could not be charged."',
		);
		expect(adviseApiFailure(rejected, check).why).toMatch(/"Invalid bearer token"\.$/);
	});
});

describe("status.anthropic.com is named only for Anthropic's own API", () => {
	it.each([
		["Anthropic's API", undefined, true],
		["a local server (ANTHROPIC_BASE_URL=127.0.0.1)", "http://127.0.0.1:8080", false],
		["a gateway", "https://gw.example.test", false],
	])("a 500 from %s", (_name, baseURL, named) => {
		const server = adviseApiFailure({ kind: "http", status: 500 }, { step: "test", baseURL });
		const timeout = adviseApiFailure({ kind: "timeout" }, { step: "check", baseURL });
		for (const advice of [server, timeout]) {
			expect(advice.next.some((line) => line.includes("status.anthropic.com"))).toBe(named);
		}
	});
});
