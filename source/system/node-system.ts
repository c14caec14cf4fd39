// The real System: node:fs for files, execa for commands. Everything else in claude-setup
// only sees the System interface, so this is the one file that touches the machine.

import { lstat, mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import type { AnthropicApi, FileInfo, FileSystem, System } from "../core/system.js";
import { createAtomicWrite, resolveLinks } from "./atomic-write.js";
import { hasCode, runCommand } from "./node-run.js";
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
	};
}

export const nodeFileSystem: FileSystem = {
	async read(file) {
		try {
			return new Uint8Array(await readFile(file));
		} catch (error) {
			if (hasCode(error, "ENOENT")) return undefined;
			throw error;
		}
	},
	info,
	writeAtomic: createAtomicWrite(),
	async makeDirectory(dir, mode) {
		await mkdir(dir, { recursive: true, mode });
	},
	async remove(file) {
		await rm(file, { force: true });
	},
	async list(dir) {
		try {
			return await readdir(dir);
		} catch (error) {
			if (hasCode(error, "ENOENT")) return [];
			throw error;
		}
	},
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
		fs: nodeFileSystem,
		run: runCommand,
		runAttached,
		api: options.api,
		lock: createWriteLock(),
		now: () => Date.now(),
	};
}
