// Every way a write can fail, through `--key-stdin` on real files: the message names the file
// and the fix, nothing is changed, the exit code is 6, no stack trace, never the key.
// Failures root cannot meet for real (permissions, immutable files, a full disk) are injected.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FileSystem } from "../../../source/core/system.js";
import { makeTempSystem, removeTempSystems, type TempSystem } from "../../helpers/temp-system.js";
import { KEY, runIn, SECRET } from "../flow/headless-harness.js";

afterAll(removeTempSystems);

const ZSHRC = "# mine\nexport PATH=$HOME/bin:$PATH\n";

/** Every user file (not claude-setup's own state folder) with its content. */
async function userFiles(sandbox: TempSystem): Promise<Record<string, string>> {
	const found: Record<string, string> = {};
	for (const dir of [sandbox.home, sandbox.project]) {
		for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
			const file = path.join(entry.parentPath, entry.name);
			const name = path.relative(sandbox.root, file);
			if (name === "home/.local" || name.startsWith("home/.local/state")) continue;
			found[name] = entry.isFile() ? await readFile(file, "hex") : "(folder)";
		}
	}
	return found;
}

async function stateFiles(sandbox: TempSystem): Promise<string[]> {
	const state = path.join(sandbox.home, ".local/state/claude-setup");
	const names = await readdir(state, { recursive: true }).catch(() => []);
	// Backups (private copies of the files as they were) may stay; no lock, no record of a write.
	return names.filter((name) => !name.startsWith("backups"));
}

function injected(code: string, syscall: string) {
	return (file: string) =>
		Object.assign(new Error(`${code}: injected, ${syscall} '${file}'`), { code, syscall, path: file });
}

/** The real file system, except that writing `matches` fails with `code`. */
function failing(fs: FileSystem, matches: (file: string) => boolean, code: string): FileSystem {
	const error = injected(code, "open");
	return {
		...fs,
		writeAtomic: (file, data, mode) =>
			matches(file) ? Promise.reject(error(file)) : fs.writeAtomic(file, data, mode),
		makeDirectory: (dir, mode) => (matches(dir) ? Promise.reject(error(dir)) : fs.makeDirectory(dir, mode)),
	};
}

async function expectFailedCleanly(
	sandbox: TempSystem,
	options: Parameters<typeof runIn>[2],
	expected: { file: string; fix: RegExp },
) {
	const before = await userFiles(sandbox);
	const { report, lines } = await runIn(sandbox, KEY, { verify: false, ...options });
	expect(report).toMatchObject({ ok: false, exitCode: 6 });
	const failure = lines.find((line) => line.startsWith("✗ ")) ?? "";
	expect(failure).toContain(expected.file);
	expect(failure).toMatch(expected.fix);
	expect(failure).toMatch(/Nothing was (changed|written)|choose another target/);
	expect(failure).not.toMatch(/\n|\bat .+:\d+:\d+|node:internal|Error:/);
	expect(JSON.stringify(report)).not.toContain(SECRET);
	expect(await userFiles(sandbox)).toEqual(before);
	expect(await stateFiles(sandbox)).toEqual([]);
}

describe("injected failures on real files", () => {
	it.each([
		["a read-only file system", "EROFS", /read-only file system/],
		["an immutable file (chattr +i)", "EPERM", /refused to let it be changed .*immutable flag.*lsattr/],
		["a file you may not write", "EACCES", /permission/],
		["a full disk", "ENOSPC", /disk is full/],
		["a used-up quota", "EDQUOT", /quota/],
		["a file another program holds", "EBUSY", /Another program is using it/],
	])("%s (%s) on ~/.zshrc", async (_, code, fix) => {
		const sandbox = await makeTempSystem();
		await writeFile(path.join(sandbox.home, ".zshrc"), ZSHRC);
		const fs = failing(sandbox.system.fs, (file) => file.endsWith(".zshrc"), code);
		const broken = { ...sandbox, system: { ...sandbox.system, fs } };
		await expectFailedCleanly(broken, { targets: ["zsh"] }, { file: `~/.zshrc (${code})`, fix });
	});

	it("an unwritable folder where a new file must go (fish's conf.d)", async () => {
		const sandbox = await makeTempSystem({ shell: "fish" });
		await mkdir(path.join(sandbox.home, ".config/fish"), { recursive: true });
		const fs = failing(sandbox.system.fs, (file) => file.includes("conf.d"), "EACCES");
		const broken = { ...sandbox, system: { ...sandbox.system, fs } };
		await expectFailedCleanly(
			broken,
			{ targets: ["fish"] },
			{ file: "~/.config/fish/conf.d", fix: /permission/ },
		);
	});

	it("the second of two files fails: the first is put back byte for byte", async () => {
		const sandbox = await makeTempSystem();
		await writeFile(path.join(sandbox.home, ".zshrc"), ZSHRC);
		await writeFile(path.join(sandbox.home, ".bashrc"), "# bash\r\n");
		const fs = failing(sandbox.system.fs, (file) => file.endsWith(".zshrc"), "ENOSPC");
		const broken = { ...sandbox, system: { ...sandbox.system, fs } };
		await expectFailedCleanly(
			broken,
			{ targets: ["bash", "zsh"] },
			{ file: "~/.zshrc", fix: /disk is full/ },
		);
	});
});

describe("real failures", () => {
	it("a folder where the file should be (~/.zshrc is a folder)", async () => {
		const sandbox = await makeTempSystem();
		await mkdir(path.join(sandbox.home, ".zshrc"));
		await expectFailedCleanly(
			sandbox,
			{ targets: ["zsh"] },
			{ file: "~/.zshrc is a folder", fix: /Rename or remove it/ },
		);
	});

	it("a path whose parent is a file (--env-file notes/.env, notes being a file)", async () => {
		const sandbox = await makeTempSystem();
		await writeFile(path.join(sandbox.project, "notes"), "not a folder\n");
		await expectFailedCleanly(
			sandbox,
			{ targets: ["dotenv"], envFile: "notes/.env" },
			{ file: "notes/.env (ENOTDIR)", fix: /A part of the path is a file, not a folder/ },
		);
	});

	it("a name too long for the file system (300 characters)", async () => {
		const sandbox = await makeTempSystem();
		const name = `${"n".repeat(296)}.env`;
		await expectFailedCleanly(
			sandbox,
			{ targets: ["dotenv"], envFile: name },
			{ file: "(ENAMETOOLONG)", fix: /The path is too long. Choose a shorter path/ },
		);
	});
});
