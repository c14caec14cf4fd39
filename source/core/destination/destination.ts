// Where a request carrying the key goes, decided once on the parsed URL (never on the string as
// typed): Anthropic's API and this machine are fine; plain http:// anywhere else, a user name in
// the address, or a proxy we cannot use are refused; any other host needs the person's yes.
import { scrubSecrets } from "../key/scrub.js";
import type { Env } from "../system.js";
import { bareHost, isLoopback, originOf, parseUrl, portOf } from "./hosts.js";
import { type ProxyRoute, proxyFor } from "./proxy.js";

export const DEFAULT_BASE_URL = "https://api.anthropic.com";
export const ANTHROPIC_HOST = "api.anthropic.com";
/** The person's opt-in for another host, as a flag and as a variable (for scripts and CI). */
export const ALLOW_FLAG = "--allow-base-url";
export const ALLOW_VARIABLE = "CLAUDE_SETUP_ALLOW_BASE_URL";

export interface Destination {
	/** What requests are built on: the origin normalised, the path as given (even a wrong `/v1`). */
	readonly baseURL: string;
	/** The address as it was given, safe to show (no password, no key). */
	readonly shown: string;
	/** The variable that set it; undefined for Anthropic's default. */
	readonly setBy?: string;
	/** scheme://host[:port], lower case, no trailing dot, no default port. */
	readonly origin: string;
	/** The host as messages show it (IPv6 in brackets). */
	readonly host: string;
	readonly kind: "anthropic" | "loopback" | "other";
	readonly proxy?: ProxyRoute;
}

export interface Refusal {
	readonly reason: "not-a-url" | "scheme" | "plain-http" | "credentials" | "proxy" | "mismatch";
	/** The variable that set the address. */
	readonly setBy: string;
	/** The address, safe to show: no password, no key. */
	readonly shown: string;
	readonly host?: string;
	/** reason "proxy": the variable and what it holds (shown safely). */
	readonly proxy?: { readonly variable: string; readonly shown: string };
	/** reason "mismatch": where the opt-in came from, and the address it names. */
	readonly allow?: { readonly by: string; readonly shown: string };
	readonly origin?: string;
}

export type DestinationDecision =
	/** allowedBy: the opt-in that let the key go to a host other than Anthropic's. */
	| { readonly verdict: "send"; readonly destination: Destination; readonly allowedBy?: string }
	/** Another host: the person says yes first (headless: the opt-in, else no request). */
	| { readonly verdict: "ask"; readonly destination: Destination }
	| { readonly verdict: "refuse"; readonly refusal: Refusal };

/** A decision that lets no request go (yet): a refusal, or a question not yet answered yes. */
export type Blocked = Exclude<DestinationDecision, { readonly verdict: "send" }>;

export interface DestinationOptions {
	/** Wins over ANTHROPIC_BASE_URL (the API client's own option). */
	readonly baseURL?: string;
	/** --allow-base-url's value; CLAUDE_SETUP_ALLOW_BASE_URL otherwise. */
	readonly allow?: string;
}

const DEFAULT_DESTINATION: Destination = {
	baseURL: DEFAULT_BASE_URL,
	shown: DEFAULT_BASE_URL,
	origin: DEFAULT_BASE_URL,
	host: ANTHROPIC_HOST,
	kind: "anthropic",
};

/** An address as it may be shown: a password becomes `…`, anything key-shaped is masked. */
export function showAddress(text: string): string {
	const url = parseUrl(text);
	const safe = url?.password ? text.replace(`:${url.password}@`, ":…@") : text;
	const shown = scrubSecrets(safe);
	return shown.length > 120 ? `${shown.slice(0, 119)}…` : shown;
}

export function decideDestination(env: Env, options: DestinationOptions = {}): DestinationDecision {
	const given = options.baseURL?.trim();
	// The SDK's own rule: a value of blanks counts as unset.
	const raw = given || env.ANTHROPIC_BASE_URL?.trim();
	if (!raw) return withProxy(env, DEFAULT_DESTINATION, parseUrl(DEFAULT_BASE_URL) as URL);
	const setBy = given ? "the API address given" : "ANTHROPIC_BASE_URL";
	const shown = showAddress(raw);
	const url = parseUrl(raw);
	const refuse = (reason: Refusal["reason"], extra: Partial<Refusal> = {}): DestinationDecision => ({
		verdict: "refuse",
		refusal: { reason, setBy, shown, ...extra },
	});
	if (!url) return refuse("not-a-url");
	const host = url.hostname;
	// `https://api.anthropic.com@evil.test` goes to evil.test: the part before @ is a user name.
	if (url.username !== "" || url.password !== "") return refuse("credentials", { host });
	if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("scheme");
	const loopback = isLoopback(host);
	if (url.protocol === "http:" && !loopback) return refuse("plain-http", { host });
	const anthropic = url.protocol === "https:" && bareHost(url) === ANTHROPIC_HOST && portOf(url) === 443;
	const origin = originOf(url);
	const destination: Destination = {
		baseURL: `${origin}${url.pathname}`,
		shown,
		setBy,
		origin,
		host: bareHost(url),
		kind: anthropic ? "anthropic" : loopback ? "loopback" : "other",
	};
	const decided = withProxy(env, destination, url);
	if (decided.verdict !== "send" || destination.kind !== "other") return decided;
	return allowed(env, options, decided.destination, setBy);
}

/** Adds the proxy on the way (never for this machine), or refuses a proxy we cannot use. */
function withProxy(env: Env, destination: Destination, url: URL): DestinationDecision {
	if (destination.kind === "loopback") return { verdict: "send", destination };
	const choice = proxyFor(env, url);
	if (choice.kind === "unusable") {
		return {
			verdict: "refuse",
			refusal: {
				reason: "proxy",
				setBy: destination.setBy ?? "the default address",
				shown: destination.shown,
				host: destination.host,
				proxy: { variable: choice.variable, shown: choice.shown },
			},
		};
	}
	const routed = choice.kind === "proxy" ? { ...destination, proxy: choice.route } : destination;
	return { verdict: "send", destination: routed };
}

/** Another host: sent to only when the opt-in names this very origin. */
function allowed(
	env: Env,
	options: DestinationOptions,
	destination: Destination,
	setBy: string,
): DestinationDecision {
	const fromFlag = options.allow?.trim();
	const value = fromFlag || env[ALLOW_VARIABLE]?.trim();
	if (!value) return { verdict: "ask", destination };
	const by = fromFlag ? ALLOW_FLAG : ALLOW_VARIABLE;
	const named = parseUrl(value.includes("://") ? value : `https://${value}`);
	if (named && originOf(named) === destination.origin && named.username === "" && named.password === "") {
		return { verdict: "send", destination, allowedBy: by };
	}
	return {
		verdict: "refuse",
		refusal: {
			reason: "mismatch",
			setBy,
			shown: destination.shown,
			host: destination.host,
			origin: destination.origin,
			allow: { by, shown: showAddress(value) },
		},
	};
}

/** Whether requests to `url` stay where the decision allows (the same origin). */
export function sameOrigin(url: string, destination: Destination): boolean {
	const parsed = parseUrl(url);
	return parsed !== undefined && parsed.username === "" && originOf(parsed) === destination.origin;
}
