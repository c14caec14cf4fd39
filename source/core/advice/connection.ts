// Advice when no HTTP answer came back: by the innermost error code (DNS, refused,
// dropped, TLS interception, no route), with the raw message only as a last resort.
import type { Core } from "./advice-types.js";

const TLS_CODES = [
	"SELF_SIGNED_CERT_IN_CHAIN",
	"UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
	"UNABLE_TO_GET_ISSUER_CERT",
	"UNABLE_TO_VERIFY_LEAF_SIGNATURE",
	"DEPTH_ZERO_SELF_SIGNED_CERT",
	"CERT_HAS_EXPIRED",
	"CERT_NOT_YET_VALID",
	"CERT_UNTRUSTED",
	"CERT_SIGNATURE_FAILURE",
	"ERR_TLS_CERT_ALTNAME_INVALID",
];
const CONNECTION_RULES: readonly {
	readonly codes: readonly string[];
	readonly title: (host: string) => string;
	readonly why: string;
	readonly next: readonly string[];
}[] = [
	{
		codes: ["ENOTFOUND", "EAI_AGAIN"],
		title: (host) => `Can't look up ${host}`,
		why: "The DNS lookup failed: you seem to be offline, or there is no DNS.",
		next: ["Check your internet connection, then try again."],
	},
	{
		codes: ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "ECONNABORTED"],
		title: () => "The connection was dropped",
		why: "It closed before an answer came, often a proxy or firewall cutting it.",
		next: ["Try again; if it keeps happening, check your proxy or firewall, or try another network."],
	},
	{
		codes: TLS_CODES,
		title: () => "Something is intercepting the secure connection",
		why: "The certificate check failed: usually a corporate proxy or antivirus re-signing HTTPS traffic (or a wrong clock).",
		// One step, said as one: two "→" lines would read as two things to do.
		next: [
			"Get your proxy's CA certificate and run with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or, on a recent Node, with NODE_USE_SYSTEM_CA=1 to trust the system's certificates.",
		],
	},
	{
		codes: ["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH", "ENETDOWN"],
		title: (host) => `Can't reach ${host}`,
		why: "There is no route to the server: offline, or a firewall is blocking it.",
		next: ["Check your internet connection and firewall, then try again."],
	},
];

/** Advice for a request that got no HTTP answer, by the innermost error code. */
export function adviseConnection(
	code: string | undefined,
	message: string,
	where: { host: string; baseURL: string | undefined },
): Core {
	const { host, baseURL } = where;
	const because = code ? ` (${code})` : "";
	if (code === "ECONNREFUSED") {
		const check = baseURL
			? `ANTHROPIC_BASE_URL (${baseURL}) and your proxy settings`
			: "your proxy and firewall settings";
		const next = [`Check ${check}.`];
		return {
			title: `Nothing is listening at ${host}`,
			why: `The connection was refused${because}.`,
			next,
			outcome: "unreachable",
		};
	}
	if (code === "ERR_PROXY_TUNNEL") {
		// The message is our own (proxy-tunnel.ts): what the proxy answered, no secret in it.
		return {
			title: "The proxy did not let the request through",
			why: `${message}, so the key was not sent.`,
			next: ["Check the proxy's address and credentials (http://user:password@host:port)."],
			outcome: "unreachable",
		};
	}
	const rule = CONNECTION_RULES.find((candidate) => code !== undefined && candidate.codes.includes(code));
	if (rule) {
		const why = `${rule.why.replace(/:|\./, `${because}$&`)}`;
		return {
			title: rule.title(host),
			why,
			next: [...rule.next],
			outcome: "unreachable",
		};
	}
	const next = ["Check your internet connection and proxy settings, then try again."];
	return {
		title: `Can't reach ${host}`,
		why: `The connection failed${because}: ${message}`,
		next,
		outcome: "unreachable",
	};
}
