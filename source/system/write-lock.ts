// The lock file that keeps two claude-setup runs from writing at once: created with
// O_EXCL ("wx"), holding pid, start time and a token; taken over when its holder is gone.
// While one is held, write-activity.ts tells an interrupt handler a write is under way.

import { open, readFile, rm, stat } from "node:fs/promises";
import { formatHolder, isStaleLock, LOCK_STALE_MS, parseHolder } from "../core/apply/write-lock.js";
import type { AcquireLock, LockResult } from "../core/system.js";
import { hasCode } from "./error-code.js";
import { addHeld, dropHeld, takingLocks } from "./write-activity.js";

export interface WriteLockOptions {
	/** How long to wait for another run to finish before giving up. */
	readonly waitMs?: number;
	readonly pollMs?: number;
	readonly staleMs?: number;
	/** The clock written into the lock and used to judge its age. */
	readonly now?: () => number;
	readonly isAlive?: (pid: number) => boolean;
}

export function processIsAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return hasCode(error, "EPERM");
	}
}

export function createWriteLock(options: WriteLockOptions = {}): AcquireLock {
	const waitMs = options.waitMs ?? 5_000;
	const pollMs = options.pollMs ?? 50;
	const now = options.now ?? Date.now;
	const isAlive = options.isAlive ?? processIsAlive;
	return async (file): Promise<LockResult> => {
		const deadline = Date.now() + waitMs;
		for (;;) {
			if (!takingLocks()) return { ok: false, reason: "stopping" };
			// Loaded here, not at start: the signal handlers import this file before the first frame.
			const { randomBytes } = await import("node:crypto");
			const token = randomBytes(8).toString("hex");
			const created = await createExclusive(file, formatHolder({ pid: process.pid, started: now(), token }));
			if (created) return { ok: true, lock: { release: () => release(file, token) } };
			const found = await readLock(file);
			if (found === undefined) continue; // Released meanwhile: try again at once.
			if (isStaleLock(found, now(), isAlive, options.staleMs ?? LOCK_STALE_MS)) {
				await removeIfUnchanged(file, found.raw);
				continue;
			}
			if (Date.now() >= deadline) return { ok: false, reason: "busy", holderPid: found.holder?.pid };
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	};
}

async function createExclusive(file: string, content: string): Promise<boolean> {
	// Counted before the file can exist: a signal handled while the open is under way (the file
	// already made, its promise not yet settled) must wait for this run's writes too.
	addHeld();
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		handle = await open(file, "wx", 0o600);
	} catch (error) {
		dropHeld();
		if (hasCode(error, "EEXIST")) return false;
		throw error;
	}
	try {
		await handle.writeFile(content);
		await handle.close();
	} catch (error) {
		await handle.close().catch(() => undefined);
		await rm(file, { force: true }).catch(() => undefined);
		dropHeld();
		throw error;
	}
	return true;
}

async function readLock(file: string) {
	try {
		const [raw, info] = await Promise.all([readFile(file, "utf8"), stat(file)]);
		return { raw, holder: parseHolder(raw), modified: info.mtimeMs };
	} catch (error) {
		if (hasCode(error, "ENOENT")) return undefined;
		throw error;
	}
}

/** Takes over a stale lock, unless another run took it over first. */
async function removeIfUnchanged(file: string, raw: string): Promise<void> {
	const again = await readFile(file, "utf8").catch(() => undefined);
	if (again === raw) await rm(file, { force: true });
}

async function release(file: string, token: string): Promise<void> {
	try {
		const holder = parseHolder(await readFile(file, "utf8").catch(() => ""));
		// Taken over as stale by another run (a write that hung for minutes): not ours to delete.
		if (holder?.token === token) await rm(file, { force: true });
	} finally {
		dropHeld();
	}
}
