// How the fake checks credentials, and how it hides them before recording a request.
import type { IncomingHttpHeaders } from "node:http";
import { errorReply, type ScriptedReply } from "./replies.js";

export type AuthHeader = "authorization" | "x-api-key";

export interface PresentedKey {
	readonly header: AuthHeader;
	readonly key: string;
}

/** Marks where a credential was, in place of its value. */
export const REDACTED_BEARER = "Bearer [redacted]";
export const REDACTED_API_KEY = "[redacted]";

function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** The credential a request carries; x-api-key wins, as the old API header did. */
export function presentedKey(headers: IncomingHttpHeaders): PresentedKey | undefined {
	const apiKey = single(headers["x-api-key"]);
	if (apiKey !== undefined) return { header: "x-api-key", key: apiKey };
	const authorization = single(headers.authorization);
	if (authorization === undefined) return undefined;
	const bearer = /^Bearer\s*(.*)$/i.exec(authorization);
	return {
		header: "authorization",
		key: bearer ? (bearer[1] ?? "").trim() : "",
	};
}

/** Whose credential each header carried, by name; a key without a name is "unknown". */
export function credentialNames(
	headers: IncomingHttpHeaders,
	names: Readonly<Record<string, string>>,
): Partial<Record<AuthHeader, string>> {
	const named = (key: string) => (Object.hasOwn(names, key) ? (names[key] ?? "unknown") : "unknown");
	const result: Partial<Record<AuthHeader, string>> = {};
	const apiKey = single(headers["x-api-key"]);
	if (apiKey !== undefined) result["x-api-key"] = named(apiKey);
	const authorization = single(headers.authorization);
	if (authorization !== undefined)
		result.authorization = named(/^Bearer\s*(.*)$/i.exec(authorization)?.[1]?.trim() ?? "");
	return result;
}

/** Headers as recorded: single strings, credentials replaced by markers. */
export function redactedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		if (name === "authorization") result[name] = REDACTED_BEARER;
		else if (name === "x-api-key") result[name] = REDACTED_API_KEY;
		else result[name] = Array.isArray(value) ? value.join(", ") : value;
	}
	return result;
}

function unauthorized(message: string): ScriptedReply {
	return errorReply(401, "authentication_error", message);
}

/** The beta Claude Code sends with a subscription's OAuth token; without it the API refuses one. */
export const OAUTH_BETA = "oauth-2025-04-20";

function betas(headers: IncomingHttpHeaders): string[] {
	const value = headers["anthropic-beta"];
	const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
	return joined.split(",").map((beta) => beta.trim());
}

/** undefined when the key is accepted, else the 401 the real API gives. */
export function checkKey(
	presented: PresentedKey | undefined,
	validKeys: readonly string[],
	headers: IncomingHttpHeaders = {},
): ScriptedReply | undefined {
	if (presented === undefined) return unauthorized("x-api-key header is required");
	if (presented.key.startsWith("sk-ant-oat01-")) {
		if (presented.header !== "authorization" || !betas(headers).includes(OAUTH_BETA)) {
			return unauthorized("OAuth authentication is currently not supported.");
		}
		if (validKeys.includes(presented.key)) return undefined;
		return unauthorized("Invalid OAuth token. The provided token was not found or is malformed.");
	}
	if (validKeys.includes(presented.key) && presented.key !== "") return undefined;
	return unauthorized(presented.header === "x-api-key" ? "invalid x-api-key" : "Invalid bearer token");
}
