// Which proxy a request to the API goes through, read the way curl reads it: https_proxy, then
// HTTPS_PROXY, then all_proxy / ALL_PROXY; no_proxy (or NO_PROXY) lists hosts reached directly.
// Plain-http destinations (only this machine) never go through a proxy: the key would cross to
// the proxy unencrypted.
import type { Env } from "../system.js";
import { bareHost, ipv4Number, parseUrl, portOf } from "./hosts.js";

export interface ProxyRoute {
	/** scheme://host:port, never the proxy's user name or password: what messages show. */
	readonly shown: string;
	/** The variable it came from, e.g. HTTPS_PROXY. */
	readonly variable: string;
	/** The address as given, credentials included: for the connection only, never shown. */
	readonly url: string;
}

export type ProxyChoice =
	| { readonly kind: "direct"; readonly bypassedBy?: string }
	| { readonly kind: "proxy"; readonly route: ProxyRoute }
	/** Set, but not an http:// or https:// proxy we can use. */
	| { readonly kind: "unusable"; readonly variable: string; readonly shown: string };

const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] as const;
const NO_PROXY_VARIABLES = ["no_proxy", "NO_PROXY"] as const;

/** The first of `names` set to something other than blanks, trimmed. */
function firstSet(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
	for (const name of names) {
		const value = env[name]?.trim();
		if (value) return { name, value };
	}
	return undefined;
}

/** The proxy for an https request to `url`, as curl would choose it. */
export function proxyFor(env: Env, url: URL): ProxyChoice {
	const set = firstSet(env, PROXY_VARIABLES);
	if (!set) return { kind: "direct" };
	const bypass = firstSet(env, NO_PROXY_VARIABLES);
	if (bypass && noProxyMatches(bypass.value, bareHost(url), portOf(url))) {
		return { kind: "direct", bypassedBy: bypass.name };
	}
	// curl's rule: no scheme means http://, and no port means 1080 (443 for an https proxy).
	const proxy = parseUrl(set.value.includes("://") ? set.value : `http://${set.value}`);
	if (!proxy || (proxy.protocol !== "http:" && proxy.protocol !== "https:") || proxy.hostname === "") {
		// Only the scheme is shown: the rest may hold a password.
		const shown = proxy && proxy.hostname !== "" ? `${proxy.protocol}//…` : "not a web address";
		return { kind: "unusable", variable: set.name, shown };
	}
	const port = proxy.port || (proxy.protocol === "https:" ? "443" : "1080");
	return {
		kind: "proxy",
		route: {
			shown: `${proxy.protocol}//${proxy.hostname}:${port}`,
			variable: set.name,
			url: withPort(proxy, port),
		},
	};
}

/** The proxy's full address (scheme and port filled in as curl would), credentials kept. */
function withPort(proxy: URL, port: string): string {
	const copy = new URL(proxy.href);
	copy.port = port;
	return copy.href;
}

/**
 * curl's NO_PROXY: a comma (or space) separated list; `*` matches every host; a name matches
 * itself and its subdomains (a leading `.` or `*.` changes nothing); an IP address matches
 * itself, an IPv4 range in CIDR form its addresses; `:port` limits an entry to that port.
 */
export function noProxyMatches(list: string, host: string, port: number): boolean {
	const target = host.toLowerCase();
	return list
		.split(/[\s,]+/)
		.filter((entry) => entry !== "")
		.some((raw) => {
			if (raw === "*") return true;
			const { name, entryPort } = splitPort(raw.toLowerCase());
			if (entryPort !== undefined && entryPort !== port) return false;
			const trimmed = name.replace(/^\*?\.+/, "").replace(/\.+$/, "");
			// An IPv6 address written without brackets (`::1`), as WHATWG writes hosts: `[::1]`.
			const bare = trimmed.includes(":") && !trimmed.startsWith("[") ? `[${trimmed}]` : trimmed;
			if (bare === "") return false;
			if (bare.includes("/")) return inRange(bare, target);
			if (bare.startsWith("[") || ipv4Number(bare) !== undefined) return bare === target;
			return target === bare || target.endsWith(`.${bare}`);
		});
}

function splitPort(entry: string): { name: string; entryPort?: number } {
	const bracketed = /^(\[[^\]]*\])(?::(\d+))?$/.exec(entry);
	if (bracketed) return { name: bracketed[1] ?? "", entryPort: numberOr(bracketed[2]) };
	const withPort = /^([^:]*):(\d+)$/.exec(entry);
	if (withPort) return { name: withPort[1] ?? "", entryPort: numberOr(withPort[2]) };
	return { name: entry };
}

function numberOr(text: string | undefined): number | undefined {
	return text === undefined ? undefined : Number(text);
}

/** `10.0.0.0/8` holds `host` (IPv4 only; an IPv6 range matches nothing). */
function inRange(range: string, host: string): boolean {
	const [base = "", bitsText = ""] = range.split("/");
	const start = ipv4Number(base);
	const address = ipv4Number(host);
	const bits = Number(bitsText);
	if (start === undefined || address === undefined || !/^\d+$/.test(bitsText) || bits > 32) return false;
	const size = 2 ** (32 - bits);
	return Math.floor(start / size) === Math.floor(address / size);
}
