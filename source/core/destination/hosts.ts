// Facts about a parsed URL's host: WHATWG URL has already turned `0x7f.1`, `127.1`, `API.x` and
// `[0:0::1]` into one spelling, so these compare the parsed form, never the string as typed.

/** The host without the DNS root's trailing dot: `api.anthropic.com.` is `api.anthropic.com`. */
export function bareHost(url: URL): string {
	return url.hostname.replace(/\.+$/, "");
}

/** The port a connection uses: the URL's, or the scheme's own. */
export function portOf(url: URL): number {
	if (url.port !== "") return Number(url.port);
	return url.protocol === "https:" ? 443 : 80;
}

/** scheme://host[:port], lower case, no trailing dot, no default port: for comparing origins. */
export function originOf(url: URL): string {
	const port = url.port === "" ? "" : `:${url.port}`;
	return `${url.protocol}//${bareHost(url)}${port}`;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// ::ffff:127.x.y.z as WHATWG writes it: [::ffff:7f00:1].
const MAPPED_LOOPBACK = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/;

/** This machine: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z), or exactly `localhost`. */
export function isLoopback(host: string): boolean {
	if (host === "localhost" || host === "[::1]" || MAPPED_LOOPBACK.test(host)) return true;
	return IPV4.exec(host)?.[1] === "127";
}

/** The IPv4 address as a number, or undefined for a name or IPv6. */
export function ipv4Number(host: string): number | undefined {
	const parts = IPV4.exec(host)?.slice(1).map(Number);
	if (!parts || parts.some((part) => part > 255)) return undefined;
	return parts.reduce((sum, part) => sum * 256 + part, 0);
}

/** A URL parsed, or undefined when it is not one. */
export function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
