// --key-stdin after a proven rotation: say where the old key still sits, and with --purge-old delete it.

import type { Plan } from "../plan/plan.js";
import type { System } from "../system.js";
import { findOldKeyTraces, purgeOldKeyTraces, tracesCount } from "./old-keys.js";
import type { Environment } from "./session.js";

export async function offerPurge(
	system: System,
	environment: Environment,
	plan: Plan,
	saved: { readonly variable: string; readonly key: string },
	purge: boolean | undefined,
	print: (line: string) => void,
): Promise<{ purged?: { lines: number; backups: number } }> {
	const old = environment.credentials
		.filter((finding) => finding.variable === saved.variable && finding.value.trim() !== saved.key)
		.map((finding) => finding.value.trim());
	if (old.length === 0) return {};
	const paths = [
		...plan.changes.map((change) => change.file.path),
		...environment.credentials.flatMap((finding) =>
			finding.source.kind === "file" ? [finding.source.path] : [],
		),
	];
	const traces = await findOldKeyTraces(system, old, paths);
	const count = tracesCount(traces);
	if (count.lines + count.backups === 0) return {};
	const what = `${count.lines} commented-out line${count.lines === 1 ? "" : "s"} and ${count.backups} backup${count.backups === 1 ? "" : "s"}`;
	if (!purge) {
		print(`! The old key is still in ${what}.`);
		print("  → Run again with --purge-old to delete them (backups without it are kept).");
		return {};
	}
	await purgeOldKeyTraces(system, traces);
	print(`✓ Deleted the old key from ${what}; backups without it are kept.`);
	return { purged: count };
}
