// The real Anthropic API through @anthropic-ai/sdk 1.x. The SDK is imported lazily so the
// first frame draws before it loads. A person is waiting, so: no retries, short timeouts,
// no SDK logging, no credentials but the key we were given, and failures as data.

import { type Blocked, type Destination, decideDestination } from "../core/destination/destination.js";
import { blockedExplanation } from "../core/destination/messages.js";
import type { AnthropicApi, ApiFailure, ApiResult, Env, MessageReply, ModelInfo } from "../core/system.js";
import { toApiFailure } from "./anthropic-api-failure.js";
import { loadSdk, type Sdk } from "./anthropic-sdk.js";
import { type Fetch, routeTo } from "./api-route.js";

export interface AnthropicApiOptions {
	/** Wins over ANTHROPIC_BASE_URL in `env`; kept as given (even a mistaken `/v1`). */
	readonly baseURL?: string;
	/** One timeout for every call; otherwise 10 s for the model list, 30 s for the message. */
	readonly timeoutMs?: number;
	/** Where ANTHROPIC_BASE_URL and the proxy variables are read from (never process.env directly). */
	readonly env?: Env;
	/** --allow-base-url: the key may go to this address (CLAUDE_SETUP_ALLOW_BASE_URL in `env` too). */
	readonly allowBaseURL?: string;
	/** PEM certificates trusted besides Node's own, as NODE_EXTRA_CA_CERTS would be (tests). */
	readonly ca?: string;
}

export const TEST_PROMPT = "Reply with a short friendly greeting in five words or fewer.";
const LIST_TIMEOUT_MS = 10_000;
const MESSAGE_TIMEOUT_MS = 30_000;
const PRECONNECT_TIMEOUT_MS = 5_000;

const discard = (): void => {};
// Even with ANTHROPIC_LOG=debug set, nothing reaches the terminal (debug logs carry headers).
const silentLogger = {
	error: discard,
	warn: discard,
	info: discard,
	debug: discard,
};

/** What every client is made with, but the key and the address. */
function clientOptions(timeout: number) {
	// authToken null: only the key given is used, never ANTHROPIC_AUTH_TOKEN or a profile.
	return { authToken: null, maxRetries: 0, timeout, logLevel: "off", logger: silentLogger } as const;
}

/**
 * Loads the SDK and Node's fetch while a person pastes their key, and rehearses the requests
 * (in memory, see anthropic-rehearsal.ts) so that checking the key starts and ends at once.
 */
export function prepareAnthropicApi(): Promise<void> {
	return loadSdk()
		.then(async (sdk) => {
			const { rehearse } = await import("./anthropic-rehearsal.js");
			await rehearse(sdk, clientOptions(LIST_TIMEOUT_MS));
		})
		.catch(() => undefined); // only ever a head start: the real calls report their own failures
}

type Client = InstanceType<Sdk["default"]>;

export function createAnthropicApi(options: AnthropicApiOptions = {}): AnthropicApi {
	// Where the key may go is decided once, in the core; every request below goes through it.
	const decision = decideDestination(options.env ?? {}, {
		baseURL: options.baseURL,
		allow: options.allowBaseURL,
	});
	let consented: string | undefined;
	let route: Promise<Fetch> | undefined;
	/** The destination requests may go to now, or the decision that none may. */
	const permitted = (): Destination | Blocked => {
		if (decision.verdict === "send") return decision.destination;
		if (decision.verdict === "ask" && consented === decision.destination.origin) return decision.destination;
		return decision;
	};
	const routed = (destination: Destination) => {
		route ??= routeTo(destination, options.ca);
		return route;
	};
	// Everything in flight, so that leaving the wizard never waits for a slow network.
	const inFlight = new Set<AbortController>();
	let preconnected = false;

	async function call<T>(
		key: string,
		timeoutMs: number,
		request: (client: Client, signal: AbortSignal) => Promise<{ value: T; requestId?: string }>,
	): Promise<ApiResult<T>> {
		const started = performance.now();
		const destination = permitted();
		// No request at all, whatever the caller: the flows said so first, this is the backstop.
		if ("verdict" in destination)
			return { ok: false, failure: refusal(destination), ms: performance.now() - started };
		const sdk = await loadSdk();
		const abort = new AbortController();
		inFlight.add(abort);
		try {
			// An explicit key stops the SDK from reading ANTHROPIC_API_KEY or a profile.
			const client = new sdk.default({
				...clientOptions(options.timeoutMs ?? timeoutMs),
				apiKey: key,
				baseURL: destination.baseURL,
				fetch: await routed(destination),
			});
			const { value, requestId } = await request(client, abort.signal);
			const ms = performance.now() - started;
			return requestId ? { ok: true, value, requestId, ms } : { ok: true, value, ms };
		} catch (error) {
			return {
				ok: false,
				failure: toApiFailure(sdk, error, key),
				ms: performance.now() - started,
			};
		} finally {
			inFlight.delete(abort);
		}
	}

	return {
		listModels: (key) =>
			call(key, LIST_TIMEOUT_MS, async (client, signal) => {
				const first = await client.models.list({ limit: 1000 }, { signal }).withResponse();
				const models: ModelInfo[] = [];
				for await (const page of first.data.iterPages()) {
					for (const model of page.data) {
						models.push({
							id: model.id,
							displayName: model.display_name,
							createdAt: model.created_at,
						});
					}
				}
				return { value: models, requestId: first.request_id ?? undefined };
			}),
		sendTestMessage: (key, model) =>
			call<MessageReply>(key, MESSAGE_TIMEOUT_MS, async (client, signal) => {
				const { data, request_id } = await client.messages
					.create({ model, max_tokens: 32, messages: [{ role: "user", content: TEST_PROMPT }] }, { signal })
					.withResponse();
				const text = data.content
					.flatMap((block) => (block.type === "text" ? [block.text] : []))
					.join("")
					.trim();
				return {
					value: { model: data.model, text },
					requestId: request_id ?? undefined,
				};
			}),
		preconnect() {
			// Not even a request without the key to an address the key may not go to.
			const destination = permitted();
			if (preconnected || "verdict" in destination) return;
			preconnected = true;
			// No key and no body: a HEAD of the API's root opens the connection (DNS, TCP, TLS) that
			// the SDK's fetch then reuses, so checking the key after Enter is one round trip.
			const abort = new AbortController();
			inFlight.add(abort);
			const timeout = setTimeout(() => abort.abort(), PRECONNECT_TIMEOUT_MS);
			routed(destination)
				.then((send) => send(destination.baseURL, { method: "HEAD", signal: abort.signal }))
				.then((response) => response.body?.cancel())
				.catch(() => undefined) // the check itself reports what is wrong
				.finally(() => {
					clearTimeout(timeout);
					inFlight.delete(abort);
				});
		},
		consent(origin) {
			if (decision.verdict === "ask" && decision.destination.origin === origin) consented = origin;
		},
		close() {
			for (const abort of inFlight) abort.abort();
		},
	};
}

/** Why no request was made, as the advice shows it. */
function refusal(decision: Blocked): ApiFailure {
	return { kind: "refused", ...blockedExplanation(decision) };
}
