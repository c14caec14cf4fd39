// "Did you mean --target?" for a word typed wrong: the closest known word by edit distance
// (a letter added, dropped, changed, or two swapped), if it is close enough to be the intent.

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(from: string, to: string): number {
	const rows: number[][] = Array.from({ length: from.length + 1 }, (_, row) =>
		Array.from({ length: to.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
	);
	const at = (row: number, column: number) => rows[row]?.[column] ?? Number.POSITIVE_INFINITY;
	for (let row = 1; row <= from.length; row++) {
		for (let column = 1; column <= to.length; column++) {
			const cost = from[row - 1] === to[column - 1] ? 0 : 1;
			let best = Math.min(at(row - 1, column) + 1, at(row, column - 1) + 1, at(row - 1, column - 1) + cost);
			if (row > 1 && column > 1 && from[row - 1] === to[column - 2] && from[row - 2] === to[column - 1]) {
				best = Math.min(best, at(row - 2, column - 2) + 1);
			}
			(rows[row] as number[])[column] = best;
		}
	}
	return at(from.length, to.length);
}

/** The known word closest to `typed` (case aside), when at most a third of it is wrong; ties go to the first. */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
	const word = typed.toLowerCase();
	const limit = Math.max(1, Math.floor(word.length / 3));
	let closest: { readonly word: string; readonly distance: number } | undefined;
	for (const candidate of known) {
		const distance = editDistance(word, candidate.toLowerCase());
		if (distance <= limit && (!closest || distance < closest.distance))
			closest = { word: candidate, distance };
	}
	return closest?.word;
}
