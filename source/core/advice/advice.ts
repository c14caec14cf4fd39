// Turns an API failure into what a person should do next. Pure: the wizard shows it and
// exits with the code for its `outcome`.

import { DEFAULT_BASE_URL } from "../destination/destination.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import type { ApiFailure } from "../system.js";
import type { Advice, AdviceContext, Core } from "./advice-types.js";
import { adviseConnection } from "./connection.js";
import { adviseKeyAnswer, said } from "./key-answers.js";
import { adviseRedirect } from "./redirect.js";

export type { Advice, AdviceContext } from "./advice-types.js";

export function exitCodeForAdvice(outcome: Advice["outcome"]): ExitCodeValue {
	switch (outcome) {
		case "rejected":
			return ExitCode.keyRejected;
		case "unreachable":
			return ExitCode.unreachable;
		case "refused":
			return ExitCode.usage;
		default:
			return ExitCode.notProven;
	}
}

const LIMITS_PAGE = "console.anthropic.com → Limits";
const STATUS_PAGE = "Check status.anthropic.com for incidents.";

function customBaseURL(context: AdviceContext): string | undefined {
	const url = context.baseURL?.trim();
	return url && url.replace(/\/+$/, "") !== DEFAULT_BASE_URL ? url : undefined;
}

/** Anthropic's status page speaks only for Anthropic's API, not for a gateway or a local server. */
function statusPage(context: AdviceContext): string[] {
	return customBaseURL(context) ? [] : [STATUS_PAGE];
}

function hostOf(context: AdviceContext): string {
	try {
		return new URL(customBaseURL(context) ?? DEFAULT_BASE_URL).host;
	} catch {
		return customBaseURL(context) ?? "api.anthropic.com";
	}
}

function adviseNotFound(
	message: string | undefined,
	context: AdviceContext,
	baseURL: string | undefined,
): Core {
	const wrongV1 = baseURL !== undefined && /\/v1\/?$/.test(baseURL);
	if (context.step === "test" && context.model && !wrongV1) {
		return {
			title: `Model not found: ${context.model}`,
			why: `The API answered 404: it does not know this model id, or this key cannot use it.${said(message)}`,
			// The key is saved by now; an example id could be the very one that failed.
			next: ["To test it with another model, run `claude-setup` again with --model <id>."],
			outcome: "request",
		};
	}
	const fix = wrongV1
		? `ANTHROPIC_BASE_URL is ${baseURL}: remove the trailing /v1 (it is added for you).`
		: baseURL
			? `Check ANTHROPIC_BASE_URL (${baseURL}), or unset it to use ${DEFAULT_BASE_URL}.`
			: "A proxy or gateway may be answering instead of the API: check your proxy settings.";
	return {
		title: "The API address looks wrong (404)",
		why: `The API answered 404, so requests are probably not reaching the Anthropic API.${said(message)}`,
		next: [fix],
		outcome: "request",
	};
}

function adviseHttp(failure: Extract<ApiFailure, { kind: "http" }>, context: AdviceContext): Core {
	const { status, message, errorCode } = failure;
	const baseURL = customBaseURL(context);
	const aboutTheKey = adviseKeyAnswer(failure, context);
	if (aboutTheKey) return aboutTheKey;
	if (status === 404) return adviseNotFound(message, context, baseURL);
	if (status >= 300 && status < 400) return adviseRedirect(failure, baseURL);
	if (status === 429 && errorCode?.endsWith("spend_limit_reached")) {
		return {
			title: "Monthly spend limit reached",
			why: "The API answered 429: this account has reached its monthly spend limit. Retrying won't help.",
			next: [`Raise the limit at ${LIMITS_PAGE} (or move up a usage tier), then try again.`],
			outcome: "account",
		};
	}
	if (status === 429) {
		const seconds = failure.retryAfterSeconds;
		return {
			title: "Too many requests right now",
			why: "The API answered 429: this account hit its rate limit. That is not a problem with the key.",
			next: [
				seconds !== undefined
					? `Wait ${seconds} second${seconds === 1 ? "" : "s"}, then try again.`
					: "Wait a minute, then try again.",
			],
			outcome: "account",
		};
	}
	if (status === 529 || status >= 500) {
		return {
			title:
				status === 529 ? "The Anthropic API is overloaded" : `The Anthropic API had an error (${status})`,
			why: `This is on the server's side, not a problem with your key.${said(message)}`,
			next: ["Try again in a few minutes.", ...statusPage(context)],
			outcome: "server",
		};
	}
	return {
		title: `The API refused the request (${status})`,
		why: `The API answered ${status}.${said(message)}`,
		next: ["Try again; if it keeps happening, report it with the request id below."],
		outcome: "request",
	};
}

function adviseCore(failure: ApiFailure, context: AdviceContext): Core {
	if (failure.kind === "refused") {
		return { title: failure.title, why: failure.why, next: [...failure.next], outcome: "refused" };
	}
	if (failure.kind === "http") return adviseHttp(failure, context);
	if (failure.kind === "connection")
		return adviseConnection(failure.code, failure.message, {
			host: hostOf(context),
			baseURL: customBaseURL(context),
		});
	return {
		title: "The API did not answer in time",
		why: "No answer came before the time limit: a slow or blocked network, a proxy, or a busy API.",
		next: ["Check your connection and try again.", ...statusPage(context)],
		outcome: "unreachable",
	};
}

export function adviseApiFailure(failure: ApiFailure, context: AdviceContext): Advice {
	const core = adviseCore(failure, context);
	const next = [...core.next];
	const baseURL = customBaseURL(context);
	if (failure.kind === "refused") return { ...core, next };
	if (baseURL && !next.some((line) => line.includes(baseURL))) {
		next.push(`Requests went to ${baseURL} (ANTHROPIC_BASE_URL), not ${DEFAULT_BASE_URL}.`);
	}
	// No answer, or not the API's: the proxy on the way may be why.
	const proxyMatters = failure.kind !== "http" || failure.status === 407 || failure.status >= 500;
	if (context.proxy && proxyMatters)
		next.push(`Requests went ${context.proxy}: check it, or list the host in NO_PROXY.`);
	// The request-id is shown once, on a line of its own, by whoever renders the advice.
	const requestId = failure.kind === "http" ? failure.requestId : undefined;
	return requestId === undefined ? { ...core, next } : { ...core, next, requestId };
}
