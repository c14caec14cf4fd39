// Before writing, re-read every file the plan was made from: writing over a change made
// since the preview (an editor, another program, a second run) would lose it.
import type { Plan } from "../plan/plan.js";
import type { System } from "../system.js";
import { encodeText } from "../text/text-encoding.js";

/** Re-read every file: if one changed since the plan was made, writing would lose that change. */
export async function findChangedSince(
	system: System,
	plan: Plan,
	reading: (path: string) => void,
): Promise<string | undefined> {
	const files = plan.changes.map(({ file, before, encoding }) => ({ path: file.path, before, encoding }));
	if (plan.gitignore) {
		const { path, before } = plan.gitignore;
		files.push({ path, before, encoding: "bytes" as const });
	}
	for (const { path, before, encoding } of files) {
		reading(path);
		// Compare bytes: the planned text encoded back must be exactly what is on disk.
		const now = await system.fs.read(path);
		const planned = before === undefined ? undefined : encodeText({ text: before, encoding });
		if (!sameBytes(now, planned)) return path;
	}
	return undefined;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
