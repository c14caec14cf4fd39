// applyPlan when something goes wrong: a write fails halfway (everything already written
// is put back), or a file changed after the preview (nothing is written at all).
import { mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../../source/core/apply/apply.js";
import { git } from "../../helpers/sandbox.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { planFor } from "../plan/plan-fixtures.js";

const SECRET = "FailureSecretNeverShown";
const KEY = testKey(SECRET);
const FISH = ".config/fish/conf.d/claude-setup.fish";
// Bytes a sloppy rewrite would lose: BOM, CRLF, a lone 0xFF, no final newline.
const ZSHRC = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a=1\r\n#\xff", "latin1")]);

afterAll(removeTempSystems);

/** Every file under `dir` with its bytes, to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
	const result: Record<string, string> = {};
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		result[path.relative(dir, file)] = (await readFile(file)).toString("hex");
	}
	return result;
}

function expectPlainMessage(message: string) {
	expect(message).not.toMatch(/\n\s+at |Error:|node:internal/);
	expect(message).not.toContain(SECRET);
	expect(message).not.toContain("\n");
}

describe("a write that fails halfway", () => {
	it("puts back the files written before it and removes the ones it created", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), ZSHRC);
		// conf.d is a link to nowhere: nothing is there to read, and nothing can be written.
		await mkdir(path.join(home, ".config/fish"), { recursive: true });
		await symlink(path.join(home, "gone"), path.join(home, ".config/fish/conf.d"));
		const planned = await planFor(system, ["zsh", "bash", "fish"], KEY);
		expect(planned.changes.map((change) => change.action)).toEqual(["inserted", "create", "create"]);

		const result = await applyPlan(system, planned);
		expect(result).toMatchObject({ ok: false, path: path.join(home, FISH) });
		if (result.ok) return;
		expect(result.message).toBe(
			`Could not write ~/${FISH} (ENOENT). A folder on the path does not exist and could not be created. Nothing was changed.`,
		);
		expectPlainMessage(result.message);
		expect(await readFile(path.join(home, ".zshrc"))).toEqual(ZSHRC);
		const left = Object.keys(await snapshot(home));
		expect(left.filter((name) => !name.startsWith(".local/"))).toEqual([".zshrc"]);
	});

	it("a backup that cannot be written is named, and the files written before it are put back", async () => {
		const sandbox = await makeTempSystem();
		const { home } = sandbox;
		await writeFile(path.join(home, ".zshrc"), ZSHRC);
		// The lock is taken in state/claude-setup; only the backups folder is a file.
		await mkdir(path.join(home, "state/claude-setup"), { recursive: true });
		await writeFile(path.join(home, "state/claude-setup/backups"), "a file, not a folder\n");
		const system = {
			...sandbox.system,
			env: { ...sandbox.system.env, XDG_STATE_HOME: path.join(home, "state") },
		};
		const planned = await planFor(system, ["bash", "zsh"], KEY);
		const backup = planned.changes[1]?.backupPath ?? "";
		const result = await applyPlan(system, planned);
		expect(result).toMatchObject({ ok: false, path: backup });
		if (result.ok) return;
		expect(result.message).toMatch(
			/^Could not write ~\/state\/claude-setup\/backups\/\.zshrc\.[^ ]+\.bak \(EEXIST\)\. A file is in the way where a folder should be/,
		);
		expect(await readFile(path.join(home, ".zshrc"))).toEqual(ZSHRC);
		expect((await readdir(home)).sort()).toEqual([".zshrc", "state"]);
		expect(await readdir(path.join(home, "state/claude-setup"))).toEqual(["backups"]);
	});

	it("removes a .gitignore it created when a later file fails", async () => {
		const { system, home, project } = await makeTempSystem();
		git(project, process.env, "init", "-q");
		await mkdir(path.join(home, ".config/fish"), { recursive: true });
		await symlink(path.join(home, "gone"), path.join(home, ".config/fish/conf.d"));
		const planned = await planFor(system, ["dotenv", "fish"], KEY);
		expect(planned.gitignore?.before).toBeUndefined();
		const result = await applyPlan(system, planned);
		expect(result.ok).toBe(false);
		expect((await readdir(project)).sort()).toEqual([".git"]);
	});

	it("a file where a folder should be (made after the preview) → refused, nothing written", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), ZSHRC);
		const planned = await planFor(system, ["zsh", "fish"], KEY);
		await writeFile(path.join(home, ".config"), "a file now\n");
		const before = await snapshot(home);
		const result = await applyPlan(system, planned);
		expect(result).toMatchObject({ ok: false, path: path.join(home, FISH) });
		if (result.ok) return;
		expect(result.message).toMatch(
			/^Could not write ~\/\.config\/fish\/conf\.d\/claude-setup\.fish \(ENOTDIR\)/,
		);
		expectPlainMessage(result.message);
		expect(await snapshot(home)).toEqual(before);
	});
});

describe("a file that changed after the preview", () => {
	it.each([
		["edited", async (file: string) => writeFile(file, "# edited meanwhile\n")],
		["deleted", async (file: string) => rm(file)],
	])("%s → refused, and no file (nor backup) is written", async (_, change) => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), ZSHRC);
		await writeFile(path.join(home, ".bashrc"), "# bash\n");
		const planned = await planFor(system, ["zsh", "bash"], KEY);
		await change(path.join(home, ".bashrc"));
		const before = await snapshot(home);
		const result = await applyPlan(system, planned);
		expect(result).toEqual({
			ok: false,
			path: path.join(home, ".bashrc"),
			message:
				"~/.bashrc changed while claude-setup was running (another program or a second run?). Nothing was written; run `claude-setup` again.",
		});
		expect(await snapshot(home)).toEqual(before);
		// Only claude-setup's own state folder may appear (it holds the write lock): empty now.
		expect(await readdir(path.join(home, ".local/state/claude-setup"))).toEqual([]);
	});

	it("a file that appeared after a preview that planned to create it → refused", async () => {
		const { system, home } = await makeTempSystem();
		const planned = await planFor(system, ["fish"], KEY);
		await mkdir(path.join(home, ".config/fish/conf.d"), { recursive: true });
		await writeFile(path.join(home, FISH), "set -gx A 1\n");
		const result = await applyPlan(system, planned);
		expect(result.ok).toBe(false);
		expect(await readFile(path.join(home, FISH), "utf8")).toBe("set -gx A 1\n");
	});
});
