// Only regular files are read or written, reads are bounded, and every read and write has a
// deadline. Real FIFOs (mkfifo), devices, sockets and big files in a temp folder. On the
// starting commit a FIFO read never returned and /dev/zero grew memory without bound.
import { execFileSync } from "node:child_process";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_LIMITS } from "../../source/core/system.js";
import { createAtomicWrite } from "../../source/system/atomic-write.js";
import { readBounded, withDeadline } from "../../source/system/bounded-file.js";
import { nodeFileSystem as fs } from "../../source/system/node-system.js";

let dir: string;
let server: Server;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-bounded-"));
	execFileSync("mkfifo", [path.join(dir, "fifo")]);
	await symlink(path.join(dir, "fifo"), path.join(dir, "link-to-fifo"));
	await symlink("/dev/zero", path.join(dir, "link-to-zero"));
	await symlink("/dev/null", path.join(dir, "link-to-null"));
	await writeFile(path.join(dir, "big"), Buffer.alloc(FILE_LIMITS.maxBytes + 1, 65));
	await writeFile(path.join(dir, "at-limit"), Buffer.alloc(FILE_LIMITS.maxBytes, 65));
	await mkdir(path.join(dir, "folder"));
	server = createServer();
	await new Promise<void>((resolve) => server.listen(path.join(dir, "socket"), resolve));
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
	await rm(dir, { recursive: true, force: true });
});

const code = (promise: Promise<unknown>) =>
	promise.then(
		() => "no error",
		(error: NodeJS.ErrnoException) => error.code,
	);

describe("read", () => {
	it.each([
		["a FIFO with no writer", "fifo", FILE_LIMITS.notRegularCode],
		["a link to a FIFO", "link-to-fifo", FILE_LIMITS.notRegularCode],
		["a link to /dev/zero", "link-to-zero", FILE_LIMITS.notRegularCode],
		["a link to /dev/null", "link-to-null", FILE_LIMITS.notRegularCode],
		["a socket", "socket", FILE_LIMITS.notRegularCode],
		["a folder", "folder", "EISDIR"],
		["a file over the limit", "big", FILE_LIMITS.tooLargeCode],
	])("%s is refused at once", async (_, name, expected) => {
		const started = Date.now();
		expect(await code(fs.read(path.join(dir, name)))).toBe(expected);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it("/dev/zero directly is refused, whatever the limit", async () => {
		expect(await code(readBounded("/dev/zero", { maxBytes: 1 << 30, ms: 5000 }))).toBe(
			FILE_LIMITS.notRegularCode,
		);
	});

	it("a file at the limit, a missing file, and /proc files (size 0) read as before", async () => {
		expect((await fs.read(path.join(dir, "at-limit")))?.length).toBe(FILE_LIMITS.maxBytes);
		expect(await fs.read(path.join(dir, "missing"))).toBeUndefined();
		if (process.platform === "linux") {
			const text = new TextDecoder().decode(await fs.read("/proc/self/status"));
			expect(text).toContain("Name:");
		}
	});

	it("a file that grows past the limit while read stops at the limit", async () => {
		// A size-0 stat and endless content: the same path /proc takes, bounded by bytes read.
		expect(await code(readBounded("/proc/self/status", { maxBytes: 10, ms: 5000 }))).toBe(
			FILE_LIMITS.tooLargeCode,
		);
	});
});

describe("writeAtomic", () => {
	it.each([
		["a FIFO", "fifo", FILE_LIMITS.notRegularCode],
		["a link to a FIFO", "link-to-fifo", FILE_LIMITS.notRegularCode],
		["a link to /dev/null", "link-to-null", FILE_LIMITS.notRegularCode],
		["a socket", "socket", FILE_LIMITS.notRegularCode],
		["a folder", "folder", "EISDIR"],
	])("over %s is refused, and it stays what it was", async (_, name, expected) => {
		const target = path.join(dir, name);
		const before = await lstat(target);
		expect(await code(fs.writeAtomic(target, new TextEncoder().encode("x"), 0o600))).toBe(expected);
		const after = await lstat(target);
		expect([after.mode, after.ino]).toEqual([before.mode, before.ino]);
		expect((await readdir(dir)).filter((entry) => entry.includes(".claude-setup-"))).toEqual([]);
	});

	it("given up by its deadline, it never replaces the file late", async () => {
		const file = path.join(dir, "late");
		await writeFile(file, "old\n");
		await createAtomicWrite()(file, new TextEncoder().encode("new\n"), 0o600, { isLate: () => true });
		expect(await readFile(file, "utf8")).toBe("old\n");
		expect((await readdir(dir)).filter((entry) => entry.includes(".claude-setup-"))).toEqual([]);
		expect((await stat(file)).isFile()).toBe(true);
	});
});

describe("withDeadline", () => {
	it("rejects with ETIMEDOUT when the work hangs, and tells the work it is late", async () => {
		let late: (() => boolean) | undefined;
		const started = Date.now();
		const hung = withDeadline(
			(isLate) => {
				late = isLate;
				return new Promise<never>(() => undefined);
			},
			200,
			"read",
			"/somewhere",
		);
		expect(await code(hung)).toBe("ETIMEDOUT");
		expect(Date.now() - started).toBeLessThan(2000);
		expect(late?.()).toBe(true);
	});
});
