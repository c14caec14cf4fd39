// After a proven rotation: say where the old key still sits, and delete it when asked
// (--key-stdin's --purge-old, or the wizard's question).

import type { Plan } from "../plan/plan.js";
import type { System } from "../system.js";
import { sentenceCase } from "../wording/voice.js";
import { findOldKeyTraces, type OldKeyTraces, purgeOldKeyTraces, tracesCount } from "./old-keys.js";
import type { Environment } from "./session.js";

export interface Purgeable {
	readonly traces: OldKeyTraces;
	readonly count: { readonly lines: number; readonly backups: number };
	/** "2 commented-out lines and 1 backup". */
	readonly what: string;
	/** What they hold, as the subject of a sentence: "the old key", "this key (in clear text)". */
	readonly subject: string;
	/** The subject is two keys: "are", "them". */
	readonly plural: boolean;
}

/**
 * What still holds a key other than `saved.key` for its variable; with the keychain, also a
 * clear-text copy of `saved.key` itself (a backup of the block it replaced). Nothing: undefined.
 */
export async function findPurgeable(
	system: System,
	environment: Environment,
	plan: Plan,
	saved: { readonly variable: string; readonly key: string },
): Promise<Purgeable | undefined> {
	const old = environment.credentials
		.filter((finding) => finding.variable === saved.variable && finding.value.trim() !== saved.key)
		.map((finding) => finding.value.trim());
	const copies = plan.keychain ? [saved.key] : [];
	if (old.length + copies.length === 0) return undefined;
	const paths = [
		...plan.changes.map((change) => change.file.path),
		...environment.credentials.flatMap((finding) =>
			finding.source.kind === "file" ? [finding.source.path] : [],
		),
	];
	const oldTraces = await findOldKeyTraces(system, old, paths);
	// A copy of the saved key is only ever in a backup (of the block the keychain's replaced).
	const copyBackups = copies.length > 0 ? (await findOldKeyTraces(system, copies, [])).backups : [];
	const traces = {
		files: oldTraces.files,
		backups: [...new Set([...oldTraces.backups, ...copyBackups])],
	};
	const count = tracesCount(traces);
	if (count.lines + count.backups === 0) return undefined;
	const oldFound = oldTraces.files.length + oldTraces.backups.length > 0;
	const copyFound = copyBackups.length > 0;
	// Only what is there: "1 backup", not "0 commented-out lines and 1 backup".
	const parts = [
		count.lines > 0 ? `${count.lines} commented-out line${count.lines === 1 ? "" : "s"}` : "",
		count.backups > 0 ? `${count.backups} backup${count.backups === 1 ? "" : "s"}` : "",
	].filter((part) => part !== "");
	const what = parts.join(" and ");
	const subject =
		oldFound && copyFound
			? "the old key and this one (in clear text)"
			: copyFound
				? "this key (in clear text)"
				: "the old key";
	return { traces, count, what, subject, plural: oldFound && copyFound };
}

/** The sentence that says where they still are: "The old key is still in 1 backup". */
export function stillIn(found: Purgeable): string {
	return `${sentenceCase(found.subject)} ${found.plural ? "are" : "is"} still in ${found.what}`;
}

/** Deletes them; the line that says so. */
export async function purgeOld(system: System, found: Purgeable): Promise<string> {
	await purgeOldKeyTraces(system, found.traces);
	return `Deleted ${found.subject} from ${found.what}; backups without ${found.plural ? "them" : "it"} are kept.`;
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
		print(`! ${stillIn(found)}.`);
		print("  → Run again with --purge-old to delete them (backups without it are kept).");
		return {};
	}
	print(`✓ ${await purgeOld(system, found)}`);
	return { purged: found.count };
}
