// Backups hold old secrets: keep only the few newest per file name, so they never pile up.
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";

export const BACKUPS_KEPT = 5;

// `.zshrc.2026-11-05T09-30-00-123Z.bak`: the stamp is fixed-width, so names sort by time.
const STAMP = /\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.bak$/;

/** The time part of a backup's name: the ISO time with `:` and `.` made safe for file names. */
export function backupStamp(now: number): string {
	return new Date(now).toISOString().replace(/[:.]/g, "-");
}

/** Where one run's backups go, and the stamp they all share. */
export interface BackupPlace {
	readonly backupDir: string;
	readonly stamp: string;
	readonly join: (...parts: string[]) => string;
}

/** `<backupDir>/<name>.<stamp>.bak`: the name backupOwner reads back as `name`. */
export function backupPath(place: BackupPlace, name: string): string {
	return place.join(place.backupDir, `${name}.${place.stamp}.bak`);
}

/** The name a file's backups go under: its own file name (`.zshrc`). */
export function fileBackupName(path: string): string {
	return path.split(/[\\/]/).pop() || "file";
}

/** The name the Windows user variable's backups go under. */
export function userVariableBackupName(variable: string): string {
	return `user-variable.${variable}`;
}

/** The file name a backup belongs to (`.zshrc`), or undefined when it is not one of ours. */
export function backupOwner(name: string): string | undefined {
	const match = STAMP.exec(name);
	return match ? name.slice(0, match.index) : undefined;
}

/** The backups of the same file name as `backupPath` beyond the newest `keep`, oldest first. */
export function backupsToDelete(names: readonly string[], backupName: string, keep = BACKUPS_KEPT): string[] {
	const owner = backupOwner(backupName);
	if (owner === undefined) return [];
	const same = names.filter((name) => backupOwner(name) === owner).sort();
	return same.slice(0, Math.max(0, same.length - keep));
}

/** Deletes the oldest backups of each file just backed up; a failure here only leaves extras. */
export async function pruneBackups(
	system: System,
	backupDir: string,
	backupPaths: readonly string[],
	keep = BACKUPS_KEPT,
): Promise<void> {
	const { join, basename } = pathsFor(system.platform);
	try {
		const names = await system.fs.list(backupDir);
		const doomed = new Set(backupPaths.flatMap((path) => backupsToDelete(names, basename(path), keep)));
		for (const name of doomed) await system.fs.remove(join(backupDir, name));
	} catch {
		// The new file and its backup are written; an old backup left over is not worth failing for.
	}
}
