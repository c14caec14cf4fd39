// Import cycles in a graph of files (Tarjan's strongly connected components): each cycle is
// reported once, starting from its first file in the graph's order, in import order.

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export function importCycles(graph: ImportGraph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];

	const visit = (file: string): void => {
		index.set(file, index.size);
		low.set(file, index.get(file) ?? 0);
		stack.push(file);
		onStack.add(file);
		for (const target of graph.get(file) ?? []) {
			if (!index.has(target)) {
				visit(target);
				low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
			} else if (onStack.has(target)) {
				low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
			}
		}
		if (low.get(file) !== index.get(file)) return;
		const component: string[] = [];
		let member: string | undefined;
		do {
			member = stack.pop();
			if (member === undefined) break;
			onStack.delete(member);
			component.push(member);
		} while (member !== file);
		const selfImport = graph.get(file)?.includes(file) ?? false;
		if (component.length > 1 || selfImport) cycles.push(inImportOrder(component, graph));
	};
	for (const file of graph.keys()) if (!index.has(file)) visit(file);
	return cycles;
}

/** The members from the first in the graph's order, following imports within the cycle. */
function inImportOrder(component: readonly string[], graph: ImportGraph): string[] {
	const members = new Set(component);
	const first = [...graph.keys()].find((file) => members.has(file)) ?? component[0] ?? "";
	const ordered = [first];
	while (ordered.length < members.size) {
		const last = ordered[ordered.length - 1] ?? "";
		const next = (graph.get(last) ?? []).find((target) => members.has(target) && !ordered.includes(target));
		if (next === undefined) break;
		ordered.push(next);
	}
	return ordered;
}
