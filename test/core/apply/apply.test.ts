// applyPlan writes what planChanges planned: byte-exact, with backups and the right modes,
// through symlinks, on real files in a temp HOME.

import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { git } from "../../helpers/sandbox.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { applyOrThrow, planFor } from "../plan/plan-fixtures.js";

const KEY = testKey("ApplySecretNeverShown");
const BLOCK = [
	"# >>> claude-setup >>>",
	"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.",
	`export ANTHROPIC_API_KEY='${KEY}'`,
	"# <<< claude-setup <<<",
];

afterAll(removeTempSystems);

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe("applyPlan writes byte-exact", () => {
	it("keeps a BOM, CRLF, a missing final newline and non-UTF-8 bytes outside the block", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".zshrc");
		const original = Buffer.concat([
			Buffer.from([0xef, 0xbb, 0xbf]),
			Buffer.from("# caf"),
			Buffer.from([0xe9, 0x80, 0x9f, 0xff]),
			Buffer.from("\r\nalias ll='ls -l'\r\nexport PATH=$HOME/bin:$PATH"),
		]);
		await writeFile(file, original);
		const planned = await planFor(system, ["zsh"], KEY);
		expect(planned.changes[0]?.action).toBe("inserted");
		await applyOrThrow(system, planned);
		const after = await readFile(file);
		expect(after.subarray(0, original.length).equals(original)).toBe(true);
		// LF, in a CRLF file too: zsh would keep a CR in the key (and in that last line).
		expect(after.subarray(original.length).toString("latin1")).toBe(`\n${BLOCK.join("\n")}`);
		expect(after.toString("latin1")).toBe(planned.changes[0]?.after);
	});

	it("replaces the block in place on a later run, keeping every other byte", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".bashrc");
		const old = `sk-ant-api03-${"o".repeat(91)}OldK`;
		const above = Buffer.from([0x23, 0x20, 0xa0, 0x0a]);
		const inside = `# >>> claude-setup >>>\nexport ANTHROPIC_API_KEY='${old}'\n# <<< claude-setup <<<\n`;
		await writeFile(file, Buffer.concat([above, Buffer.from(inside), Buffer.from("# after\n")]));
		const planned = await planFor(system, ["bash"], KEY);
		expect(planned.changes[0]?.action).toBe("replaced");
		await applyOrThrow(system, planned);
		expect(await readFile(file)).toEqual(
			Buffer.concat([above, Buffer.from(`${BLOCK.join("\n")}\n# after\n`)]),
		);
	});
});

describe("backups and modes", () => {
	it("backs up the original in a 0700 folder as a 0600 file; a startup file others could read becomes 0600", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".zshrc");
		const original = Buffer.from([0x23, 0x20, 0xff, 0x0d, 0x0a]);
		await writeFile(file, original);
		await chmod(file, 0o644);
		const planned = await planFor(system, ["zsh"], KEY);
		const written = await applyOrThrow(system, planned);
		const backup = planned.changes[0]?.backupPath ?? "";
		expect(written).toEqual([
			{
				display: "~/.zshrc",
				path: file,
				action: "inserted",
				backupPath: backup,
				backupDisplay: `~/.local/state/claude-setup/backups/${path.basename(backup)}`,
			},
		]);
		expect(path.dirname(backup)).toBe(path.join(home, ".local/state/claude-setup/backups"));
		expect(await readFile(backup)).toEqual(original);
		expect(await modeOf(backup)).toBe(0o600);
		expect(await modeOf(path.dirname(backup))).toBe(0o700);
		expect(await modeOf(file)).toBe(0o600);
	});

	it("keeps an unusual existing mode that others cannot read", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".bashrc");
		await writeFile(file, "# mine\n");
		await chmod(file, 0o700);
		await applyOrThrow(system, await planFor(system, ["bash"], KEY));
		expect(await modeOf(file)).toBe(0o700);
	});

	it.each([
		["zsh", ".zshrc"],
		["fish", ".config/fish/conf.d/claude-setup.fish"],
	] as const)("creates a new %s file 0600 with no backup", async (target, name) => {
		const { system, home } = await makeTempSystem();
		const planned = await planFor(system, [target], KEY);
		const written = await applyOrThrow(system, planned);
		expect(written).toEqual([
			{
				display: `~/${name}`,
				path: path.join(home, name),
				action: "create",
				backupPath: undefined,
				backupDisplay: undefined,
			},
		]);
		expect(await modeOf(path.join(home, name))).toBe(0o600);
		// No backup for a new file; only the record of what was written, for `remove`.
		const state = path.join(home, ".local", "state", "claude-setup");
		expect(await readdir(state)).toEqual(["written.json"]);
		expect(JSON.parse(await readFile(path.join(state, "written.json"), "utf8"))).toEqual([
			{ target, path: path.join(home, name), variable: "ANTHROPIC_API_KEY", created: true },
		]);
		expect(await modeOf(path.join(state, "written.json"))).toBe(0o600);
	});

	it("creates a .gitignore 0644 in a repository", async () => {
		const { system, project } = await makeTempSystem();
		git(project, process.env, "init", "-q");
		const written = await applyOrThrow(system, await planFor(system, ["dotenv"], KEY));
		// The project is the working directory: its files read as ./…
		expect(written.map((entry) => entry.display)).toEqual(["./.gitignore", "./.env"]);
		expect(await modeOf(path.join(project, ".gitignore"))).toBe(0o644);
		expect(await modeOf(path.join(project, ".env"))).toBe(0o600);
	});

	it("writes a .env 0600 and keeps an existing .gitignore's mode", async () => {
		const { system, project } = await makeTempSystem();
		await writeFile(path.join(project, ".gitignore"), "dist\n");
		await chmod(path.join(project, ".gitignore"), 0o664);
		const planned = await planFor(system, ["dotenv"], KEY);
		expect(planned.gitignore).toBeDefined();
		await applyOrThrow(system, planned);
		expect(await modeOf(path.join(project, ".env"))).toBe(0o600);
		expect(await modeOf(path.join(project, ".gitignore"))).toBe(0o664);
		expect(await readFile(path.join(project, ".env"), "utf8")).toBe(`ANTHROPIC_API_KEY=${KEY}\n`);
	});

	it("leaves nothing but the files and backups behind (no temp files)", async () => {
		const { system, home } = await makeTempSystem();
		await writeFile(path.join(home, ".zshrc"), "# mine\n");
		await applyOrThrow(system, await planFor(system, ["zsh"], KEY));
		expect((await readdir(home)).sort()).toEqual([".local", ".zshrc"]);
	});
});

describe("symlinks", () => {
	it("a symlinked ~/.zshrc stays a link and its target gets the block", async () => {
		const { system, home } = await makeTempSystem();
		await mkdir(path.join(home, "dotfiles"));
		const real = path.join(home, "dotfiles", "zshrc");
		await writeFile(real, "# from my dotfiles repo\n");
		await symlink("dotfiles/zshrc", path.join(home, ".zshrc"));
		const planned = await planFor(system, ["zsh"], KEY);
		expect(planned.changes[0]?.action).toBe("inserted");
		await applyOrThrow(system, planned);
		expect((await lstat(path.join(home, ".zshrc"))).isSymbolicLink()).toBe(true);
		expect(await readlink(path.join(home, ".zshrc"))).toBe("dotfiles/zshrc");
		expect(await readFile(real, "utf8")).toBe(`# from my dotfiles repo\n${BLOCK.join("\n")}\n`);
		expect(await readFile(planned.changes[0]?.backupPath ?? "", "utf8")).toBe("# from my dotfiles repo\n");
	});
});
