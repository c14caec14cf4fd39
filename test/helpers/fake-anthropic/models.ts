// The fake's model catalogue and `GET /v1/models` paging (limit, after_id, before_id).
import { errorReply, type ScriptedReply } from "./replies.js";

export interface FakeModel {
	readonly id: string;
	readonly display_name: string;
	readonly created_at: string;
}

/** Newest first, as the real API lists them. */
export const DEFAULT_MODELS: readonly FakeModel[] = [
	{
		id: "claude-opus-5-5",
		display_name: "Claude Opus 5.5",
		created_at: "2026-09-23T00:00:00Z",
	},
	{
		id: "claude-sonnet-5-5",
		display_name: "Claude Sonnet 5.5",
		created_at: "2026-09-23T00:00:00Z",
	},
	{
		id: "claude-haiku-5-5",
		display_name: "Claude Haiku 5.5",
		created_at: "2026-10-07T00:00:00Z",
	},
	{
		id: "claude-haiku-4-5-20251001",
		display_name: "Claude Haiku 4.5",
		created_at: "2025-10-01T00:00:00Z",
	},
	{
		id: "claude-haiku-4-5",
		display_name: "Claude Haiku 4.5",
		created_at: "2025-10-01T00:00:00Z",
	},
];

function lineOf(id: string): string | null {
	const match = /(opus|sonnet|haiku|fable|mythos)/.exec(id);
	return match?.[1] ?? null;
}

/** The full object the API returns for one model. */
export function modelObject(model: FakeModel): Record<string, unknown> {
	return {
		type: "model",
		id: model.id,
		display_name: model.display_name,
		created_at: model.created_at,
		lifecycle: "active",
		line: lineOf(model.id),
		deprecated_at: null,
		retires_at: null,
		max_input_tokens: 1_000_000,
		max_tokens: 128_000,
		capabilities: null,
	};
}

function invalid(message: string): ScriptedReply {
	return errorReply(400, "invalid_request_error", message);
}

/** One page of `GET /v1/models`, or a 400 for a bad query. */
export function listModelsReply(models: readonly FakeModel[], query: URLSearchParams): ScriptedReply {
	const limitText = query.get("limit");
	const limit = limitText === null ? 20 : Number(limitText);
	if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
		return invalid("limit: Input should be less than or equal to 1000 and at least 1");
	}
	const afterId = query.get("after_id");
	const beforeId = query.get("before_id");
	let start = 0;
	let end = models.length;
	if (afterId !== null) start = models.findIndex((m) => m.id === afterId) + 1;
	if (beforeId !== null)
		end = Math.max(
			0,
			models.findIndex((m) => m.id === beforeId),
		);
	// Paging backwards takes the page that ends just before `before_id`.
	const window = models.slice(start, end);
	const page = beforeId !== null ? window.slice(-limit) : window.slice(0, limit);
	const hasMore = beforeId !== null ? window.length > page.length : window.length > limit;
	return {
		kind: "json",
		status: 200,
		body: {
			data: page.map(modelObject),
			has_more: hasMore,
			first_id: page[0]?.id ?? null,
			last_id: page.at(-1)?.id ?? null,
		},
	};
}
