// `POST /v1/messages`: the validation the real API does first, then a short reply.
import type { FakeModel } from "./models.js";
import { errorReply, newMessageId, type ScriptedReply } from "./replies.js";
import { streamedReply } from "./stream.js";

export const DEFAULT_REPLY_TEXT = "Hello! Nice to meet you.";

function invalid(message: string): ScriptedReply {
	return errorReply(400, "invalid_request_error", message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function createMessageReply(
	models: readonly FakeModel[],
	body: unknown,
	replyText: string,
): ScriptedReply {
	if (body === undefined) {
		return invalid("There was an issue with your request body: not valid JSON");
	}
	if (!isRecord(body)) return invalid("Input should be an object");
	const { model, max_tokens: maxTokens, messages, stream } = body;
	if (model === undefined) return invalid("model: Field required");
	if (typeof model !== "string") return invalid("model: Input should be a valid string");
	if (maxTokens === undefined) return invalid("max_tokens: Field required");
	if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) {
		return invalid("max_tokens: Input should be a valid integer greater than or equal to 1");
	}
	if (messages === undefined) return invalid("messages: Field required");
	if (!Array.isArray(messages) || messages.length === 0) {
		return invalid("messages: at least one message is required");
	}
	if (!models.some((known) => known.id === model)) {
		return errorReply(404, "not_found_error", `model: ${model}`);
	}
	const message = {
		id: newMessageId(),
		type: "message",
		role: "assistant",
		model,
		content: [{ type: "text", text: replyText, citations: null }],
		stop_reason: "end_turn",
		stop_sequence: null,
		stop_details: null,
		container: null,
		diagnostics: null,
		usage: {
			input_tokens: 21,
			output_tokens: 8,
			cache_creation_input_tokens: 0,
			cache_read_input_tokens: 0,
			cache_creation: null,
			server_tool_use: null,
			service_tier: "standard",
			inference_geo: null,
			output_tokens_details: null,
			speed: null,
		},
	};
	return stream === true ? streamedReply(message) : { kind: "json", status: 200, body: message };
}
