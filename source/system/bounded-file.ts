// Reading a file that may not be a file: opened without blocking (a FIFO with no writer would
// hold a libuv thread forever, and with it the process's exit), checked to be a regular file
// on the open handle (no race with a swap), read only up to a limit (/dev/zero, a huge log),
// and given up after a deadline.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { FILE_LIMITS } from "../core/system.js";
import { hasCode } from "./error-code.js";

export function fileError(code: string, syscall: string, path: string, what: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: ${what}, ${syscall} '${path}'`), { code, syscall, path });
}

/** Rejects with ETIMEDOUT when `work` takes longer than `ms`; `work` can ask whether it was given up. */
export async function withDeadline<T>(
	work: (isLate: () => boolean) => Promise<T>,
	ms: number,
	syscall: string,
	path: string,
): Promise<T> {
	let late = false;
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			late = true;
			reject(fileError(FILE_LIMITS.timedOutCode, syscall, path, "took too long"));
		}, ms);
		timer.unref();
	});
	try {
		return await Promise.race([work(() => late), deadline]);
	} finally {
		clearTimeout(timer);
	}
}

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer. Not on Windows.
const OPEN_FLAGS =
	process.platform === "win32"
		? constants.O_RDONLY
		: constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;

async function readRegular(file: string, maxBytes: number): Promise<Uint8Array | undefined> {
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		handle = await open(file, OPEN_FLAGS);
	} catch (error) {
		if (hasCode(error, "ENOENT")) return undefined;
		// A socket cannot be opened (ENXIO): it is not a file either.
		if (hasCode(error, "ENXIO"))
			throw fileError(FILE_LIMITS.notRegularCode, "open", file, "not a regular file");
		throw error;
	}
	try {
		const stats = await handle.stat();
		if (stats.isDirectory()) throw fileError("EISDIR", "read", file, "is a folder");
		if (!stats.isFile()) throw fileError(FILE_LIMITS.notRegularCode, "read", file, "not a regular file");
		if (stats.size > maxBytes) throw fileError(FILE_LIMITS.tooLargeCode, "read", file, "file too large");
		// /proc files say size 0: read until the end, one byte past the limit at most.
		const chunks: Uint8Array[] = [];
		let total = 0;
		for (;;) {
			const chunk = new Uint8Array(Math.min(64 * 1024, maxBytes + 1 - total));
			const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
			if (bytesRead === 0) break;
			chunks.push(chunk.subarray(0, bytesRead));
			total += bytesRead;
			if (total > maxBytes) throw fileError(FILE_LIMITS.tooLargeCode, "read", file, "file too large");
		}
		const bytes = new Uint8Array(total);
		let offset = 0;
		for (const chunk of chunks) {
			bytes.set(chunk, offset);
			offset += chunk.length;
		}
		return bytes;
	} finally {
		await handle.close();
	}
}

export function readBounded(
	file: string,
	limits: { maxBytes: number; ms: number } = { maxBytes: FILE_LIMITS.maxBytes, ms: FILE_LIMITS.readMs },
): Promise<Uint8Array | undefined> {
	return withDeadline(() => readRegular(file, limits.maxBytes), limits.ms, "read", file);
}
