// remove takes back exactly what claude-setup wrote: real files in a temp HOME, written by
// the real plan/apply, then removed and compared byte for byte with what was there before.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commentOutLines } from "../../../source/core/edit/comment-out.js";
import { readManifest } from "../../../source/core/plan/manifest.js";
import type { Plan } from "../../../source/core/plan/plan.js";
import { planRemoval } from "../../../source/core/plan/remove.js";
import type { TargetName } from "../../../source/core/plan/targets.js";
import type { System } from "../../../source/core/system.js";
import { exists, makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { applyOrThrow, planAndApply } from "./plan-fixtures.js";

const KEY = testKey("RemoveSecretNeverShown");
afterAll(removeTempSystems);

async function remove(system: System, files: string[], targets: TargetName[] = []): Promise<Plan> {
	const planned = await planRemoval(system, { files, targets });
	if (!planned.ok) throw new Error(planned.message);
	await applyOrThrow(system, planned.plan);
	return planned.plan;
}

describe("planRemoval + applyPlan", () => {
	it("deletes the files claude-setup created and forgets them", async () => {
		const { system, home, project } = await makeTempSystem();
		await planAndApply(system, ["zsh", "fish", "dotenv"], KEY);
		const files = [
			path.join(home, ".zshrc"),
			path.join(home, ".config/fish/conf.d/claude-setup.fish"),
			path.join(project, ".env"),
		];
		const plan = await remove(system, files);
		expect(plan.changes.map((change) => change.action)).toEqual(["deleted", "deleted", "deleted"]);
		for (const file of files) expect(await exists(file)).toBe(false);
		expect(await readManifest(system)).toEqual([]);
		// The .gitignore entry stays: ignoring a file that is gone is harmless, and it was shown.
		expect(await exists(path.join(project, ".gitignore"))).toBe(true);
	});

	it.each([
		["LF with a final newline", "# mine\nalias ll='ls -l'\n"],
		["no final newline", "# mine\nalias ll='ls -l'"],
		["CRLF", "# mine\r\nalias ll='ls -l'\r\n"],
		["BOM", "\uFEFF# mine\n"],
	])("restores a file that existed (%s) byte for byte", async (_name, original) => {
		const { system, home } = await makeTempSystem();
		const zshrc = path.join(home, ".zshrc");
		await writeFile(zshrc, original);
		await planAndApply(system, ["zsh"], KEY);
		expect(await readFile(zshrc, "utf8")).toContain(KEY);
		const plan = await remove(system, [zshrc]);
		expect(plan.changes[0]?.action).toBe("removed");
		expect(await readFile(zshrc, "utf8")).toBe(original);
		// A backup of what it removed, as for every change.
		expect(plan.changes[0]?.backupPath).toMatch(/claude-setup\/backups\/\.zshrc\..*\.bak$/);
	});

	it("puts back the definitions it commented out, and removes only the chosen target", async () => {
		const { system, home, project } = await makeTempSystem();
		const profile = path.join(home, ".bash_profile");
		const original = `export PATH=$PATH:~/bin\nexport ANTHROPIC_API_KEY=${testKey("OldOne")}\n`;
		await writeFile(profile, commentOutLines(original, [2]).text);
		await planAndApply(system, ["zsh", "dotenv"], KEY);
		await remove(system, [profile, path.join(home, ".zshrc")], ["bash"]);
		expect(await readFile(profile, "utf8")).toBe(original);
		// zsh and the .env were not chosen: still there, still recorded.
		expect(await readFile(path.join(home, ".zshrc"), "utf8")).toContain(KEY);
		expect(await exists(path.join(project, ".env"))).toBe(true);
		expect((await readManifest(system)).map((entry) => entry.target).sort()).toEqual(["dotenv", "zsh"]);
	});

	it("takes the recorded line out of a .env that holds other settings", async () => {
		const { system, project } = await makeTempSystem();
		const env = path.join(project, ".env");
		await writeFile(env, "PORT=3000\n");
		await planAndApply(system, ["dotenv"], KEY);
		await remove(system, [env]);
		expect(await readFile(env, "utf8")).toBe("PORT=3000\n");
	});

	it("refuses a file whose markers are broken, and names it", async () => {
		const { system, home } = await makeTempSystem();
		const zshrc = path.join(home, ".zshrc");
		await writeFile(zshrc, "# >>> claude-setup >>>\nexport X=1\n");
		const planned = await planRemoval(system, { files: [zshrc], targets: [] });
		expect(planned).toMatchObject({ ok: false, path: zshrc });
		expect(planned.ok ? "" : planned.message).toMatch(/^~\/\.zshrc: /);
	});

	it("has nothing to do where claude-setup wrote nothing", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), "export ANTHROPIC_API_KEY=theirs\n");
		const planned = await planRemoval(system, { files: [path.join(home, ".zshrc")], targets: [] });
		expect(planned.ok && planned.plan.changes).toEqual([]);
	});
});
