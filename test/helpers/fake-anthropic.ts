// A fake Anthropic API on 127.0.0.1 for tests: it answers like the real one (bodies,
// status codes, request-id headers), can be scripted to fail, and records every request
// with credentials replaced by markers so tests can assert on what was sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
	type AuthHeader,
	checkKey,
	credentialNames,
	presentedKey,
	redactedHeaders,
} from "./fake-anthropic/auth.js";
import { createMessageReply, DEFAULT_REPLY_TEXT } from "./fake-anthropic/messages.js";
import { DEFAULT_MODELS, type FakeModel, listModelsReply } from "./fake-anthropic/models.js";
import { errorReply, newRequestId, type ScriptedReply } from "./fake-anthropic/replies.js";
import { eventText } from "./fake-anthropic/stream.js";

export { OAUTH_BETA, REDACTED_API_KEY, REDACTED_BEARER } from "./fake-anthropic/auth.js";
export { DEFAULT_MODELS, type FakeModel } from "./fake-anthropic/models.js";
export {
	CREDIT_BALANCE_MESSAGE,
	RATE_LIMIT_MESSAGE,
	type ScriptedReply,
	type StreamEvent,
	scripted,
} from "./fake-anthropic/replies.js";

export interface RecordedRequest {
	readonly method: string;
	/** Without the query string, e.g. `/v1/models`. */
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	/** Lower-case names; `authorization` / `x-api-key` values are markers, never the key. */
	readonly headers: Readonly<Record<string, string>>;
	/** Which header carried a credential, if any (x-api-key when both did). */
	readonly authHeader: AuthHeader | undefined;
	/** Each header that carried a credential, and whose it was: its name in `keyNames`, or "unknown". */
	readonly credentials: Readonly<Partial<Record<AuthHeader, string>>>;
	/** Parsed JSON, or undefined when there was no body or it was not JSON. */
	readonly body: unknown;
	/** The request-id the fake answered with (undefined after a hang-up). */
	requestId?: string;
}

/**
 * Decides a scripted reply for one request; undefined means "answer normally".
 * `key` is the credential presented (kept out of the recording), for per-key scripts.
 */
export type Behaviour = (request: RecordedRequest, key: string | undefined) => ScriptedReply | undefined;

export interface FakeAnthropicOptions {
	readonly validKeys: readonly string[];
	readonly models?: readonly FakeModel[];
	readonly behaviour?: Behaviour;
	readonly replyText?: string;
	/** Names for keys (e.g. "zshrc key"), so a recording can say whose key each header carried. */
	readonly keyNames?: Readonly<Record<string, string>>;
}

export interface FakeAnthropic {
	/** e.g. `http://127.0.0.1:54321`, to use as the SDK's baseURL. */
	readonly url: string;
	readonly requests: RecordedRequest[];
	setBehaviour(behaviour: Behaviour | undefined): void;
	close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString("utf8");
	if (text === "") return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

export async function startFakeAnthropic(options: FakeAnthropicOptions): Promise<FakeAnthropic> {
	const models = options.models ?? DEFAULT_MODELS;
	const replyText = options.replyText ?? DEFAULT_REPLY_TEXT;
	const requests: RecordedRequest[] = [];
	const timers = new Set<NodeJS.Timeout>();
	let behaviour = options.behaviour;

	function normalReply(request: IncomingMessage, recorded: RecordedRequest, url: URL): ScriptedReply {
		const denied = checkKey(presentedKey(request.headers), options.validKeys, request.headers);
		if (denied) return denied;
		if (request.headers["anthropic-version"] === undefined) {
			return errorReply(400, "invalid_request_error", "anthropic-version: header is required");
		}
		if (recorded.method === "GET" && recorded.path === "/v1/models") {
			return listModelsReply(models, url.searchParams);
		}
		if (recorded.method === "POST" && recorded.path === "/v1/messages") {
			return createMessageReply(models, recorded.body, replyText);
		}
		return errorReply(404, "not_found_error", "Not found");
	}

	function send(
		response: ServerResponse,
		reply: ScriptedReply,
		recorded: RecordedRequest,
		normal: () => ScriptedReply,
	): void {
		// The client may have given up (timeout) while we were waiting.
		if (response.destroyed || response.writableEnded) return;
		if (reply.kind === "hangUp") {
			response.socket?.destroy();
			return;
		}
		if (reply.kind === "delay") {
			const timer = setTimeout(() => {
				timers.delete(timer);
				send(response, reply.then ?? normal(), recorded, normal);
			}, reply.ms);
			timers.add(timer);
			return;
		}
		const requestId = newRequestId();
		recorded.requestId = requestId;
		if (reply.kind === "events") {
			response.writeHead(200, {
				"content-type": "text/event-stream; charset=utf-8",
				"cache-control": "no-cache",
				"request-id": requestId,
			});
			for (const event of reply.events) response.write(eventText(event));
			response.end();
			return;
		}
		const body =
			typeof reply.body === "object" && reply.body !== null && "error" in reply.body
				? { ...reply.body, request_id: requestId }
				: reply.body;
		response.writeHead(reply.status, {
			"content-type": "application/json",
			"request-id": requestId,
			...reply.headers,
		});
		response.end(JSON.stringify(body));
	}

	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? "/", "http://127.0.0.1");
		const presented = presentedKey(request.headers);
		const recorded: RecordedRequest = {
			method: request.method ?? "GET",
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: redactedHeaders(request.headers),
			authHeader: presented?.header,
			credentials: credentialNames(request.headers, options.keyNames ?? {}),
			body: await readBody(request),
		};
		requests.push(recorded);
		const normal = () => normalReply(request, recorded, url);
		send(response, behaviour?.(recorded, presented?.key) ?? normal(), recorded, normal);
	});

	await new Promise<void>((resolve, reject) => {
		server.once("error", reject);
		server.listen(0, "127.0.0.1", () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setBehaviour(next) {
			behaviour = next;
		},
		close() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
