// What the fake server can be told to answer, plus ready-made copies of the real API's
// failure bodies (texts from shared/reference/anthropic-api.md where they are known).
import { randomBytes } from "node:crypto";

/** A reply the fake should give instead of (or before) its normal answer. */
export type ScriptedReply =
	| {
			readonly kind: "json";
			readonly status: number;
			readonly body: unknown;
			readonly headers?: Readonly<Record<string, string>>;
	  }
	/** Wait, then give `then` (or the normal answer when `then` is absent). */
	| {
			readonly kind: "delay";
			readonly ms: number;
			readonly then?: ScriptedReply;
	  }
	/** A 200 of server-sent events (`"stream": true`), each sent as `event:` and `data:` lines. */
	| { readonly kind: "events"; readonly events: readonly StreamEvent[] }
	/** Destroy the socket without writing a byte. */
	| { readonly kind: "hangUp" };

/** One server-sent event's data; its `type` is also the event's name. */
export interface StreamEvent {
	readonly type: string;
	readonly [field: string]: unknown;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomAlphanumeric(length: number): string {
	const bytes = randomBytes(length);
	return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
}

/** Shaped like the real ids: `req_011CSHa1FurUZv2Lu8mxQdXf`. */
export function newRequestId(): string {
	return `req_011${randomAlphanumeric(21)}`;
}

export function newMessageId(): string {
	return `msg_01${randomAlphanumeric(22)}`;
}

/** The body of every API error; `request_id` is filled in when the reply is sent. */
export function errorBody(type: string, message: string, errorCode?: string): Record<string, unknown> {
	const error: Record<string, unknown> = { type, message };
	if (errorCode !== undefined) error.details = { error_code: errorCode };
	return { type: "error", error };
}

export function errorReply(
	status: number,
	type: string,
	message: string,
	options: { errorCode?: string; headers?: Record<string, string> } = {},
): ScriptedReply {
	return {
		kind: "json",
		status,
		body: errorBody(type, message, options.errorCode),
		...(options.headers ? { headers: options.headers } : {}),
	};
}

export const CREDIT_BALANCE_MESSAGE =
	"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.";
export const RATE_LIMIT_MESSAGE =
	"This request would exceed your account's rate limit. Please try again later.";

/** Ready-made failures, each as the real API sends it. */
export const scripted = {
	creditBalance: () => errorReply(400, "invalid_request_error", CREDIT_BALANCE_MESSAGE),
	// No documented text exists for 402; this one is plausible, not quoted.
	billing: () => errorReply(402, "billing_error", "Your payment method could not be charged."),
	permission: () => errorReply(403, "permission_error", "Permission denied"),
	notFound: (message = "Not found") => errorReply(404, "not_found_error", message),
	rateLimit: (retryAfterSeconds = 30) =>
		errorReply(429, "rate_limit_error", RATE_LIMIT_MESSAGE, {
			headers: { "retry-after": String(retryAfterSeconds) },
		}),
	/** A tier spend cap: an error_code and, unlike a rate limit, no retry-after. */
	spendLimit: () =>
		errorReply(
			429,
			"rate_limit_error",
			"You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.",
			{ errorCode: "enforced_spend_limit_reached" },
		),
	serverError: () => errorReply(500, "api_error", "Internal server error"),
	overloaded: () => errorReply(529, "overloaded_error", "Overloaded"),
	delay: (ms: number, then?: ScriptedReply): ScriptedReply =>
		then ? { kind: "delay", ms, then } : { kind: "delay", ms },
	hangUp: (): ScriptedReply => ({ kind: "hangUp" }),
} as const;
