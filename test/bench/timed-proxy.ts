// A pass-through HTTP proxy in front of the fake API that adds up how long the API took to
// answer, so the wizard's own time can be told apart from the API's.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface TimedProxy {
	readonly url: string;
	/** Milliseconds the API spent on requests since the last reset, and how many there were. */
	readonly spent: () => { ms: number; requests: number };
	readonly reset: () => void;
	readonly close: () => Promise<void>;
}

export async function startTimedProxy(target: string): Promise<TimedProxy> {
	const upstream = new URL(target);
	let ms = 0;
	let requests = 0;
	const server = createServer((incoming, outgoing) => {
		const started = performance.now();
		const forward = request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: incoming.method,
				path: incoming.url,
				headers: incoming.headers,
			},
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
				answer.on("end", () => {
					ms += performance.now() - started;
					requests++;
				});
			},
		);
		forward.on("error", () => outgoing.destroy());
		incoming.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		spent: () => ({ ms, requests }),
		reset: () => {
			ms = 0;
			requests = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
