// Backups hold old keys: at most five per file name, in a 0700 folder, each 0600, the oldest
// deleted after a new one is written; a run that fails leaves no backup of its own behind.
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../../source/core/apply/apply.js";
import { BACKUPS_KEPT, backupOwner, backupsToDelete } from "../../../source/core/plan/backups.js";
import { backupDirectory } from "../../../source/core/plan/plan.js";
import type { System } from "../../../source/core/system.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { planFor } from "./plan-fixtures.js";

afterAll(removeTempSystems);

const stampAt = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, "-");
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0, 0);
const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe("backupOwner and backupsToDelete", () => {
	it.each([
		[".zshrc.2026-11-05T09-30-00-123Z.bak", ".zshrc"],
		[".zshrc.local.2026-11-05T09-30-00-123Z.bak", ".zshrc.local"],
		["user-variable.ANTHROPIC_API_KEY.2026-11-05T09-30-00-123Z.bak", "user-variable.ANTHROPIC_API_KEY"],
		["Microsoft.PowerShell_profile.ps1.2026-11-05T09-30-00-123Z.bak", "Microsoft.PowerShell_profile.ps1"],
		[".zshrc.bak", undefined],
		[".zshrc.2026-11-05.bak", undefined],
		["notes.txt", undefined],
	])("%s belongs to %s", (name, owner) => {
		expect(backupOwner(name)).toBe(owner);
	});

	const zsh = (minute: number) => `.zshrc.${stampAt(T0 + minute * 60_000)}.bak`;
	it.each([
		["fewer than five", [zsh(1), zsh(2)], []],
		["exactly five", [1, 2, 3, 4, 5].map(zsh), []],
		["seven, listed out of order", [7, 1, 5, 2, 6, 3, 4].map(zsh), [zsh(1), zsh(2)]],
		[
			"other files' backups and strangers are never counted",
			[...[1, 2, 3, 4, 5, 6].map(zsh), `.bashrc.${stampAt(T0)}.bak`, `.zshrc.local.${stampAt(T0)}.bak`, "x"],
			[zsh(1)],
		],
	])("%s", (_, names, doomed) => {
		expect(backupsToDelete(names, zsh(9))).toEqual(doomed);
	});
});

async function applyAt(system: System, ms: number, key: string) {
	const timed: System = { ...system, now: () => ms };
	return applyPlan(timed, await planFor(timed, ["zsh"], key));
}

describe("real runs with a fixed clock", () => {
	it("eight rotations keep the five newest .zshrc backups and leave other backups alone", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), "# mine\n");
		const folder = backupDirectory(system);
		await mkdir(folder, { recursive: true, mode: 0o700 });
		const others = [
			...[1, 2, 3, 4, 5, 6, 7].map((n) => `.bashrc.${stampAt(T0 - n * 1000)}.bak`),
			`.zshrc.local.${stampAt(T0 - 1)}.bak`,
			"README.txt",
		];
		for (const name of others) await writeFile(path.join(folder, name), "x", { mode: 0o600 });

		const times = Array.from({ length: 8 }, (_, run) => T0 + run * 60_000);
		for (const [run, time] of times.entries()) {
			const result = await applyAt(system, time, testKey(`Rotation${run}`));
			expect(result.ok).toBe(true);
		}
		// The first run inserts into a file with no block yet: it is backed up too.
		const kept = times.slice(-BACKUPS_KEPT).map((time) => `.zshrc.${stampAt(time)}.bak`);
		expect((await readdir(folder)).sort()).toEqual([...others, ...kept].sort());
		expect(await modeOf(folder)).toBe(0o700);
		for (const name of kept) expect(await modeOf(path.join(folder, name))).toBe(0o600);
	});

	it("a new backups folder is made 0700 (and claude-setup's state folder too)", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), "# mine\n");
		expect((await applyAt(system, T0, testKey("FolderMode"))).ok).toBe(true);
		expect(await modeOf(backupDirectory(system))).toBe(0o700);
		expect(await modeOf(path.dirname(backupDirectory(system)))).toBe(0o700);
	});

	it("a run that fails after its backup keeps it (the one copy if putting back failed) and prunes nothing", async () => {
		const sandbox = await makeTempSystem();
		const { home } = sandbox;
		await writeFile(path.join(home, ".zshrc"), "# mine\n");
		const folder = backupDirectory(sandbox.system);
		await mkdir(folder, { recursive: true });
		const old = [1, 2, 3, 4, 5, 6].map((n) => `.zshrc.${stampAt(T0 - n * 1000)}.bak`);
		for (const name of old) await writeFile(path.join(folder, name), "x");
		const diskFull: System = {
			...sandbox.system,
			fs: {
				...sandbox.system.fs,
				writeAtomic: (file, data, mode) =>
					file.endsWith(".zshrc")
						? Promise.reject(Object.assign(new Error("ENOSPC: injected"), { code: "ENOSPC" }))
						: sandbox.system.fs.writeAtomic(file, data, mode),
			},
		};
		const result = await applyAt(diskFull, T0, testKey("DiskFull"));
		expect(result).toMatchObject({ ok: false, path: path.join(home, ".zshrc") });
		expect((await readdir(folder)).sort()).toEqual([...old, `.zshrc.${stampAt(T0)}.bak`].sort());
	});
});
