// The keychain loaded only on request (--no-shell, "Only when I ask"): the startup files where
// claude-setup wrote before lose its block — only its own marked lines, every other byte kept —
// with a backup, a preview line, no proof that a new shell has the key, and no record left.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderSourceBlock } from "../../../source/core/edit/block-edit.js";
import { commentOutLines } from "../../../source/core/edit/comment-out.js";
import { describeAction } from "../../../source/core/flow/describe.js";
import { KEYCHAIN_BLOCK_COMMENT, keychainShellLine } from "../../../source/core/keychain/consumers.js";
import { readManifest } from "../../../source/core/plan/manifest.js";
import { holdsKey, type Plan, planChanges } from "../../../source/core/plan/plan.js";
import { UNLOAD_PROFILE_UNKNOWN } from "../../../source/core/plan/target-files.js";
import type { TargetName } from "../../../source/core/plan/targets.js";
import type { System } from "../../../source/core/system.js";
import { withPwshOnPath } from "../../helpers/real-pwsh.js";
import { exists, makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { applyOrThrow, planFor } from "./plan-fixtures.js";

afterAll(removeTempSystems);

const OLD_SECRET = "UnloadOldSecret";
const OLD = testKey(OLD_SECRET, "UnLd");
const NEW = testKey("UnloadNewSecret", "NeWk");

/** Where each shell target's file is, relative to HOME, and a person's own text in it. */
const FILES: Record<"zsh" | "bash" | "fish" | "powershell", { file: string; mine: string }> = {
	zsh: { file: ".zshrc", mine: "# mine\nsetopt autocd\nalias ll='ls -l'" },
	bash: { file: ".bashrc", mine: '# ~/.bashrc\n[ -z "$PS1" ] && return\nexport EDITOR=vim\n' },
	fish: { file: ".config/fish/conf.d/claude-setup.fish", mine: "" },
	powershell: {
		file: ".config/powershell/profile.ps1",
		mine: "\uFEFF# my profile\r\nSet-Alias ll Get-ChildItem\r\n",
	},
};

const asBytes = (text: string) => Buffer.from(text).toString("latin1");

async function sandbox(): Promise<System> {
	const made = await makeTempSystem({ shell: "zsh" });
	// pwsh answers with its profile path: the real one, found on PATH.
	const { PATH } = withPwshOnPath({ PATH: made.system.env.PATH ?? "" });
	return { ...made.system, env: { ...made.system.env, PATH } };
}

function unloadPlan(system: System, unload: TargetName[]): Promise<Plan> {
	return planChanges(system, {
		targets: [],
		unload,
		variable: "ANTHROPIC_API_KEY",
		key: NEW,
		detected: { os: "linux", shell: "zsh", shellSource: "SHELL", home: system.homeDir },
	}).then((result) => {
		if (!result.ok) throw new Error(result.message);
		return result.plan;
	});
}

describe("the keychain loaded only on request: earlier blocks are taken out", { timeout: 60_000 }, () => {
	it.each(["zsh", "bash", "fish", "powershell"] as const)(
		"%s: an earlier clear-text block is removed, the person's bytes kept, the record dropped",
		async (shell) => {
			const system = await sandbox();
			const { file, mine } = FILES[shell];
			const target = path.join(system.homeDir, file);
			await mkdir(path.dirname(target), { recursive: true });
			if (mine !== "") await writeFile(target, mine);
			await applyOrThrow(system, await planFor(system, [shell], OLD));
			expect(await readFile(target, "utf8")).toContain(OLD);
			expect((await readManifest(system)).map((entry) => entry.path)).toContain(target);

			const plan = await unloadPlan(system, [shell]);
			expect(plan.changes).toHaveLength(1);
			const [change] = plan.changes;
			if (!change) throw new Error("no change");
			expect(change.file.path).toBe(target);
			expect(change.action).toBe(mine === "" ? "deleted" : "removed");
			// decodeText keeps UTF-8 as bytes (one character each): the BOM is three.
			expect(change.after).toBe(mine === "" ? undefined : asBytes(mine));
			expect(change.unloads).toBe(true);
			expect(holdsKey(change)).toBe(false);
			expect(change.previewLines).toEqual([]);
			// The preview shows the lines that go, the old key masked.
			expect(change.removedLines?.at(0)).toMatch(/^(# >>> claude-setup >>>|#region claude-setup)$/);
			expect(change.removedLines?.join("\n")).toContain("sk-ant-api03-…UnLd");
			expect(change.removedLines?.join("\n")).not.toContain(OLD_SECRET);
			expect(change.backupPath).toBeDefined();
			expect(describeAction(change)).toMatch(/: new terminals stop loading the key$/);
			if (mine !== "")
				expect(describeAction(change)).toBe(
					`remove the claude-setup block from ~/${file}: new terminals stop loading the key`,
				);

			await applyOrThrow(system, plan);
			if (mine === "") expect(await exists(target)).toBe(false);
			else expect(await readFile(target, "latin1")).toBe(asBytes(mine));
			expect((await readManifest(system)).map((entry) => entry.path)).not.toContain(target);
			// The backup holds what was there (the old key), readable only by its owner.
			expect(await readFile(change.backupPath ?? "", "utf8")).toContain(OLD);
		},
	);

	it.each(["zsh", "bash", "fish", "powershell"] as const)(
		"%s: no earlier block → no change (a missing file stays missing)",
		async (shell) => {
			const system = await sandbox();
			const { file, mine } = FILES[shell];
			const target = path.join(system.homeDir, file);
			if (mine !== "") {
				await mkdir(path.dirname(target), { recursive: true });
				await writeFile(target, mine);
			}
			expect((await unloadPlan(system, [shell])).changes).toEqual([]);
			expect(await exists(target)).toBe(mine !== "");
		},
	);

	it("powershell: PowerShell does not answer with its profile path → nothing changed, the next step said", async () => {
		const system = await sandbox();
		const { file, mine } = FILES.powershell;
		const target = path.join(system.homeDir, file);
		await mkdir(path.dirname(target), { recursive: true });
		await writeFile(target, mine);
		await applyOrThrow(system, await planFor(system, ["powershell"], OLD));
		const before = await readFile(target, "latin1");
		// pwsh gone since: no PowerShell on PATH.
		const without = { ...system, env: { ...system.env, PATH: "/nonexistent" } };
		const result = await planChanges(without, {
			targets: [],
			unload: ["powershell"],
			variable: "ANTHROPIC_API_KEY",
			key: NEW,
			detected: { os: "linux", shell: "zsh", shellSource: "SHELL", home: system.homeDir },
		});
		expect(result).toEqual({ ok: false, path: "", message: UNLOAD_PROFILE_UNKNOWN });
		expect(UNLOAD_PROFILE_UNKNOWN).toContain("Nothing was changed.");
		expect(UNLOAD_PROFILE_UNKNOWN).not.toMatch(/choose another target/i);
		expect(await readFile(target, "latin1")).toBe(before);
	});

	it.each(["posix", "fish"] as const)(
		"an earlier keychain lookup block (%s) is removed too; a line claude-setup commented out stays so",
		async (syntax) => {
			const system = await sandbox();
			const shell = syntax === "posix" ? "zsh" : "fish";
			const target = path.join(system.homeDir, FILES[shell].file);
			await mkdir(path.dirname(target), { recursive: true });
			const theirs =
				syntax === "posix" ? `export ANTHROPIC_API_KEY=${OLD}` : `set -gx ANTHROPIC_API_KEY ${OLD}`;
			const disabled = commentOutLines(`# mine\n${theirs}\n`, [2]).text;
			const lookup = renderSourceBlock(
				syntax,
				keychainShellLine("secret-service", syntax, "ANTHROPIC_API_KEY"),
				KEYCHAIN_BLOCK_COMMENT,
			);
			await writeFile(target, `${disabled}${lookup.join("\n")}\n`);
			const [change, ...rest] = (await unloadPlan(system, [shell])).changes;
			expect(rest).toEqual([]);
			expect(change?.action).toBe("removed");
			expect(change?.after).toBe(disabled);
			expect(change?.otherDefinitions).toEqual([]);
		},
	);

	it("lines the person added inside the block are kept where it was, and said so", async () => {
		const system = await sandbox();
		const target = path.join(system.homeDir, ".zshrc");
		await applyOrThrow(system, await planFor(system, ["zsh"], OLD));
		const text = await readFile(target, "utf8");
		await writeFile(
			target,
			`# top\n${text.replace("# <<< claude-setup <<<", "alias g=git\n# <<< claude-setup <<<")}`,
		);
		const [change] = (await unloadPlan(system, ["zsh"])).changes;
		expect(change?.after).toBe("# top\nalias g=git\n");
		expect(change?.previewLines).toEqual([
			"# kept 1 line you added inside the claude-setup block, where the block was",
		]);
		expect(change?.removedLines).not.toContain("alias g=git");
		expect(change?.removedLines).toHaveLength(4);
	});

	it("a stale definition of the person's in that file is commented out with the block taken out (--yes)", async () => {
		const system = await sandbox();
		const target = path.join(system.homeDir, ".bashrc");
		await writeFile(target, `export ANTHROPIC_API_KEY=${OLD}\n`);
		await applyOrThrow(system, await planFor(system, ["bash"], OLD));
		const result = await planChanges(system, {
			targets: [],
			unload: ["bash"],
			disable: [{ path: target, line: 1, masked: "sk-ant-api03-…UnLd" }],
			variable: "ANTHROPIC_API_KEY",
			key: NEW,
			detected: { os: "linux", shell: "bash", shellSource: "SHELL", home: system.homeDir },
		});
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.changes).toHaveLength(1);
		const [change] = result.plan.changes;
		expect(change?.action).toBe("removed");
		expect(change?.after).toMatch(/^# claude-setup disabled this line; .*export ANTHROPIC_API_KEY=/);
		expect(change?.after).not.toContain("# >>> claude-setup >>>");
	});
});
