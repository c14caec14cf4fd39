// Old keys do not linger: after a proven rotation the commented-out line and the backup that
// still hold the old key are named, and with --purge-old deleted (other backups are kept).
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { KEY, runIn, SECRET, sandboxFor } from "./headless-harness.js";

afterAll(removeTempSystems);

const OLD_SECRET = "OldRotatedKeySecret";
const OLD = testKey(OLD_SECRET, "OlDk");
const UNRELATED = ".bashrc.2026-01-01T00-00-00-000Z.bak";
const ORIGINAL = `# mine\nexport ANTHROPIC_API_KEY=${OLD}\nalias ll='ls -l'\n`;

async function rotated(purgeOld: boolean) {
	const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
	const zshrc = path.join(sandbox.home, ".zshrc");
	await writeFile(zshrc, ORIGINAL);
	// An unrelated backup, without the old key: it must stay.
	const backups = path.join(sandbox.home, ".local/state/claude-setup/backups");
	await mkdir(backups, { recursive: true });
	await writeFile(path.join(backups, UNRELATED), "# an older .bashrc, no key in it\n");
	const run = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false, yes: true, purgeOld }, [
		SECRET,
		OLD_SECRET,
	]);
	return { ...run, zshrc, backups };
}

describe("after a proven rotation", { timeout: 60_000 }, () => {
	it("says where the old key still is, and deletes nothing unasked", async () => {
		const { report, text, zshrc, backups } = await rotated(false);
		expect(report).toMatchObject({ ok: true, exitCode: 0 });
		expect(text).toContain("! The old key is still in 1 commented-out line and 1 backup.");
		expect(text).toContain("→ Run again with --purge-old");
		expect(await readFile(zshrc, "utf8")).toContain(OLD);
		expect(await readdir(backups)).toHaveLength(2);
	});

	it("--purge-old: the commented-out line and the backup holding the old key are gone, the rest stays", async () => {
		const { report, text, zshrc, backups } = await rotated(true);
		expect(report).toMatchObject({ ok: true, exitCode: 0, purged: { lines: 1, backups: 1 } });
		expect(text).toContain("✓ Deleted the old key from 1 commented-out line and 1 backup");
		const after = await readFile(zshrc, "utf8");
		expect(after).not.toContain(OLD);
		expect(after.startsWith("# mine\nalias ll='ls -l'\n# >>> claude-setup >>>")).toBe(true);
		expect(after).toContain(KEY);
		expect(await readdir(backups)).toEqual([UNRELATED]);
	});
});
