// planChanges when a file cannot be planned (bad markers, a folder in the way) and the
// .env's git facts (.gitignore to add, already tracked), with real git in temp folders.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../../source/core/apply/apply.js";
import { planChanges } from "../../../source/core/plan/plan.js";
import type { TargetName } from "../../../source/core/plan/targets.js";
import type { System } from "../../../source/core/system.js";
import { git } from "../../helpers/sandbox.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";

const SECRET = "ProblemSecretNeverShown";
const KEY = testKey(SECRET);

afterAll(removeTempSystems);

function plan(system: System, targets: TargetName[], envFile?: string) {
	return planChanges(system, {
		targets,
		variable: "ANTHROPIC_API_KEY",
		key: KEY,
		envFile,
		detected: { os: "linux", shell: "zsh", shellSource: "SHELL", home: system.homeDir },
	});
}

describe("files that cannot be planned", () => {
	it.each([
		[
			"a start marker without an end",
			"# mine\n# >>> claude-setup >>>\nexport X=1\n",
			/Line 2 starts a claude-setup block/,
		],
		["an end marker without a start", "# <<< claude-setup <<<\n", /Line 1 ends a claude-setup block/],
		[
			"two blocks",
			"# >>> claude-setup >>>\n# <<< claude-setup <<<\n# >>> claude-setup >>>\n# <<< claude-setup <<<\n",
			/Line 3 starts a second claude-setup block/,
		],
	])("%s → ok:false, naming the file", async (_, text, pattern) => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), text);
		const result = await plan(system, ["zsh"]);
		expect(result).toMatchObject({ ok: false, path: path.join(home, ".zshrc") });
		if (result.ok) return;
		expect(result.message).toMatch(/^~\/\.zshrc: /);
		expect(result.message).toMatch(pattern);
		expect(result.message).toContain("Nothing was changed");
	});

	it("a folder where the file should be → ok:false", async () => {
		const { system, home } = await makeTempSystem();
		await mkdir(path.join(home, ".zshrc"));
		const result = await plan(system, ["zsh"]);
		expect(result).toEqual({
			ok: false,
			path: path.join(home, ".zshrc"),
			message: "~/.zshrc is a folder, not a file. Rename or remove it, or choose another target.",
		});
	});

	it("a link to a folder counts as a folder", async () => {
		const { system, home } = await makeTempSystem();
		await mkdir(path.join(home, "elsewhere"));
		await symlink(path.join(home, "elsewhere"), path.join(home, ".bashrc"));
		const result = await plan(system, ["bash"]);
		expect(result.ok).toBe(false);
	});

	it("a file where a folder on the path should be → ok:false with the reason, not a crash", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".config"), "not a folder\n");
		const result = await plan(system, ["fish"]);
		expect(result).toMatchObject({
			ok: false,
			path: path.join(home, ".config/fish/conf.d/claude-setup.fish"),
		});
		if (result.ok) return;
		expect(result.message).toBe(
			"Could not read ~/.config/fish/conf.d/claude-setup.fish (ENOTDIR). A part of the path is a file, not a folder. Check the path. Nothing was changed.",
		);
	});
});

async function gitRepo(dir: string, files: Record<string, string>, commit: string[] = []) {
	git(dir, process.env, "init", "-q");
	for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
	if (commit.length === 0) return;
	git(dir, process.env, "add", "-f", ...commit);
	git(dir, process.env, "commit", "-qm", "x");
}

describe("the .env and git", () => {
	it("plans a .gitignore entry in a repository and writes it first", async () => {
		const { system, project } = await makeTempSystem();
		await gitRepo(project, { ".gitignore": "node_modules\n" });
		const result = await plan(system, ["dotenv"]);
		if (!result.ok) throw new Error(result.message);
		const { plan: planned } = result;
		expect(planned.gitignore).toMatchObject({
			path: path.join(project, ".gitignore"),
			before: "node_modules\n",
			entry: "/.env",
		});
		expect(planned.gitignore?.after).toMatch(/^node_modules\n# Added by claude-setup.*\n\/\.env\n$/);
		expect(planned.trackedSecretFile).toBeUndefined();
		const applied = await applyPlan(system, planned);
		expect(applied.ok && applied.written.map((written) => written.action)).toEqual(["gitignore", "create"]);
		const stdout = git(project, process.env, "check-ignore", ".env");
		expect(stdout.trim()).toBe(".env");
	});

	it("plans no .gitignore when git already ignores the file", async () => {
		const { system, project } = await makeTempSystem();
		await gitRepo(project, { ".gitignore": ".env*\n" });
		const result = await plan(system, ["dotenv"]);
		expect(result.ok && result.plan.gitignore).toBeUndefined();
	});

	it("sets trackedSecretFile when git already tracks the .env", async () => {
		const { system, project } = await makeTempSystem();
		await gitRepo(project, { ".env": "A=1\n" }, [".env"]);
		const result = await plan(system, ["dotenv"]);
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.trackedSecretFile).toEqual({
			path: path.join(project, ".env"),
			display: "./.env",
			command: "git rm --cached -- .env",
			cwd: project,
		});
		expect(result.plan.gitignore?.entry).toBe("/.env");
	});

	it("uses --env-file relative to the project folder", async () => {
		const { system, project } = await makeTempSystem();
		await mkdir(path.join(project, "app"));
		const result = await plan(system, ["dotenv"], "app/.env.local");
		expect(result.ok && result.plan.changes[0]?.file.path).toBe(path.join(project, "app/.env.local"));
	});
});

describe("a target this system does not have", () => {
	it("the windows target on Linux says why and which targets there are", async () => {
		const { system } = await makeTempSystem();
		const result = await plan(system, ["windows"]);
		expect(result).toEqual({
			ok: false,
			path: "",
			message:
				"The windows target is not available on this system (it is the Windows user variable). Nothing was changed: choose one of zsh, bash, fish, dotenv, powershell, keychain with --target.",
		});
	});
});
