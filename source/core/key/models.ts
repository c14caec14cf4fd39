// Which model the live test talks to: the cheapest current one (the newest Haiku).
import type { ModelInfo } from "../system.js";

/** Version numbers in an id, without date stamps: claude-3-5-haiku-20241022 → [3, 5]. */
function versionOf(id: string): { version: number[]; date: number } {
	const numbers = id.match(/\d+/g) ?? [];
	const date = numbers.find((part) => part.length === 8);
	return {
		version: numbers.filter((part) => part.length < 8).map(Number),
		date: date === undefined ? 0 : Number(date),
	};
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
	for (let index = 0; index < Math.max(a.length, b.length); index++) {
		const difference = (a[index] ?? -1) - (b[index] ?? -1);
		if (difference !== 0) return difference;
	}
	return 0;
}

function createdTime(model: ModelInfo): number | undefined {
	if (model.createdAt === undefined) return undefined;
	const time = Date.parse(model.createdAt);
	return Number.isNaN(time) ? undefined : time;
}

/**
 * Positive when `a` is newer than `b`: by created_at when `byDate` (ties by version),
 * else by the version numbers in the id. One rule per list keeps the order consistent.
 */
export function compareModelAge(a: ModelInfo, b: ModelInfo, byDate: boolean): number {
	const byTime = byDate ? (createdTime(a) ?? 0) - (createdTime(b) ?? 0) : 0;
	if (byTime !== 0) return byTime;
	const versionA = versionOf(a.id);
	const versionB = versionOf(b.id);
	return compareNumbers(versionA.version, versionB.version) || versionA.date - versionB.date;
}

/** --model wins; else the newest Haiku; else the first model; undefined when there are none. */
export function pickTestModel(models: readonly ModelInfo[], override?: string): string | undefined {
	const chosen = override?.trim();
	if (chosen) return chosen;
	const haikus = models.filter((model) => model.id.toLowerCase().includes("haiku"));
	// Dates only when every Haiku has one; ties keep the API's (newest-first) order.
	const byDate = haikus.every((model) => createdTime(model) !== undefined);
	const newest = haikus.reduce<ModelInfo | undefined>(
		(best, model) => (best === undefined || compareModelAge(model, best, byDate) > 0 ? model : best),
		undefined,
	);
	return newest?.id ?? models[0]?.id;
}
