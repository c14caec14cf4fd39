// A CONNECT tunnel through an http:// or https:// proxy, as undici's connector: TLS to the API
// runs inside the tunnel, so the proxy sees the host's name but never the key. Node 20's fetch
// reads no proxy variables, and undici's ProxyAgent would not fit in the package.
import net from "node:net";
import tls from "node:tls";
import type { buildConnector } from "undici-types";

const CONNECT_TIMEOUT_MS = 10_000;
const MAX_HEAD_BYTES = 16_384;

/** An error the advice can name: code ERR_PROXY_TUNNEL, or a timeout's code. */
function tunnelError(message: string, code = "ERR_PROXY_TUNNEL"): Error {
	return Object.assign(new Error(message), { code });
}

function proxyAuthorization(proxy: URL): string | undefined {
	if (proxy.username === "" && proxy.password === "") return undefined;
	const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
	return `Basic ${Buffer.from(credentials).toString("base64")}`;
}

/** The connection to the proxy itself: TLS for an https:// proxy. */
function reachProxy(proxy: URL, ca: readonly string[] | undefined): net.Socket {
	const host = proxy.hostname.replace(/^\[|\]$/g, "");
	const port = Number(proxy.port || (proxy.protocol === "https:" ? 443 : 1080));
	if (proxy.protocol !== "https:") return net.connect({ host, port });
	return tls.connect({
		host,
		port,
		servername: net.isIP(host) ? undefined : host,
		...(ca ? { ca: [...ca] } : {}),
	});
}

/**
 * A connector for undici's Agent that reaches every origin through `proxyUrl`. `ca`, when given,
 * replaces Node's certificates (callers add them to tls.rootCertificates).
 */
export function tunnelConnector(proxyUrl: string, ca?: readonly string[]): buildConnector.connector {
	const proxy = new URL(proxyUrl);
	const authorization = proxyAuthorization(proxy);
	return (options, callback) => {
		const host = options.hostname.replace(/^\[|\]$/g, "");
		const port = options.port || (options.protocol === "https:" ? "443" : "80");
		const authority = `${host.includes(":") ? `[${host}]` : host}:${port}`;
		const socket = reachProxy(proxy, ca);
		let settled = false;
		const finish = (error: Error | null, connected?: net.Socket) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (error || !connected) {
				socket.destroy();
				callback(error ?? tunnelError("The tunnel closed"), null);
			} else callback(null, connected);
		};
		const timer = setTimeout(
			() => finish(tunnelError("The proxy did not answer in time", "UND_ERR_CONNECT_TIMEOUT")),
			CONNECT_TIMEOUT_MS,
		);
		// Kept after the tunnel is up: the TLS socket on top reports the failure by closing.
		socket.on("error", (error) => finish(error));
		socket.once("close", () => finish(tunnelError("The proxy closed the connection")));
		socket.once(proxy.protocol === "https:" ? "secureConnect" : "connect", () => {
			const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
			if (authorization) lines.push(`Proxy-Authorization: ${authorization}`);
			socket.write(`${lines.join("\r\n")}\r\n\r\n`);
		});
		let head = Buffer.alloc(0);
		const onData = (chunk: Buffer) => {
			head = Buffer.concat([head, chunk]);
			const end = head.indexOf("\r\n\r\n");
			if (end === -1) {
				if (head.length > MAX_HEAD_BYTES) finish(tunnelError("The proxy's answer was not HTTP"));
				return;
			}
			socket.off("data", onData);
			const statusLine = head.subarray(0, head.indexOf("\r\n")).toString("latin1");
			const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
			if (status !== "200") {
				const said = statusLine.replace(/^HTTP\/1\.[01] /, "").slice(0, 80);
				finish(tunnelError(`The proxy answered "${said}" to the tunnel for ${authority}`));
				return;
			}
			const rest = head.subarray(end + 4);
			if (rest.length > 0) socket.unshift(rest);
			if (options.protocol !== "https:") {
				finish(null, socket);
				return;
			}
			const servername = options.servername || (net.isIP(host) ? undefined : host);
			const secure = tls.connect({
				socket,
				servername,
				host,
				ALPNProtocols: ["http/1.1"],
				...(ca ? { ca: [...ca] } : {}),
			});
			secure.once("secureConnect", () => finish(null, secure));
			secure.once("error", (error) => finish(error));
		};
		socket.on("data", onData);
	};
}
