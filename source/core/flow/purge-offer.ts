// After a proven rotation: say where the old key still sits, and delete it when asked
// (--key-stdin's --purge-old, or the wizard's question).

import type { Plan } from "../plan/plan.js";
import type { System } from "../system.js";
import { findOldKeyTraces, type OldKeyTraces, purgeOldKeyTraces, tracesCount } from "./old-keys.js";
import type { Environment } from "./session.js";

export interface Purgeable {
	readonly traces: OldKeyTraces;
	readonly count: { readonly lines: number; readonly backups: number };
	/** "2 commented-out lines and 1 backup". */
	readonly what: string;
}

/** What still holds a key other than `saved.key` for its variable: nothing means undefined. */
export async function findPurgeable(
	system: System,
	environment: Environment,
	plan: Plan,
	saved: { readonly variable: string; readonly key: string },
): Promise<Purgeable | undefined> {
	const old = environment.credentials
		.filter((finding) => finding.variable === saved.variable && finding.value.trim() !== saved.key)
		.map((finding) => finding.value.trim());
	if (old.length === 0) return undefined;
	const paths = [
		...plan.changes.map((change) => change.file.path),
		...environment.credentials.flatMap((finding) =>
			finding.source.kind === "file" ? [finding.source.path] : [],
		),
	];
	const traces = await findOldKeyTraces(system, old, paths);
	const count = tracesCount(traces);
	if (count.lines + count.backups === 0) return undefined;
	// Only what is there: "1 backup", not "0 commented-out lines and 1 backup".
	const parts = [
		count.lines > 0 ? `${count.lines} commented-out line${count.lines === 1 ? "" : "s"}` : "",
		count.backups > 0 ? `${count.backups} backup${count.backups === 1 ? "" : "s"}` : "",
	].filter((part) => part !== "");
	const what = parts.join(" and ");
	return { traces, count, what };
}

/** Deletes them; the line that says so. */
export async function purgeOld(system: System, found: Purgeable): Promise<string> {
	await purgeOldKeyTraces(system, found.traces);
	return `Deleted the old key from ${found.what}; backups without it are kept.`;
}

export async function offerPurge(
	system: System,
	environment: Environment,
	plan: Plan,
	saved: { readonly variable: string; readonly key: string },
	purge: boolean | undefined,
	print: (line: string) => void,
): Promise<{ purged?: { lines: number; backups: number } }> {
	const found = await findPurgeable(system, environment, plan, saved);
	if (!found) return {};
	if (!purge) {
		print(`! The old key is still in ${found.what}.`);
		print("  → Run again with --purge-old to delete them (backups without it are kept).");
		return {};
	}
	print(`✓ ${await purgeOld(system, found)}`);
	return { purged: found.count };
}
