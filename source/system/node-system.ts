// The real System: node:fs for files, execa for commands. Everything else in claude-setup
// only sees the System interface, so this is the one file that touches the machine.

import { randomBytes } from "node:crypto";
import {
	chmod,
	chown,
	lstat,
	mkdir,
	open,
	readdir,
	readFile,
	readlink,
	realpath,
	rename,
	rm,
	stat,
} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AnthropicApi, FileInfo, FileSystem, System } from "../core/system.js";
import { hasCode, runCommand } from "./node-run.js";

/** Follows a chain of links by hand so a dangling link still names the file it points at. */
async function resolveLinks(file: string): Promise<string> {
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

async function renameWithRetry(from: string, to: string): Promise<void> {
	// Windows: antivirus or an editor can hold the target briefly (EPERM/EBUSY).
	for (let attempt = 0; ; attempt++) {
		try {
			await rename(from, to);
			return;
		} catch (error) {
			if (attempt >= 3 || !hasCode(error, "EPERM", "EBUSY", "EACCES") || process.platform !== "win32")
				throw error;
			await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
		}
	}
}

async function writeAtomic(file: string, data: Uint8Array, modeIfNew: number): Promise<void> {
	const target = await resolveLinks(file);
	const existing = await stat(target).catch((error: unknown) => {
		if (hasCode(error, "ENOENT")) return undefined;
		throw error;
	});
	const mode = existing ? existing.mode & 0o7777 : modeIfNew;
	const temp = path.join(
		path.dirname(target),
		`.${path.basename(target)}.claude-setup-${randomBytes(6).toString("hex")}.tmp`,
	);
	try {
		const handle = await open(temp, "wx", 0o600);
		try {
			await handle.writeFile(data);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await chmod(temp, mode);
		// Run with sudo, root would otherwise take over the user's file.
		if (existing && process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
			await chown(temp, existing.uid, existing.gid);
		}
		await renameWithRetry(temp, target);
	} catch (error) {
		await rm(temp, { force: true }).catch(() => undefined);
		throw error;
	}
}

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
	writeAtomic,
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

export { runCommand };

export function createNodeSystem(options: { api: AnthropicApi }): System {
	return {
		platform: process.platform,
		env: process.env,
		homeDir: os.homedir(),
		cwd: process.cwd(),
		fs: nodeFileSystem,
		run: runCommand,
		api: options.api,
		now: () => Date.now(),
	};
}
