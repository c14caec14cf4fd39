// The real System: node:fs for files, execa for commands. Everything else in claude-setup
// only sees the System interface, so this is the one file that touches the machine.

import { lstat, mkdir, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import {
	type AnthropicApi,
	FILE_LIMITS,
	type FileInfo,
	type FileSystem,
	type System,
} from "../core/system.js";
import { createAtomicWrite, resolveLinks } from "./atomic-write.js";
import { readBounded, withDeadline } from "./bounded-file.js";
import { hasCode } from "./error-code.js";
import { runCommand } from "./node-run.js";
import { runAttached } from "./run-attached.js";
import { createWriteLock } from "./write-lock.js";

async function info(file: string): Promise<FileInfo | undefined> {
	let link: Awaited<ReturnType<typeof lstat>>;
	try {
		link = await lstat(file);
	} catch (error) {
		if (hasCode(error, "ENOENT", "ENOTDIR")) return undefined;
		throw error;
	}
	const followed = link.isSymbolicLink() ? await stat(file).catch(() => undefined) : link;
	return {
		isSymlink: link.isSymbolicLink(),
		isFile: followed?.isFile() ?? false,
		isDirectory: followed?.isDirectory() ?? false,
		mode: (followed ?? link).mode & 0o7777,
		realPath: await resolveLinks(file),
		...(process.platform === "win32" || followed === undefined ? {} : { uid: followed.uid }),
	};
}

const atomicWrite = createAtomicWrite();

/** Every file-system call has a deadline: a hung network drive must not hang the run. */
const inTime = <T>(work: () => Promise<T>, syscall: string, file: string, ms: number = FILE_LIMITS.readMs) =>
	withDeadline(work, ms, syscall, file);

export const nodeFileSystem: FileSystem = {
	read: (file) => readBounded(file),
	info: (file) => inTime(() => info(file), "stat", file),
	writeAtomic: (file, data, modeIfNew, mode) =>
		withDeadline(
			(isLate) => atomicWrite(file, data, modeIfNew, { isLate, mode }),
			FILE_LIMITS.writeMs,
			"write",
			file,
		),
	async makeDirectory(dir, mode) {
		await inTime(() => mkdir(dir, { recursive: true, mode }), "mkdir", dir, FILE_LIMITS.writeMs);
	},
	async remove(file) {
		await inTime(() => rm(file, { force: true }), "rm", file, FILE_LIMITS.writeMs);
	},
	list: (dir) =>
		inTime(
			async () => {
				try {
					return await readdir(dir);
				} catch (error) {
					if (hasCode(error, "ENOENT")) return [];
					throw error;
				}
			},
			"scandir",
			dir,
		),
};

/** The current user's home from the user database, ignoring HOME (root's own, under sudo). */
export function rootHome(): string | undefined {
	try {
		return os.userInfo().homedir;
	} catch {
		return undefined;
	}
}

export function createNodeSystem(options: { api: AnthropicApi }): System {
	return {
		platform: process.platform,
		env: process.env,
		homeDir: os.homedir(),
		cwd: process.cwd(),
		...(process.getuid ? { userId: process.getuid() } : {}),
		fs: nodeFileSystem,
		run: runCommand,
		runAttached,
		api: options.api,
		lock: createWriteLock(),
		now: () => Date.now(),
	};
}
