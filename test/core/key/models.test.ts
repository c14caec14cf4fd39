import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareModelAge, pickTestModel } from "../../../source/core/key/models.js";
import type { ModelInfo } from "../../../source/core/system.js";

const model = (id: string, createdAt?: string): ModelInfo =>
	createdAt === undefined ? { id } : { id, createdAt };

describe("pickTestModel", () => {
	it.each<[string, ModelInfo[], string | undefined, string | undefined]>([
		["an empty list", [], undefined, undefined],
		["an override, even for an empty list", [], "claude-x-1", "claude-x-1"],
		[
			"an override over the newest Haiku",
			[model("claude-haiku-5-5", "2026-10-07T00:00:00Z")],
			"claude-opus-5-5",
			"claude-opus-5-5",
		],
		["a blank override is ignored", [model("claude-haiku-5-5")], "  ", "claude-haiku-5-5"],
		[
			"the newest Haiku by created_at",
			[
				model("claude-opus-5-5", "2026-11-01T00:00:00Z"),
				model("claude-haiku-4-5", "2025-10-01T00:00:00Z"),
				model("claude-haiku-5-5", "2026-10-07T00:00:00Z"),
			],
			undefined,
			"claude-haiku-5-5",
		],
		[
			"created_at beats the version in the id",
			[model("claude-haiku-9-0", "2025-01-01T00:00:00Z"), model("claude-haiku-5-5", "2026-10-07T00:00:00Z")],
			undefined,
			"claude-haiku-5-5",
		],
		[
			"version numbers when a Haiku has no date",
			[model("claude-haiku-5-5"), model("claude-haiku-4-5", "2026-12-01T00:00:00Z")],
			undefined,
			"claude-haiku-5-5",
		],
		[
			"version numbers when there are no dates",
			[
				model("claude-3-haiku-20240307"),
				model("claude-haiku-4-5-20251001"),
				model("claude-3-5-haiku-20241022"),
			],
			undefined,
			"claude-haiku-4-5-20251001",
		],
		[
			"an id's date stamp is not a version number",
			[model("claude-3-haiku-20240307"), model("claude-3-5-haiku-20241022")],
			undefined,
			"claude-3-5-haiku-20241022",
		],
		[
			"Haiku in any case",
			[model("claude-sonnet-5-5"), model("Claude-HAIKU-5-5")],
			undefined,
			"Claude-HAIKU-5-5",
		],
		[
			"the first model when there is no Haiku",
			[model("claude-sonnet-5-5"), model("claude-opus-5-5")],
			undefined,
			"claude-sonnet-5-5",
		],
	])("%s", (_name, models, override, expected) => {
		expect(pickTestModel(models, override)).toBe(expected);
	});

	it("picks a Haiku from the list whenever there is one, in any order", () => {
		const ids = fc.constantFrom(
			"claude-haiku-4-5",
			"claude-haiku-5-5",
			"claude-opus-5-5",
			"claude-sonnet-5-5",
			"claude-3-haiku-20240307",
		);
		const dates = fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), {
			nil: undefined,
		});
		// Model ids are unique in a real listing.
		const models = fc.uniqueArray(
			fc.record({
				id: ids,
				createdAt: dates.map((ms) => (ms === undefined ? undefined : new Date(ms).toISOString())),
			}),
			{ maxLength: 8, selector: (entry) => entry.id },
		);
		fc.assert(
			fc.property(models, (list) => {
				const picked = pickTestModel(list);
				const haikus = list.filter((entry) => entry.id.includes("haiku"));
				if (list.length === 0) return picked === undefined;
				if (haikus.length === 0) return picked === list[0]?.id;
				const pickedModel = haikus.find((entry) => entry.id === picked);
				return (
					pickedModel !== undefined &&
					haikus.every(
						(other) =>
							compareModelAge(
								other,
								pickedModel,
								haikus.every((entry) => entry.createdAt !== undefined),
							) <= 0 || other.id === picked,
					)
				);
			}),
		);
	});
});
