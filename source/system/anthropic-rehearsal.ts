// A dress rehearsal of the wizard's two requests, through the real SDK, while a person pastes
// their key: a fetch that answers in memory stands in for the network, so nothing leaves the
// machine and no key is involved. The SDK's and fetch's code is compiled by then, and checking
// the real key after Enter costs little more than the network (~10 ms less on this machine).
import type { ClientOptions } from "./anthropic-client.js";
import type { Sdk } from "./anthropic-sdk.js";

const MODEL_PAGE = { data: [], has_more: false, first_id: null, last_id: null };
const MESSAGE = {
	id: "msg_rehearsal",
	type: "message",
	role: "assistant",
	model: "rehearsal",
	content: [{ type: "text", text: "" }],
	stop_reason: "end_turn",
	stop_sequence: null,
	usage: { input_tokens: 0, output_tokens: 0 },
};

const REHEARSAL_ORIGIN = "http://rehearsal.invalid";

/** Answers like the API would, for the two paths the wizard uses, without a network. */
async function answerInMemory(input: string | URL | Request): Promise<Response> {
	const url = input instanceof Request ? input.url : String(input);
	// Whatever the SDK asks for, it is answered here or not at all: nothing reaches a network.
	if (new URL(url).origin !== REHEARSAL_ORIGIN) throw new Error("The rehearsal asked for another address");
	const body = new URL(url).pathname === "/v1/messages" ? MESSAGE : MODEL_PAGE;
	return new Response(JSON.stringify(body), {
		status: 200,
		headers: { "content-type": "application/json", "request-id": "req_rehearsal" },
	});
}

/**
 * Lists models and sends one message through a client made with `options` (those of the real
 * calls), answered in memory. Rejects if the SDK does not accept the answers.
 */
export async function rehearse(sdk: Sdk, options: ClientOptions): Promise<void> {
	const client = new sdk.default({
		...options,
		apiKey: "rehearsal",
		baseURL: REHEARSAL_ORIGIN,
		fetch: answerInMemory,
	});
	const first = await client.models.list({ limit: 1000 }).withResponse();
	for await (const page of first.data.iterPages()) void page;
	await client.messages
		.create({ model: "rehearsal", max_tokens: 1, messages: [{ role: "user", content: "" }] })
		.withResponse();
}
