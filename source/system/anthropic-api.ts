// The real Anthropic API through @anthropic-ai/sdk 1.x. The SDK is imported lazily so the
// first frame draws before it loads. A person is waiting, so: no retries, short timeouts,
// no SDK logging, no credentials but the key we were given, and failures as data.

import type { AnthropicApi, ApiResult, Env, MessageReply, ModelInfo } from "../core/system.js";
import { toApiFailure } from "./anthropic-api-failure.js";

export interface AnthropicApiOptions {
	/** Wins over ANTHROPIC_BASE_URL in `env`; kept as given (even a mistaken `/v1`). */
	readonly baseURL?: string;
	/** One timeout for every call; otherwise 10 s for the model list, 30 s for the message. */
	readonly timeoutMs?: number;
	/** Where ANTHROPIC_BASE_URL is read from (never process.env directly). */
	readonly env?: Env;
}

export const DEFAULT_BASE_URL = "https://api.anthropic.com";
export const TEST_PROMPT = "Reply with a short friendly greeting in five words or fewer.";
const LIST_TIMEOUT_MS = 10_000;
const MESSAGE_TIMEOUT_MS = 30_000;

export type Sdk = typeof import("@anthropic-ai/sdk");
let sdkPromise: Promise<Sdk> | undefined;
function loadSdk(): Promise<Sdk> {
	sdkPromise ??= import("node:v8").then((v8) => {
		// Node's fetch parses HTTP with WebAssembly (llhttp), which V8 by default recompiles in the
		// background with its optimising tier: ~30 MB at peak for our two requests. The baseline
		// tier is plenty. Set before fetch first loads, and after Ink's own WebAssembly.
		v8.setFlagsFromString("--liftoff-only");
		return import("@anthropic-ai/sdk");
	});
	return sdkPromise;
}

/** Loads the SDK and Node's fetch while a person pastes their key, so the check starts at once. */
export function prepareAnthropicApi(): void {
	void loadSdk().then(() => globalThis.Response); // Node loads fetch on first use of its globals
}

const discard = (): void => {};
// Even with ANTHROPIC_LOG=debug set, nothing reaches the terminal (debug logs carry headers).
const silentLogger = {
	error: discard,
	warn: discard,
	info: discard,
	debug: discard,
};

/** The SDK's own rule: values are trimmed and an empty one counts as unset. */
function resolveBaseURL(options: AnthropicApiOptions): string {
	const fromEnv = options.env?.ANTHROPIC_BASE_URL?.trim();
	return options.baseURL?.trim() || fromEnv || DEFAULT_BASE_URL;
}

export function createAnthropicApi(options: AnthropicApiOptions = {}): AnthropicApi {
	const baseURL = resolveBaseURL(options);

	async function call<T>(
		key: string,
		timeoutMs: number,
		request: (client: InstanceType<Sdk["default"]>) => Promise<{ value: T; requestId?: string }>,
	): Promise<ApiResult<T>> {
		const started = performance.now();
		const sdk = await loadSdk();
		try {
			const client = new sdk.default({
				// An explicit key stops the SDK from reading ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN
				// or a profile under ~/.config/anthropic; null keeps the token option unused.
				apiKey: key,
				authToken: null,
				baseURL,
				maxRetries: 0,
				timeout: options.timeoutMs ?? timeoutMs,
				logLevel: "off",
				logger: silentLogger,
			});
			const { value, requestId } = await request(client);
			const ms = performance.now() - started;
			return requestId ? { ok: true, value, requestId, ms } : { ok: true, value, ms };
		} catch (error) {
			return {
				ok: false,
				failure: toApiFailure(sdk, error, key),
				ms: performance.now() - started,
			};
		}
	}

	return {
		listModels: (key) =>
			call(key, LIST_TIMEOUT_MS, async (client) => {
				const first = await client.models.list({ limit: 1000 }).withResponse();
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
			call<MessageReply>(key, MESSAGE_TIMEOUT_MS, async (client) => {
				const { data, request_id } = await client.messages
					.create({
						model,
						max_tokens: 32,
						messages: [{ role: "user", content: TEST_PROMPT }],
					})
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
	};
}
