// An in-memory FileSystem that behaves like NTFS seen from Node on Windows: paths like
// C:\Users\Ada\… with `\` or `/`, case-insensitive but case-keeping, modes, folders,
// symbolic links, and failures injected per path with the `code` Node would give.
import type { FileInfo, FileSystem } from "../../source/core/system.js";

type Node =
	| { kind: "file"; path: string; data: Uint8Array; mode: number }
	| { kind: "dir"; path: string; mode: number }
	| { kind: "link"; path: string; target: string };

export interface MemoryFsOptions {
	/** Initial files (strings are stored as UTF-8); their folders are created. */
	readonly files?: Readonly<Record<string, Uint8Array | string>>;
	readonly directories?: readonly string[];
	/** An error to throw for a write, folder creation or removal at this path (as asked or resolved). */
	readonly failWrites?: (path: string) => Error | undefined;
	readonly failReads?: (path: string) => Error | undefined;
}

export interface MemoryFs extends FileSystem {
	/** Every file, by its path as first written (the case it was created with), sorted. */
	files(): Record<string, Uint8Array>;
	directories(): string[];
	/** A symbolic link at `link` to `target` (absolute, or relative to the link's folder). */
	symlink(link: string, target: string): void;
}

const MESSAGES: Record<string, string> = {
	EPERM: "operation not permitted",
	EACCES: "permission denied",
	ENOSPC: "no space left on device",
	EBUSY: "resource busy or locked",
	EROFS: "read-only file system",
	ENOENT: "no such file or directory",
	ENOTDIR: "not a directory",
	EISDIR: "illegal operation on a directory",
	EEXIST: "file already exists",
	ELOOP: "too many symbolic links encountered",
};

/** An error shaped like Node's: `EPERM: operation not permitted, open 'C:\x'` with code/syscall/path. */
export function fsError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(
		`${code}: ${MESSAGES[code] ?? "error"}, ${syscall} '${path}'`,
	);
	return Object.assign(error, { code, syscall, path });
}

/** The path's parts: ["C:", "Users", "Ada"]; `.` and `..` resolved, `/` accepted. */
export function windowsPathParts(path: string): string[] {
	const match = /^([A-Za-z]:)(?:[\\/]|$)/.exec(path);
	if (!match?.[1]) throw new Error(`memory-fs: not an absolute Windows path: ${JSON.stringify(path)}`);
	const parts = [match[1].toUpperCase()];
	for (const part of path.slice(match[0].length).split(/[\\/]+/)) {
		if (part === "..") parts.length = Math.max(1, parts.length - 1);
		else if (part !== "" && part !== ".") parts.push(part);
	}
	return parts;
}

const join = (parts: readonly string[]) => (parts.length === 1 ? `${parts[0]}\\` : parts.join("\\"));
const keyOf = (parts: readonly string[]) => join(parts).toLowerCase();

export function createMemoryFs(options: MemoryFsOptions = {}): MemoryFs {
	const nodes = new Map<string, Node>();
	let ready = false;
	const get = (parts: readonly string[]): Node | undefined =>
		parts.length === 1 ? { kind: "dir", path: join(parts), mode: 0o777 } : nodes.get(keyOf(parts));

	/** Follow links in every part (and the last one unless `keepLast`); display-cased parts. */
	function resolve(path: string, keepLast = false): string[] {
		let pending = windowsPathParts(path);
		for (let hops = 0; hops <= 40; hops++) {
			const done: string[] = [];
			let followed = false;
			for (const [index, part] of pending.entries()) {
				const node = get([...done, part]);
				const last = index === pending.length - 1;
				if (node?.kind === "link" && !(last && keepLast)) {
					const target = /^[A-Za-z]:/.test(node.target) ? node.target : `${join(done)}\\${node.target}`;
					pending = [...windowsPathParts(target), ...pending.slice(index + 1)];
					followed = true;
					break;
				}
				// An existing entry keeps the case it was created with, like NTFS.
				done.push(index > 0 && node ? (node.path.split("\\").pop() ?? part) : part);
			}
			if (!followed) return done;
		}
		throw fsError("ELOOP", "stat", path);
	}

	function failWrite(path: string, resolved: readonly string[]) {
		if (!ready) return; // The initial files are set up, not written.
		const real = join(resolved);
		const error = options.failWrites?.(path) ?? (real === path ? undefined : options.failWrites?.(real));
		if (error) throw error;
	}

	/** The folder that holds `parts`, or the error Node would give. */
	function parentOf(parts: readonly string[], syscall: string, path: string) {
		const parent = get(parts.slice(0, -1));
		if (parent === undefined) throw fsError("ENOENT", syscall, path);
		if (parent.kind !== "dir") throw fsError("ENOTDIR", syscall, path);
	}

	function writeFile(path: string, data: Uint8Array, modeIfNew: number, wanted?: number) {
		const parts = resolve(path);
		failWrite(path, parts);
		parentOf(parts, "open", path);
		const existing = get(parts);
		if (existing?.kind === "dir") throw fsError("EISDIR", "open", path);
		const mode = wanted ?? (existing?.kind === "file" ? existing.mode : modeIfNew);
		nodes.set(keyOf(parts), { kind: "file", path: join(parts), data: Uint8Array.from(data), mode });
	}

	function makeDirectory(path: string, mode: number) {
		const parts = resolve(path);
		failWrite(path, parts);
		for (let length = 2; length <= parts.length; length++) {
			const prefix = parts.slice(0, length);
			const node = get(prefix);
			if (node === undefined) nodes.set(keyOf(prefix), { kind: "dir", path: join(prefix), mode });
			else if (node.kind !== "dir")
				throw fsError(length === parts.length ? "EEXIST" : "ENOTDIR", "mkdir", path);
		}
	}

	for (const dir of options.directories ?? []) makeDirectory(dir, 0o755);
	for (const [path, content] of Object.entries(options.files ?? {})) {
		makeDirectory(join(windowsPathParts(path).slice(0, -1)), 0o755);
		writeFile(path, typeof content === "string" ? new TextEncoder().encode(content) : content, 0o644);
	}

	ready = true;
	return {
		async read(path) {
			const error = options.failReads?.(path);
			if (error) throw error;
			const node = get(resolve(path));
			if (node?.kind === "dir") throw fsError("EISDIR", "read", path);
			return node?.kind === "file" ? Uint8Array.from(node.data) : undefined;
		},
		async info(path): Promise<FileInfo | undefined> {
			const own = get(resolve(path, true));
			if (own === undefined) return undefined;
			const real = resolve(path);
			const followed = get(real);
			return {
				isSymlink: own.kind === "link",
				isFile: followed?.kind === "file",
				isDirectory: followed?.kind === "dir",
				mode: followed && followed.kind !== "link" ? followed.mode : 0o666,
				realPath: join(real),
			};
		},
		async writeAtomic(path, data, modeIfNew, mode) {
			writeFile(path, data, modeIfNew, mode);
		},
		async makeDirectory(path, mode) {
			makeDirectory(path, mode);
		},
		async remove(path) {
			const parts = resolve(path, true);
			failWrite(path, parts);
			const node = get(parts);
			if (node?.kind === "dir") throw fsError("EISDIR", "rm", path);
			nodes.delete(keyOf(parts));
		},
		async list(path) {
			const parts = resolve(path);
			const node = get(parts);
			if (node === undefined) return [];
			if (node.kind !== "dir") throw fsError("ENOTDIR", "scandir", path);
			const prefix = `${keyOf(parts).replace(/\\$/, "")}\\`;
			return [...nodes.entries()]
				.filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes("\\"))
				.map(([, child]) => child.path.split("\\").pop() ?? "")
				.sort();
		},
		files() {
			const files = [...nodes.values()].filter((node) => node.kind === "file");
			files.sort((a, b) => a.path.toLowerCase().localeCompare(b.path.toLowerCase()));
			return Object.fromEntries(files.map((file) => [file.path, Uint8Array.from(file.data)]));
		},
		directories() {
			return [...nodes.values()]
				.filter((node) => node.kind === "dir")
				.map((dir) => dir.path)
				.sort();
		},
		symlink(link, target) {
			const parts = resolve(link, true);
			parentOf(parts, "symlink", link);
			if (get(parts)) throw fsError("EEXIST", "symlink", link);
			nodes.set(keyOf(parts), { kind: "link", path: join(parts), target });
		},
	};
}
