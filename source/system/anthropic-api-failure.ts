// SDK errors as ApiFailure data: status, type, error_code, request-id and retry-after for
// HTTP answers; the innermost cause code when there was no answer. The key never leaks.
import { showAddress } from "../core/destination/destination.js";
import { scrubSecrets } from "../core/key/scrub.js";
import type { ApiFailure } from "../core/system.js";
import type { Sdk } from "./anthropic-sdk.js";

/** The key (whole, trimmed, without its prefix or in pieces) and any other key, masked. */
export function scrubKey(text: string, key: string): string {
	return scrubSecrets(text, key);
}

/** The deepest string `code` along `cause` links (and AggregateError members). */
export function innermostCode(error: unknown): string | undefined {
	let found: string | undefined;
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (typeof current === "object" && current !== null && !seen.has(current)) {
		seen.add(current);
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === "string") found = code;
		current = cause ?? (current instanceof AggregateError ? current.errors[0] : undefined);
	}
	return found;
}

/** The deepest error message along the cause chain ("connect ECONNREFUSED 127.0.0.1:9"). */
function innermostMessage(error: unknown): string {
	let message = error instanceof Error ? error.message : String(error);
	let current: unknown = error instanceof Error ? error.cause : undefined;
	while (current instanceof Error) {
		if (current.message) message = current.message;
		current = current.cause;
	}
	return message;
}

/** `retry-after-ms`, or `retry-after` as seconds or an HTTP date; whole seconds. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
	const ms = Number(headers?.get("retry-after-ms") ?? Number.NaN);
	if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
	const value = headers?.get("retry-after");
	if (!value) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiFailure(sdk: Sdk, error: unknown, key: string): ApiFailure {
	const scrub = (text: string) => scrubKey(text, key);
	if (error instanceof sdk.APIConnectionTimeoutError) return { kind: "timeout" };
	if (error instanceof sdk.APIError && typeof error.status === "number") {
		const message = error.apiMessage ?? error.message.slice(0, 200);
		const retryAfter = retryAfterSeconds(error.headers);
		const location = error.status >= 300 && error.status < 400 ? error.headers?.get("location") : undefined;
		return {
			kind: "http",
			status: error.status,
			...(error.type ? { type: error.type } : {}),
			...(message ? { message: scrub(message) } : {}),
			...(error.errorCode ? { errorCode: error.errorCode } : {}),
			...(error.requestID ? { requestId: error.requestID } : {}),
			...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
			...(location ? { location: showAddress(scrub(location)) } : {}),
		};
	}
	// APIConnectionError, an abort, or a plain Error (e.g. from fetch itself).
	const code = innermostCode(error);
	const message = scrub(innermostMessage(error));
	return code ? { kind: "connection", code, message } : { kind: "connection", message };
}
