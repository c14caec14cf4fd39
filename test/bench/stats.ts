// Repeats a measurement after a warm-up and keeps the median, which one slow run cannot move.

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `measure` `warmUp` times unrecorded, then `runs` times; each run returns its figures. */
export async function repeat<T extends Record<string, number>>(
	runs: number,
	warmUp: number,
	measure: () => Promise<T>,
): Promise<{ [K in keyof T]: number }> {
	for (let index = 0; index < warmUp; index++) await measure();
	const samples: T[] = [];
	for (let index = 0; index < runs; index++) samples.push(await measure());
	const first = samples[0];
	if (first === undefined) throw new Error("repeat needs at least one run");
	const result = {} as { [K in keyof T]: number };
	for (const key of Object.keys(first) as (keyof T)[])
		result[key] = median(samples.map((sample) => sample[key]));
	return result;
}
