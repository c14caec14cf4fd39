// What stands between claude-setup and the API in the proxy tests, all on 127.0.0.1: a forward
// proxy answering CONNECT (and recording every byte it relays, to show the key never crosses it
// in the clear), and a TLS front that plays any host with the test certificate (SANs
// api.anthropic.com, gw.example.test, localhost, 127.0.0.1; test/fixtures/tls) for the fake API.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import net, { type AddressInfo } from "node:net";
import tls from "node:tls";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url), "utf8");
/** The test CA: trust it with the API client's `ca` option, or NODE_EXTRA_CA_CERTS for the CLI. */
export const TEST_CA = fixture("ca.pem");
export const TEST_CA_PATH = new URL("../fixtures/tls/ca.pem", import.meta.url).pathname;
const SERVER = { cert: fixture("server.pem"), key: fixture("server-key.pem") };

function listen(server: net.Server): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
	});
}

function closed(server: net.Server): Promise<void> {
	return new Promise((resolve) => server.close(() => resolve()));
}

export interface TlsFront {
	readonly port: number;
	/** The server names clients asked for (SNI), one per connection. */
	readonly servernames: (string | undefined)[];
	close(): Promise<void>;
}

/** TLS on the outside, the plain-HTTP server at `targetPort` (the fake API) inside. */
export async function startTlsFront(targetPort: number): Promise<TlsFront> {
	const servernames: (string | undefined)[] = [];
	const sockets = new Set<net.Socket>();
	const server = tls.createServer(SERVER, (clear) => {
		servernames.push(clear.servername || undefined);
		const inside = net.connect(targetPort, "127.0.0.1");
		for (const socket of [clear, inside]) {
			sockets.add(socket);
			socket.on("error", () => inside.destroy());
			socket.on("close", () => sockets.delete(socket));
		}
		clear.pipe(inside).pipe(clear);
	});
	const port = await listen(server);
	return {
		port,
		servernames,
		close: () => {
			for (const socket of sockets) socket.destroy();
			return closed(server);
		},
	};
}

export interface ProxyOptions {
	/** Where a CONNECT to `authority` (host:port) really goes; undefined answers 502. */
	readonly route: (authority: string) => number | undefined;
	/** `user:password`: without it (Basic) the proxy answers 407. */
	readonly credentials?: string;
	/** TLS to the proxy itself (an https:// proxy). */
	readonly secure?: boolean;
}

export interface LoopbackProxy {
	readonly url: string;
	/** Every CONNECT asked for, with its headers. */
	readonly tunnels: { authority: string; headers: IncomingHttpHeaders }[];
	/** Requests sent to the proxy as a plain forward proxy (never expected). */
	readonly forwarded: { method?: string; url?: string; headers: IncomingHttpHeaders }[];
	/** Every byte relayed from the client, in order. */
	readonly relayed: () => Buffer;
	close(): Promise<void>;
}

export async function startLoopbackProxy(options: ProxyOptions): Promise<LoopbackProxy> {
	const tunnels: LoopbackProxy["tunnels"] = [];
	const forwarded: LoopbackProxy["forwarded"] = [];
	const chunks: Buffer[] = [];
	const sockets = new Set<net.Socket>();
	const track = (socket: net.Socket) => {
		sockets.add(socket);
		socket.on("error", () => socket.destroy());
		socket.on("close", () => sockets.delete(socket));
	};
	const server: Server = options.secure
		? createHttpsServer(SERVER, (request, response) => {
				forwarded.push({ method: request.method, url: request.url, headers: request.headers });
				response.writeHead(400).end();
			})
		: createHttpServer((request, response) => {
				forwarded.push({ method: request.method, url: request.url, headers: request.headers });
				response.writeHead(400).end();
			});
	server.on("connect", (request, client: net.Socket, head: Buffer) => {
		track(client);
		const authority = request.url ?? "";
		tunnels.push({ authority, headers: request.headers });
		const expected = options.credentials
			? `Basic ${Buffer.from(options.credentials).toString("base64")}`
			: undefined;
		if (expected && request.headers["proxy-authorization"] !== expected) {
			client.end(
				'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n',
			);
			return;
		}
		const port = options.route(authority);
		if (port === undefined) {
			client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
			return;
		}
		const upstream = net.connect(port, "127.0.0.1", () => {
			client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
			if (head.length > 0) upstream.write(head);
			client.on("data", (chunk: Buffer) => chunks.push(chunk));
			client.pipe(upstream).pipe(client);
		});
		track(upstream);
	});
	const port = await listen(server);
	return {
		url: `${options.secure ? "https" : "http"}://127.0.0.1:${port}`,
		tunnels,
		forwarded,
		relayed: () => Buffer.concat(chunks),
		close: () => {
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections();
			return closed(server);
		},
	};
}
