import {
	chmod,
	mkdir,
	mkdtemp,
	readdir,
	readFile,
	readlink,
	rm,
	stat,
	symlink,
	writeFile,
} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnthropicApi } from "../../source/core/system.js";
import { runCommand } from "../../source/system/node-run.js";
import { createNodeSystem, nodeFileSystem as fs } from "../../source/system/node-system.js";

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-node-"));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;
const leftovers = async (folder: string) =>
	(await readdir(folder)).filter((name) => name.includes(".claude-setup-"));

async function fresh(name: string): Promise<string> {
	const folder = path.join(dir, name);
	await mkdir(folder);
	return folder;
}

describe("writeAtomic", () => {
	it("creates a new file with modeIfNew", async () => {
		const folder = await fresh("new");
		await fs.writeAtomic(path.join(folder, ".env"), bytes("A=1\n"), 0o600);
		expect(await readFile(path.join(folder, ".env"), "utf8")).toBe("A=1\n");
		expect(await modeOf(path.join(folder, ".env"))).toBe(0o600);
		expect(await leftovers(folder)).toEqual([]);
	});

	it("keeps an existing file's mode", async () => {
		const folder = await fresh("mode");
		const file = path.join(folder, ".zshrc");
		await writeFile(file, "old\n");
		await chmod(file, 0o640);
		await fs.writeAtomic(file, bytes("new\n"), 0o600);
		expect(await readFile(file, "utf8")).toBe("new\n");
		expect(await modeOf(file)).toBe(0o640);
	});

	it("keeps a symlink a symlink and writes its target", async () => {
		const folder = await fresh("link");
		await mkdir(path.join(folder, "dotfiles"));
		const real = path.join(folder, "dotfiles", "zshrc");
		const link = path.join(folder, ".zshrc");
		await writeFile(real, "old\n", { mode: 0o644 });
		await symlink("dotfiles/zshrc", link);
		await fs.writeAtomic(link, bytes("new\n"), 0o600);
		expect(await readlink(link)).toBe("dotfiles/zshrc");
		expect(await readFile(real, "utf8")).toBe("new\n");
		expect(await modeOf(real)).toBe(0o644);
		expect([...(await leftovers(folder)), ...(await leftovers(path.join(folder, "dotfiles")))]).toEqual([]);
	});

	it("writes the target of a dangling symlink, chains included", async () => {
		const folder = await fresh("dangling");
		await mkdir(path.join(folder, "store"));
		await symlink("middle", path.join(folder, ".bashrc"));
		await symlink("store/bashrc", path.join(folder, "middle"));
		await fs.writeAtomic(path.join(folder, ".bashrc"), bytes("x\n"), 0o600);
		expect(await readFile(path.join(folder, "store", "bashrc"), "utf8")).toBe("x\n");
		expect(await readlink(path.join(folder, ".bashrc"))).toBe("middle");
		expect(await modeOf(path.join(folder, "store", "bashrc"))).toBe(0o600);
	});

	it.each([
		["the parent is a file", (folder: string) => path.join(folder, "blocker", ".env"), /ENOTDIR/],
		[
			"the target is a folder (rename fails after the temp file exists)",
			(folder: string) => path.join(folder, "sub"),
			/EISDIR|ENOTEMPTY|EEXIST/,
		],
	])("fails cleanly when %s, leaving no temp file", async (_name, target, error) => {
		const folder = await mkdtemp(path.join(dir, "fail-"));
		await writeFile(path.join(folder, "blocker"), "");
		await mkdir(path.join(folder, "sub"));
		await writeFile(path.join(folder, "sub", "keep"), "");
		await expect(fs.writeAtomic(target(folder), bytes("A=1\n"), 0o600)).rejects.toThrow(error);
		expect(await leftovers(folder)).toEqual([]);
		expect(await readFile(path.join(folder, "blocker"), "utf8")).toBe("");
	});
});

describe("read, info, list, makeDirectory, remove", () => {
	it("reads bytes, and undefined for a missing file", async () => {
		const folder = await fresh("read");
		await writeFile(path.join(folder, "f"), Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a]));
		expect([...((await fs.read(path.join(folder, "f"))) ?? [])]).toEqual([
			0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a,
		]);
		expect(await fs.read(path.join(folder, "missing"))).toBeUndefined();
	});

	it("describes files, folders, links and nothing", async () => {
		const folder = await fresh("info");
		await writeFile(path.join(folder, "f"), "", { mode: 0o640 });
		await chmod(path.join(folder, "f"), 0o640);
		await symlink("f", path.join(folder, "link"));
		await symlink("nowhere", path.join(folder, "dangling"));
		expect(await fs.info(path.join(folder, "f"))).toEqual({
			isSymlink: false,
			isFile: true,
			isDirectory: false,
			mode: 0o640,
			realPath: path.join(folder, "f"),
			uid: process.getuid?.(),
		});
		expect(await fs.info(path.join(folder, "link"))).toEqual({
			isSymlink: true,
			isFile: true,
			isDirectory: false,
			mode: 0o640,
			realPath: path.join(folder, "f"),
			uid: process.getuid?.(),
		});
		expect(await fs.info(path.join(folder, "dangling"))).toMatchObject({
			isSymlink: true,
			isFile: false,
			isDirectory: false,
			realPath: path.join(folder, "nowhere"),
		});
		expect(await fs.info(folder)).toMatchObject({
			isDirectory: true,
			isFile: false,
		});
		expect(await fs.info(path.join(folder, "missing"))).toBeUndefined();
		expect(await fs.info(path.join(folder, "f", "below-a-file"))).toBeUndefined();
	});

	it("makes nested folders, lists, and removes", async () => {
		const folder = await fresh("dirs");
		const nested = path.join(folder, "a", "b");
		await fs.makeDirectory(nested, 0o700);
		expect(await modeOf(nested)).toBe(0o700);
		await writeFile(path.join(nested, "x"), "");
		expect(await fs.list(nested)).toEqual(["x"]);
		await fs.remove(path.join(nested, "x"));
		await fs.remove(path.join(nested, "x"));
		expect(await fs.list(nested)).toEqual([]);
		expect(await fs.list(path.join(folder, "missing"))).toEqual([]);
	});
});

it("createNodeSystem wires the real machine and the given API", () => {
	const api = {} as AnthropicApi;
	const system = createNodeSystem({ api });
	expect(system).toMatchObject({
		platform: process.platform,
		homeDir: os.homedir(),
		cwd: process.cwd(),
		api,
		fs,
		run: runCommand,
	});
	expect(system.env).toBe(process.env);
	expect(Math.abs(system.now() - Date.now())).toBeLessThan(1000);
});
