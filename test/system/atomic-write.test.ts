// writeAtomic when the rename fails: on Windows (platform and rename injected) it retries
// with growing waits, then rewrites the file in place; elsewhere it fails at once. In every
// case the temp file is gone afterwards and the file holds either the old or the new bytes.
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAtomicWrite, RENAME_BACKOFF_MS } from "../../source/system/atomic-write.js";

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-atomic-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);
const temps = async (folder: string) => (await readdir(folder)).filter((name) => name.endsWith(".tmp"));
const codeError = (code: string) => Object.assign(new Error(`${code}: injected, rename`), { code });

let count = 0;
async function folderWith(content: string | undefined, mode = 0o640) {
	const folder = path.join(dir, `case-${count++}`);
	await mkdir(folder);
	const file = path.join(folder, ".bashrc");
	if (content !== undefined) {
		await writeFile(file, content);
		await chmod(file, mode);
	}
	return { folder, file };
}

/** A rename that fails with the given codes in turn, then really renames. */
function flakyRename(failures: readonly string[]) {
	const attempts: string[] = [];
	const waits: number[] = [];
	let index = 0;
	return {
		attempts,
		waits,
		rename: async (from: string, to: string) => {
			attempts.push(path.basename(from));
			const code = failures[index++];
			if (code) throw codeError(code);
			await rename(from, to);
		},
		wait: async (ms: number) => {
			waits.push(ms);
		},
	};
}

describe("a rename Windows refuses for a moment", () => {
	it.each(["EPERM", "EBUSY", "EACCES"])(
		"%s twice, then it works: retried with growing waits",
		async (code) => {
			const { folder, file } = await folderWith("old\n");
			const flaky = flakyRename([code, code]);
			await createAtomicWrite({ platform: "win32", ...flaky })(file, bytes("new\n"), 0o600);
			expect(await readFile(file, "utf8")).toBe("new\n");
			expect(flaky.attempts).toHaveLength(3);
			expect(new Set(flaky.attempts).size).toBe(1); // the same temp file each time
			expect(flaky.waits).toEqual(RENAME_BACKOFF_MS.slice(0, 2));
			expect(await temps(folder)).toEqual([]);
		},
	);

	it("refused every time: the file is rewritten in place, mode kept, temp removed", async () => {
		const { folder, file } = await folderWith("old content that is longer than the new\n", 0o640);
		const flaky = flakyRename(Array(20).fill("EPERM"));
		await createAtomicWrite({ platform: "win32", ...flaky })(file, bytes("new\n"), 0o600);
		expect(await readFile(file, "utf8")).toBe("new\n");
		expect((await stat(file)).mode & 0o777).toBe(0o640);
		expect(flaky.attempts).toHaveLength(RENAME_BACKOFF_MS.length + 1);
		expect(flaky.waits).toEqual([...RENAME_BACKOFF_MS]);
		expect(await temps(folder)).toEqual([]);
	});

	it("a new file refused every time is created in place with modeIfNew", async () => {
		const { folder, file } = await folderWith(undefined);
		const flaky = flakyRename(Array(20).fill("EBUSY"));
		await createAtomicWrite({ platform: "win32", ...flaky })(file, bytes("A=1\n"), 0o600);
		expect(await readFile(file, "utf8")).toBe("A=1\n");
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		expect(await readdir(folder)).toEqual([".bashrc"]);
	});

	it.each([
		["Windows, a code that is not a lock (EXDEV)", "win32", "EXDEV"],
		["Linux, EPERM (no retry: nobody holds files there)", "linux", "EPERM"],
		["macOS, EBUSY", "darwin", "EBUSY"],
	] as const)("%s: fails at once, old file intact, temp removed", async (_, platform, code) => {
		const { folder, file } = await folderWith("old\n");
		const flaky = flakyRename(Array(20).fill(code));
		const write = createAtomicWrite({ platform, ...flaky });
		await expect(write(file, bytes("new\n"), 0o600)).rejects.toMatchObject({ code });
		expect(flaky.attempts).toHaveLength(1);
		expect(flaky.waits).toEqual([]);
		expect(await readFile(file, "utf8")).toBe("old\n");
		expect(await temps(folder)).toEqual([]);
	});

	it("property: any run of refusals ends with exactly the new bytes and no temp file", async () => {
		const refusal = fc.constantFrom("EPERM", "EBUSY", "EACCES");
		await fc.assert(
			fc.asyncProperty(
				fc.array(refusal, { maxLength: 9 }),
				fc.uint8Array({ maxLength: 300 }),
				fc.uint8Array({ maxLength: 300 }),
				async (failures, before, after) => {
					const { folder, file } = await folderWith(undefined);
					await writeFile(file, before);
					const flaky = flakyRename(failures);
					await createAtomicWrite({ platform: "win32", ...flaky })(file, after, 0o600);
					expect(new Uint8Array(await readFile(file))).toEqual(after);
					expect(flaky.waits.length).toBe(Math.min(failures.length, RENAME_BACKOFF_MS.length));
					expect(await readdir(folder)).toEqual([".bashrc"]);
				},
			),
			{ numRuns: 60 },
		);
	});
});
