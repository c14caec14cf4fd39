// Advice for a redirect (3xx): never followed, since the key would go along to wherever it points.
import { DEFAULT_BASE_URL } from "../destination/destination.js";
import type { ApiFailure } from "../system.js";
import type { Core } from "./advice-types.js";

/** A redirect is never followed: the key would go along to wherever it points. */
export function adviseRedirect(
	failure: Extract<ApiFailure, { kind: "http" }>,
	baseURL: string | undefined,
): Core {
	const to = failure.location ? ` to ${failure.location}` : "";
	return {
		title: `The API address answered with a redirect (${failure.status})`,
		why: `It pointed${to}. claude-setup does not follow redirects, so the key did not go there.`,
		next: [
			baseURL
				? `If that is the right place, set ANTHROPIC_BASE_URL to it; otherwise unset ANTHROPIC_BASE_URL to use ${DEFAULT_BASE_URL}.`
				: "A proxy or captive portal may be answering instead of the API: check your network and proxy settings.",
		],
		outcome: "request",
	};
}
