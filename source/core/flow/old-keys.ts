// After a proven rotation the old key still sits in lines claude-setup commented out and in
// backups. Offered, these go: the commented-out lines that hold an old key are deleted (nothing
// else in the file moves) and so are the backups that contain one; every other backup stays.

import { DISABLED_NOTE } from "../edit/comment-out.js";
import { backupDirectory } from "../plan/plan.js";
import { displayPath } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { joinLines, splitLines } from "../text/line-endings.js";
import { decodeText, encodeText, type TextEncodingKind } from "../text/text-encoding.js";

export interface OldKeyTraces {
	readonly files: readonly {
		readonly path: string;
		readonly display: string;
		readonly lines: number;
		readonly after: string;
		readonly encoding: TextEncodingKind;
	}[];
	readonly backups: readonly string[];
}

const holdsAny = (text: string, keys: readonly string[]) =>
	keys.some((key) => key !== "" && text.includes(key));

/** The commented-out lines (in `paths`) and the backups that still hold one of `oldKeys`. */
export async function findOldKeyTraces(
	system: System,
	oldKeys: readonly string[],
	paths: readonly string[],
): Promise<OldKeyTraces> {
	const files: OldKeyTraces["files"][number][] = [];
	for (const path of new Set(paths)) {
		const bytes = await system.fs.read(path).catch(() => undefined);
		if (bytes === undefined) continue;
		const decoded = decodeText(bytes);
		const { bom, lines } = splitLines(decoded.text);
		const kept = lines.filter(
			(line) => !(line.content.startsWith(DISABLED_NOTE) && holdsAny(line.content, oldKeys)),
		);
		if (kept.length === lines.length) continue;
		files.push({
			path,
			display: displayPath(path, system.homeDir),
			lines: lines.length - kept.length,
			after: joinLines(bom, kept),
			encoding: decoded.encoding,
		});
	}
	const folder = backupDirectory(system);
	const names = await system.fs.list(folder).catch(() => [] as string[]);
	const backups: string[] = [];
	for (const name of names) {
		const path = pathsFor(system.platform).join(folder, name);
		const bytes = await system.fs.read(path).catch(() => undefined);
		if (bytes !== undefined && holdsAny(decodeText(bytes).text, oldKeys)) backups.push(path);
	}
	return { files, backups };
}

export function tracesCount(traces: OldKeyTraces): { lines: number; backups: number } {
	return { lines: traces.files.reduce((sum, file) => sum + file.lines, 0), backups: traces.backups.length };
}

/**
 * Deletes them. No backup of the edited files: it would hold the very key being purged, and the
 * edit only drops claude-setup's own comment lines.
 */
export async function purgeOldKeyTraces(system: System, traces: OldKeyTraces): Promise<void> {
	for (const file of traces.files) {
		await system.fs.writeAtomic(file.path, encodeText({ text: file.after, encoding: file.encoding }), 0o600);
	}
	for (const backup of traces.backups) await system.fs.remove(backup);
}
