// `POST /v1/messages` with `"stream": true`: the reply as server-sent events, in the order the
// real API sends them (message_start, a ping, one text block, message_delta, message_stop).
import type { ScriptedReply, StreamEvent } from "./replies.js";

/** The same message as a stream: empty content first, the text as one delta, usage last. */
export function streamedReply(message: Record<string, unknown>): ScriptedReply {
	const content = Array.isArray(message.content) ? message.content : [];
	const usage = (message.usage ?? {}) as Record<string, unknown>;
	const events: StreamEvent[] = [
		{
			type: "message_start",
			message: {
				...message,
				content: [],
				stop_reason: null,
				stop_sequence: null,
				usage: { ...usage, output_tokens: 1 },
			},
		},
	];
	content.forEach((block: unknown, index: number) => {
		const text = (block as { text?: unknown }).text;
		events.push({
			type: "content_block_start",
			index,
			content_block: { type: "text", text: "", citations: null },
		});
		if (index === 0) events.push({ type: "ping" });
		events.push({
			type: "content_block_delta",
			index,
			delta: { type: "text_delta", text: String(text ?? "") },
		});
		events.push({ type: "content_block_stop", index });
	});
	events.push({
		type: "message_delta",
		delta: { stop_reason: message.stop_reason ?? "end_turn", stop_sequence: null, stop_details: null },
		usage: {
			input_tokens: usage.input_tokens,
			cache_creation_input_tokens: usage.cache_creation_input_tokens,
			cache_read_input_tokens: usage.cache_read_input_tokens,
			output_tokens: usage.output_tokens,
			server_tool_use: null,
		},
	});
	events.push({ type: "message_stop" });
	return { kind: "events", events };
}

/** One event as it goes on the wire: its name, its JSON, a blank line. */
export function eventText(event: StreamEvent): string {
	return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
