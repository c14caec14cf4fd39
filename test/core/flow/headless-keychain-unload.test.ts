// --key-stdin --target keychain --no-shell over an earlier claude-setup block, with the real
// Secret Service and real zsh: the plan lines, --dry-run, --json, a block that cannot be taken
// out (nothing written, nothing stored), and a definition of the person's in the same file.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderBlock } from "../../../source/core/edit/block-edit.js";
import { keyringPerFile } from "../../helpers/keyring-per-file.js";
import { testKey } from "../../helpers/temp-system.js";
import { KEY, runIn, SECRET, sandboxFor } from "./headless-harness.js";

const OLD_SECRET = "UnloadHeadlessOld";
const OLD = testKey(OLD_SECRET, "UhOl");
const MINE = "# mine\nsetopt autocd\n";
const BLOCK = renderBlock("posix", [{ name: "ANTHROPIC_API_KEY", value: OLD }]).join("\n");
const REMOVE_LINE = "• Remove the claude-setup block from ~/.zshrc: new terminals stop loading the key";

const keyringOf = keyringPerFile();

async function zshSandbox(zshrc: string) {
	const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
	Object.assign(sandbox.system.env, {
		DBUS_SESSION_BUS_ADDRESS: keyringOf().env.DBUS_SESSION_BUS_ADDRESS,
		XDG_RUNTIME_DIR: keyringOf().env.XDG_RUNTIME_DIR,
	});
	const file = path.join(sandbox.home, ".zshrc");
	await writeFile(file, zshrc);
	return { sandbox, file };
}

/** `secret-tool lookup|clear` of claude-setup's item in the test keyring (lookup: the value, or ""). */
function secretTool(verb: "lookup" | "clear"): string {
	const found = spawnSync("secret-tool", [verb, "service", "claude-setup", "account", "ANTHROPIC_API_KEY"], {
		env: { ...process.env, ...keyringOf().env },
		encoding: "utf8",
	});
	return found.stdout;
}

/** Files under `home` that hold `secret` in clear. */
function clearCopies(home: string, secret: string): string[] {
	return readdirSync(home, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		.filter((file) => readFileSync(file, "latin1").includes(secret));
}

const noShell = { targets: ["keychain" as const], verify: false, shellBlock: false };

describe("--no-shell over an earlier block", { timeout: 60_000 }, () => {
	it("--json: the file's action is 'removed' with its backup; no proof of a shell; the run hint", async () => {
		const { sandbox, file } = await zshSandbox(`${MINE}${BLOCK}\n`);
		const run = await runIn(sandbox, KEY, noShell, [SECRET, OLD_SECRET]);
		expect(run.report, run.text).toMatchObject({ ok: true, exitCode: 0 });
		expect(run.lines).toContain(REMOVE_LINE);
		expect(run.report.files).toEqual([
			expect.objectContaining({ target: "zsh", path: file, action: "removed", backup: expect.any(String) }),
		]);
		const proofs = run.report.proofs as { target: string }[];
		expect(proofs.map((proof) => proof.target)).toEqual(["keychain", "keychain"]);
		expect(run.text).toContain("`claude-setup run -- <command>` runs one command with it");
		expect(readFileSync(file, "utf8")).toBe(MINE);
	});

	it("--dry-run: 'Would remove …', would-remove in the report, nothing written", async () => {
		const { sandbox, file } = await zshSandbox(`${MINE}${BLOCK}\n`);
		const run = await runIn(sandbox, KEY, { ...noShell, dryRun: true }, [SECRET, OLD_SECRET]);
		expect(run.report).toMatchObject({ ok: true, dryRun: true });
		expect(run.lines).toContain(
			"Would remove the claude-setup block from ~/.zshrc: new terminals stop loading the key",
		);
		expect(run.report.files).toEqual([expect.objectContaining({ action: "would-remove" })]);
		expect(readFileSync(file, "utf8")).toBe(`${MINE}${BLOCK}\n`);
	});

	it("a block whose end marker is gone cannot be taken out: exit 6, the file and the keychain untouched", async () => {
		const broken = `${MINE}${BLOCK.replace("# <<< claude-setup <<<", "")}\n`;
		const { sandbox, file } = await zshSandbox(broken);
		secretTool("clear");
		const run = await runIn(sandbox, KEY, noShell, [SECRET, OLD_SECRET]);
		expect(run.report).toMatchObject({ ok: false, exitCode: 6 });
		expect(run.text).toMatch(/✗ ~\/\.zshrc: /);
		expect(readFileSync(file, "utf8")).toBe(broken);
		expect(secretTool("lookup")).toBe("");
	});

	it("a definition of the person's in that file: reported without --yes, commented out with it", async () => {
		const theirs = `export ANTHROPIC_API_KEY=${OLD}\n`;
		const reported = await zshSandbox(`${theirs}${MINE}${BLOCK}\n`);
		const said = await runIn(reported.sandbox, KEY, noShell, [SECRET, OLD_SECRET]);
		expect(said.report).toMatchObject({ ok: true });
		expect(said.text).toMatch(
			/! ANTHROPIC_API_KEY is also set in ~\/\.zshrc line 1 \(sk-ant-api03-…UhOl\), not by claude-setup\./,
		);
		expect(said.text).toContain("→ Add --yes to comment those out");
		expect(readFileSync(reported.file, "utf8")).toBe(`${theirs}${MINE}`);

		const disabled = await zshSandbox(`${theirs}${MINE}${BLOCK}\n`);
		const done = await runIn(disabled.sandbox, KEY, { ...noShell, yes: true }, [SECRET, OLD_SECRET]);
		expect(done.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(done.lines).toContain(REMOVE_LINE);
		const after = readFileSync(disabled.file, "utf8");
		expect(after).toMatch(
			/^# claude-setup disabled this line; claude-setup remove restores it: export ANTHROPIC_API_KEY=/,
		);
		expect(after.split("\n").slice(1).join("\n")).toBe(MINE);
	});

	it("the same key moved into the keychain: its backup holds it in clear; said, and --purge-old deletes it", async () => {
		const same = renderBlock("posix", [{ name: "ANTHROPIC_API_KEY", value: KEY }]).join("\n");
		const kept = await zshSandbox(`${MINE}${same}\n`);
		const said = await runIn(kept.sandbox, KEY, noShell, [SECRET]);
		expect(said.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(said.lines).toContain("! This key (in clear text) is still in 1 backup.");
		expect(said.lines).toContain(
			"  → Run again with --purge-old to delete them (backups without it are kept).",
		);
		expect(clearCopies(kept.sandbox.home, SECRET)).toHaveLength(1);

		const purged = await zshSandbox(`${MINE}${same}\n`);
		const run = await runIn(purged.sandbox, KEY, { ...noShell, purgeOld: true }, [SECRET]);
		expect(run.report).toMatchObject({ ok: true, exitCode: 0, purged: { lines: 0, backups: 1 } });
		expect(run.lines).toContain(
			"✓ Deleted this key (in clear text) from 1 backup; backups without it are kept.",
		);
		expect(readFileSync(purged.file, "utf8")).toBe(MINE);
		expect(clearCopies(purged.sandbox.home, SECRET)).toEqual([]);
	});
});
