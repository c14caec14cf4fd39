// Two claude-setup runs writing the same real file at once: the write lock lets one through,
// the other finds the file changed (or the lock held) and writes nothing. Never two blocks,
// never a torn file, never a temp file or lock left behind.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../../source/core/apply/apply.js";
import { lockFile } from "../../../source/core/apply/write-lock.js";
import { BLOCK_END, BLOCK_START } from "../../../source/core/edit/block-markers.js";
import type { System } from "../../../source/core/system.js";
import { createWriteLock } from "../../../source/system/write-lock.js";
import { holdLock, killHolders } from "../../helpers/lock-holder.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { runIn, SECRET } from "../flow/headless-harness.js";
import { planFor } from "../plan/plan-fixtures.js";

afterAll(async () => {
	killHolders();
	await removeTempSystems();
});

const ZSHRC = "# mine\nalias ll='ls -l'\n";

const count = (text: string, line: string) => text.split("\n").filter((each) => each === line).length;

async function leftovers(system: System): Promise<string[]> {
	const names = [
		...(await readdir(system.homeDir, { recursive: true })),
		...(await readdir(path.dirname(lockFile(system)))),
	];
	return names.filter((name) => /\.tmp$|write\.lock$/.test(name));
}

describe("concurrent applyPlan calls on one real file", () => {
	it.each([
		[2, 15],
		[5, 6],
	])(
		"%i runs planned from the same content: exactly one writes, the file holds one whole block (%i rounds)",
		async (runs, rounds) => {
			for (let round = 0; round < rounds; round++) {
				const { system, home } = await makeTempSystem();
				const file = path.join(home, ".zshrc");
				await writeFile(file, ZSHRC);
				const keys = Array.from({ length: runs }, (_, index) => testKey(`Race${round}Run${index}`));
				const plans = await Promise.all(keys.map((key) => planFor(system, ["zsh"], key)));
				const results = await Promise.all(plans.map((planned) => applyPlan(system, planned)));

				const winners = results.flatMap((result, index) => (result.ok ? [index] : []));
				expect(winners).toHaveLength(1);
				const winner = winners[0] ?? -1;
				const text = await readFile(file, "utf8");
				expect(text).toBe(plans[winner]?.changes[0]?.after);
				expect(count(text, BLOCK_START)).toBe(1);
				expect(count(text, BLOCK_END)).toBe(1);
				expect(text.startsWith(ZSHRC)).toBe(true);
				for (const result of results) {
					if (result.ok) continue;
					expect(result.message).toMatch(/changed while claude-setup was running|Another claude-setup/);
				}
				expect(await leftovers(system)).toEqual([]);
				// One backup, from the one run that wrote.
				const backups = await readdir(plans[0]?.backupDir ?? "");
				expect(backups).toHaveLength(1);
			}
		},
	);

	it("a run planned after another wrote builds on it: still one block, with the later key", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".zshrc");
		await writeFile(file, ZSHRC);
		const first = applyPlan(system, await planFor(system, ["zsh"], testKey("FirstRun")));
		expect((await first).ok).toBe(true);
		const second = await applyPlan(system, await planFor(system, ["zsh"], testKey("SecondRun")));
		expect(second.ok).toBe(true);
		const text = await readFile(file, "utf8");
		expect(count(text, BLOCK_START)).toBe(1);
		expect(text).toContain("SecondRun");
		expect(text).not.toContain("FirstRun");
	});
});

describe("another process holds the lock", () => {
	it("applyPlan waits, then says another claude-setup is writing; nothing is written", async () => {
		const { system, home } = await makeTempSystem();
		const locked: System = { ...system, lock: createWriteLock({ waitMs: 150, pollMs: 10 }) };
		const file = path.join(home, ".zshrc");
		await writeFile(file, ZSHRC);
		const planned = await planFor(locked, ["zsh"], testKey(SECRET));
		await mkdir(path.dirname(lockFile(system)), { recursive: true });
		const holder = await holdLock(lockFile(system));

		const result = await applyPlan(locked, planned);
		expect(result).toEqual({
			ok: false,
			path: lockFile(system),
			message: `Another claude-setup is writing your files right now (process ${holder.pid}). Nothing was written. Wait for it to finish and run \`claude-setup\` again (if none is running, delete ~/.local/state/claude-setup/write.lock).`,
		});
		expect(await readFile(file, "utf8")).toBe(ZSHRC);
		expect(await readdir(path.dirname(lockFile(system)))).toEqual(["write.lock"]);

		// The holder dies without cleaning up: the next run takes the lock over and writes.
		await holder.kill();
		expect((await applyPlan(locked, planned)).ok).toBe(true);
		expect(count(await readFile(file, "utf8"), BLOCK_START)).toBe(1);
		expect(await leftovers(system)).toEqual([]);
	});

	it("--key-stdin: exit 6 with that message, nothing written, the key not printed", async () => {
		const sandbox = await makeTempSystem();
		const { system, home } = sandbox;
		await writeFile(path.join(home, ".zshrc"), ZSHRC);
		await mkdir(path.dirname(lockFile(system)), { recursive: true });
		const holder = await holdLock(lockFile(system));
		const locked = { ...sandbox, system: { ...system, lock: createWriteLock({ waitMs: 100, pollMs: 10 }) } };
		const { report, text } = await runIn(locked, testKey(SECRET), { verify: false, targets: ["zsh"] });
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
		expect(text).toMatch(/^✗ Another claude-setup is writing your files right now/m);
		expect(await readFile(path.join(home, ".zshrc"), "utf8")).toBe(ZSHRC);
		await holder.kill();
	});
});
