// Replaces a file's content so that a reader sees either the old bytes or the new ones:
// temp file in the same folder, fsync, rename. Links are followed (the link stays a link),
// mode and owner are kept, and the temp file never outlives the call.

import { randomBytes } from "node:crypto";
import { chmod, chown, open, readFile, readlink, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { FILE_LIMITS } from "../core/system.js";
import { fileError } from "./bounded-file.js";
import { hasCode } from "./error-code.js";

export interface AtomicWriteOptions {
	/** Decides whether a failed rename is retried (Windows only). */
	readonly platform: NodeJS.Platform;
	readonly rename: (from: string, to: string) => Promise<void>;
	readonly wait: (ms: number) => Promise<void>;
}

export interface WriteOptions {
	/** True once the caller gave up (deadline): the file is then never replaced. */
	readonly isLate?: () => boolean;
	/** The mode afterwards, instead of keeping the existing file's. */
	readonly mode?: number;
}

/** Waits between rename attempts on Windows: antivirus or an editor may hold the file briefly. */
export const RENAME_BACKOFF_MS = [20, 40, 80, 160, 320] as const;

const RETRYABLE = ["EPERM", "EBUSY", "EACCES"];

/** Follows a chain of links by hand so a dangling link still names the file it points at. */
export async function resolveLinks(file: string): Promise<string> {
	try {
		return await realpath(file);
	} catch (error) {
		if (!hasCode(error, "ENOENT")) throw error;
	}
	let current = path.resolve(file);
	for (let hops = 0; hops < 40; hops++) {
		let target: string;
		try {
			target = await readlink(current);
		} catch (error) {
			// Not a link (EINVAL) or nothing there (ENOENT): this is the file to create.
			if (hasCode(error, "EINVAL", "ENOENT", "UNKNOWN")) break;
			throw error;
		}
		current = path.resolve(path.dirname(current), target);
	}
	// The parent folder may itself be a link; resolve it when it exists.
	try {
		return path.join(await realpath(path.dirname(current)), path.basename(current));
	} catch {
		return current;
	}
}

export function createAtomicWrite(
	options: AtomicWriteOptions = {
		platform: process.platform,
		rename,
		wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
	},
): (file: string, data: Uint8Array, modeIfNew: number, options?: WriteOptions) => Promise<void> {
	/** true when renamed; false when Windows kept refusing and the caller must rewrite in place. */
	async function renameWithRetry(from: string, to: string): Promise<boolean> {
		for (let attempt = 0; ; attempt++) {
			try {
				await options.rename(from, to);
				return true;
			} catch (error) {
				if (options.platform !== "win32" || !hasCode(error, ...RETRYABLE)) throw error;
				const delay = RENAME_BACKOFF_MS[attempt];
				if (delay === undefined) return false;
				await options.wait(delay);
			}
		}
	}

	return async function writeAtomic(file, data, modeIfNew, { isLate = () => false, mode: wanted } = {}) {
		const target = await resolveLinks(file);
		const existing = await stat(target).catch((error: unknown) => {
			if (hasCode(error, "ENOENT")) return undefined;
			throw error;
		});
		// Renaming over a FIFO or a device would replace it; writing into one would block or vanish.
		if (existing?.isDirectory()) throw fileError("EISDIR", "open", target, "is a folder");
		if (existing && !existing.isFile()) {
			throw fileError(FILE_LIMITS.notRegularCode, "open", target, "not a regular file");
		}
		const mode = wanted ?? (existing ? existing.mode & 0o7777 : modeIfNew);
		// Random, never derived from the content: the name must not carry anything of a secret.
		const temp = path.join(
			path.dirname(target),
			`.${path.basename(target)}.claude-setup-${randomBytes(6).toString("hex")}.tmp`,
		);
		try {
			await writeAndSync(temp, data, "wx");
			await chmod(temp, mode);
			// Run with sudo, root would otherwise take over the user's file.
			if (existing && process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
				await chown(temp, existing.uid, existing.gid);
			}
			// Given up (the deadline passed and the caller puts things back): never replace the file late.
			if (isLate()) return;
			if (!(await renameWithRetry(temp, target))) await rewriteInPlace(target, data, mode);
		} finally {
			await rm(temp, { force: true }).catch(() => undefined);
		}
	};
}

async function writeAndSync(file: string, data: Uint8Array, flags: string, mode = 0o600): Promise<void> {
	const handle = await open(file, flags, mode);
	try {
		await handle.writeFile(data);
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/** The last resort on Windows (npm/write-file-atomic#28); a failure puts the old bytes back. */
async function rewriteInPlace(target: string, data: Uint8Array, mode: number): Promise<void> {
	const original = await readFile(target).catch(() => undefined);
	try {
		await writeAndSync(target, data, "w", mode);
	} catch (error) {
		if (original === undefined) await rm(target, { force: true }).catch(() => undefined);
		else await writeAndSync(target, original, "w").catch(() => undefined);
		throw error;
	}
}
