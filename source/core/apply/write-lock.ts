// The rules of claude-setup's write lock: where it lives, what it holds, when a lock left
// behind by a run that died may be taken over, and what the user is told when it is busy.
import { stateDirectory } from "../plan/manifest.js";
import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";

export interface LockHolder {
	readonly pid: number;
	/** Milliseconds since the epoch, when the holder took the lock. */
	readonly started: number;
	/** Random per lock: a holder removes only its own lock file. */
	readonly token: string;
}

/** No write takes this long: a lock older than this was left by a run that hung or died. */
export const LOCK_STALE_MS = 2 * 60_000;
/** A lock file with no readable holder is written in the same breath as it is created. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

export function lockFile(system: System): string {
	return pathsFor(system.platform).join(stateDirectory(system), "write.lock");
}

export function formatHolder(holder: LockHolder): string {
	return `${JSON.stringify(holder)}\n`;
}

export function parseHolder(text: string): LockHolder | undefined {
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value !== "object" || value === null) return undefined;
		const { pid, started, token } = value as Record<string, unknown>;
		if (!Number.isSafeInteger(pid) || (pid as number) <= 0) return undefined;
		if (typeof started !== "number" || !Number.isFinite(started) || typeof token !== "string")
			return undefined;
		return { pid: pid as number, started, token };
	} catch {
		return undefined;
	}
}

export interface FoundLock {
	/** undefined when the file holds no valid holder (empty, cut short, or not ours). */
	readonly holder: LockHolder | undefined;
	/** The lock file's modification time, in milliseconds. */
	readonly modified: number;
}

/**
 * A lock may be taken over when its process is gone, when it is older than `staleMs`
 * (a hung run, or a pid reused by another program), or when it never got a holder.
 */
export function isStaleLock(
	found: FoundLock,
	now: number,
	isAlive: (pid: number) => boolean,
	staleMs = LOCK_STALE_MS,
): boolean {
	if (found.holder === undefined) return now - found.modified > UNREADABLE_LOCK_GRACE_MS;
	return !isAlive(found.holder.pid) || now - found.holder.started > staleMs;
}

/** `lockDisplay`: the lock file as shown to the user (`~/.local/state/claude-setup/write.lock`). */
export function busyMessage(holderPid: number | undefined, lockDisplay: string): string {
	const who = holderPid === undefined ? "" : ` (process ${holderPid})`;
	return (
		`Another claude-setup is writing your files right now${who}. Nothing was written. ` +
		`Wait for it to finish and run \`claude-setup\` again (if none is running, delete ${lockDisplay}).`
	);
}
