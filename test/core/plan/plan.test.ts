// planChanges against real files in a temp HOME, with the real node System.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maskKey } from "../../../source/core/key/key.js";
import { backupDirectory, type Plan } from "../../../source/core/plan/plan.js";
import type { FileTargetName } from "../../../source/core/plan/targets.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { planAndApply, planFor } from "./plan-fixtures.js";

const SECRET = "PlanSecretPartNeverShown";
const KEY = testKey(SECRET, "AbCd");
const OTHER_KEY = testKey("OtherSecretPartHidden", "WxYz");
const MASKED = "sk-ant-api03-…AbCd";

afterAll(removeTempSystems);

const FILES: Record<FileTargetName, (home: string, project: string) => string> = {
	zsh: (home) => path.join(home, ".zshrc"),
	bash: (home) => path.join(home, ".bashrc"),
	fish: (home) => path.join(home, ".config/fish/conf.d/claude-setup.fish"),
	dotenv: (_, project) => path.join(project, ".env"),
};
const TARGETS = Object.keys(FILES) as FileTargetName[];

function expectMaskedPreview(planned: Plan) {
	const preview = planned.changes.flatMap((change) => change.previewLines).join("\n");
	expect(preview).toContain(MASKED);
	expect(preview).not.toContain(SECRET);
	expect(JSON.stringify({ ...planned, changes: planned.changes.map((c) => c.previewLines) })).not.toContain(
		SECRET,
	);
}

describe.each(TARGETS)("planChanges for %s", (target) => {
	it("creates a missing file, with the key masked in the preview", async () => {
		const { system, home, project } = await makeTempSystem();
		const planned = await planFor(system, [target], KEY);
		const [change] = planned.changes;
		expect(change?.file.path).toBe(FILES[target](home, project));
		expect(change).toMatchObject({ action: "create", before: undefined, backupPath: undefined });
		expect(change?.after).toContain(KEY);
		expect(planned.masked).toBe(MASKED);
		expectMaskedPreview(planned);
	});

	it("adds to a file with the user's content, then keeps or replaces on later runs", async () => {
		const { system, home, project } = await makeTempSystem();
		const file = FILES[target](home, project);
		await mkdir(path.dirname(file), { recursive: true });
		const user =
			target === "dotenv" ? "DEBUG=1\n" : target === "fish" ? "set -gx EDITOR vim\n" : "alias ll='ls -l'\n";
		await writeFile(file, user);
		const first = await planAndApply(system, [target], KEY);
		expect(first.changes[0]?.action).toBe("inserted");
		expectMaskedPreview(first);
		expect((await readFile(file, "latin1")).startsWith(user)).toBe(true);

		const again = await planFor(system, [target], KEY);
		expect(again.changes[0]).toMatchObject({ action: "unchanged", backupPath: undefined });
		const other = await planFor(system, [target], OTHER_KEY);
		expect(other.changes[0]?.action).toBe("replaced");
		expect(other.changes[0]?.backupPath).toMatch(/\/claude-setup\/backups\/[^/]+\.bak$/);
		expect(other.changes[0]?.previewLines.join("\n")).toContain("sk-ant-api03-…WxYz");
	});
});

describe("definitions that compete with ours", () => {
	const OLD = testKey("OldSecretShouldStayHidden", "OlDd");

	it("moves the block below a stale definition that comes after it", async () => {
		const { system, home } = await makeTempSystem();
		await planAndApply(system, ["zsh"], KEY);
		const file = path.join(home, ".zshrc");
		const withBlock = await readFile(file, "latin1");
		await writeFile(file, `${withBlock}export ANTHROPIC_API_KEY='${OLD}'\n`);
		const planned = await planFor(system, ["zsh"], KEY);
		const [change] = planned.changes;
		expect(change?.action).toBe("moved");
		const line = withBlock.split("\n").length;
		expect(change?.otherDefinitions).toEqual([{ line, masked: maskKey(OLD) }]);
		expect(change?.after?.endsWith(`# <<< claude-setup <<<\n`)).toBe(true);
		expect(JSON.stringify(change?.otherDefinitions)).not.toContain("OldSecret");
	});

	it.each([
		[
			"posix",
			"zsh",
			`# mine\nexport ANTHROPIC_API_KEY="${OLD}"\nANTHROPIC_API_KEY=${OLD}; echo hi\n`,
			[2, 3],
		],
		["fish", "fish", `# mine\n\nset -gx ANTHROPIC_API_KEY ${OLD}\n`, [3]],
	] as const)("lists the other %s definitions with their line numbers", async (_, target, text, lines) => {
		const { system, home, project } = await makeTempSystem();
		const file = FILES[target](home, project);
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, text);
		const [change] = (await planFor(system, [target], KEY)).changes;
		expect(change?.action).toBe("inserted");
		expect(change?.otherDefinitions).toEqual(lines.map((line) => ({ line, masked: maskKey(OLD) })));
	});

	it("a .env line is replaced in place, so it is not reported as another definition", async () => {
		const { system, project } = await makeTempSystem();
		await writeFile(path.join(project, ".env"), `A=1\nANTHROPIC_API_KEY=${OLD}\nANTHROPIC_API_KEY=${OLD}\n`);
		const [change] = (await planFor(system, ["dotenv"], KEY)).changes;
		expect(change).toMatchObject({ action: "replaced", otherDefinitions: [] });
		expect(change?.after).toBe(`A=1\nANTHROPIC_API_KEY=${KEY}\n`);
	});
});

describe("backups and file choice", () => {
	it.each([
		["$XDG_STATE_HOME", { XDG_STATE_HOME: "/state/here" }, "/state/here/claude-setup/backups"],
		["~/.local/state by default", {}, "HOME/.local/state/claude-setup/backups"],
		[
			"~/.local/state when XDG_STATE_HOME is empty",
			{ XDG_STATE_HOME: "" },
			"HOME/.local/state/claude-setup/backups",
		],
	])("puts backups under %s", async (_, env, expected) => {
		const { system, home } = await makeTempSystem({ env });
		const dir = expected.replace("HOME", home);
		expect(backupDirectory(system)).toBe(dir);
		await writeFile(path.join(home, ".zshrc"), "# mine\n");
		const planned = await planFor(system, ["zsh"], KEY);
		expect(planned.backupDir).toBe(dir);
		expect(planned.changes[0]?.backupPath).toBe(`${dir}/.zshrc.2026-11-05T09-30-00-123Z.bak`);
	});

	it("macOS bash uses the login file that exists instead of creating ~/.bash_profile", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".profile"), "# profile\n");
		const [change] = (await planFor(system, ["bash"], KEY, "macos")).changes;
		expect(change?.file.path).toBe(path.join(home, ".profile"));
		expect(change?.display).toBe("~/.profile");
	});
});
