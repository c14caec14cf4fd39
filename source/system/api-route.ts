// The only way a request to the API leaves: to the origin core/destination allowed and nowhere
// else (a URL of any other origin is refused before fetch sees it), redirects answered but never
// followed, through the proxy it chose or directly, never through one Node picks on its own.
import tls from "node:tls";
import type { Dispatcher } from "undici-types";
import { type Destination, sameOrigin, showAddress } from "../core/destination/destination.js";
import { tunnelConnector } from "./proxy-tunnel.js";

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

type AgentClass = new (options?: Record<string, unknown>) => Dispatcher;

/**
 * Node's own undici Agent (Node 20 does not export it): its fetch keeps its dispatcher under
 * this symbol once loaded. Undefined if Node's dispatcher is something else (a newer Node with
 * NODE_USE_ENV_PROXY, which routes by the same variables itself).
 */
async function nodeAgentClass(): Promise<AgentClass | undefined> {
	await fetch("data:,"); // loads fetch without a network
	const global = (globalThis as Record<symbol, unknown>)[Symbol.for("undici.globalDispatcher.1")];
	const made = (global as { constructor?: unknown } | undefined)?.constructor;
	return typeof made === "function" && made.name === "Agent" ? (made as AgentClass) : undefined;
}

function refusedRequest(url: string, destination: Destination): Error {
	const message = `A request to ${showAddress(url)} was stopped: only ${destination.origin} may get the key.`;
	return Object.assign(new Error(message), { code: "ERR_DESTINATION_REFUSED" });
}

/**
 * A fetch for `destination` alone. `ca` (PEM) is trusted besides Node's certificates, as
 * NODE_EXTRA_CA_CERTS would be (tests of the proxy use it).
 */
export async function routeTo(destination: Destination, ca?: string): Promise<Fetch> {
	const Agent = await nodeAgentClass();
	const trusted = ca ? [...tls.rootCertificates, ca] : undefined;
	const proxy = destination.proxy;
	let dispatcher: Dispatcher | undefined;
	if (Agent) {
		dispatcher = new Agent(
			proxy ? { connect: tunnelConnector(proxy.url, trusted) } : trusted ? { connect: { ca: trusted } } : {},
		);
	} else if (trusted) {
		// Without the Agent, Node's own dispatcher routes by the proxy variables (NODE_USE_ENV_PROXY).
		const message = "This Node.js cannot trust extra certificates for one request.";
		return () => Promise.reject(Object.assign(new Error(message), { code: "ERR_PROXY_UNAVAILABLE" }));
	}
	return (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		if (!sameOrigin(url, destination)) return Promise.reject(refusedRequest(url, destination));
		const routed = { ...init, redirect: "manual", ...(dispatcher ? { dispatcher } : {}) };
		return fetch(input, routed as RequestInit);
	};
}
