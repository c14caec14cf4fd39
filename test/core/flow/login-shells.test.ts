// Proving what a person will open: on Linux a terminal window starts an interactive zsh or
// bash, SSH and tmux a login one, and they read different files. Real zsh and bash in temp
// HOMEs; every stale definition that still wins in one of them is in --json and makes ok false.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEBIAN_PROFILE } from "../../helpers/sandbox.js";
import { testKey } from "../../helpers/temp-system.js";
import { KEY, runIn, sandboxFor } from "./headless-harness.js";

const STALE_SECRET = "StaleLoginSecretNeverShown";
const STALE = testKey(STALE_SECRET, "StLe");
const STALE_MASKED = "sk-ant-api03-…StLe";
const stale = `export ANTHROPIC_API_KEY=${STALE}\n`;

interface Case {
	readonly name: string;
	readonly shell: "zsh" | "bash";
	readonly files: Readonly<Record<string, string>>;
	readonly yes?: boolean;
	readonly ok: boolean;
	/** Where the stale definition still wins ([] = it is there but loses everywhere). */
	readonly winsIn?: readonly string[];
	readonly says: RegExp;
}

const CASES: readonly Case[] = [
	{
		name: "zsh, a stale key in ~/.zlogin (read last, by login shells only)",
		shell: "zsh",
		files: { ".zlogin": stale },
		ok: false,
		winsIn: ["zsh -l -i"],
		says: /a later definition wins — ~\/\.zlogin line 1: comment it out[\s\S]*✗ ~\/\.zlogin line 1 \(sk-ant-api03-…StLe\) still wins in zsh -l -i\./,
	},
	{
		name: "zsh, a stale key in ~/.zprofile (read before ~/.zshrc, which wins)",
		shell: "zsh",
		files: { ".zprofile": stale },
		ok: true,
		winsIn: [],
		says: /✓ A fresh zsh reads the key from ~\/\.zshrc \(login shells too\)/,
	},
	{
		name: "zsh, a stale key in ~/.zlogin, commented out with --yes",
		shell: "zsh",
		files: { ".zlogin": stale },
		yes: true,
		ok: true,
		says: /login shells too/,
	},
	{
		name: "bash, a ~/.bash_profile that does not load ~/.bashrc",
		shell: "bash",
		files: { ".bash_profile": "# mine\nexport EDITOR=vi\n" },
		ok: false,
		says: /✗ a new login bash \(what SSH and tmux open\) does not see ANTHROPIC_API_KEY: .*Add this line to it: `\[ -f ~\/\.bashrc \] && \. ~\/\.bashrc`/,
	},
	{
		name: "bash, a ~/.bash_profile with a stale key, not loading ~/.bashrc",
		shell: "bash",
		files: { ".bash_profile": stale },
		ok: false,
		winsIn: ["bash -l -i"],
		says: /still wins in bash -l -i/,
	},
	{
		name: "bash, Debian's ~/.profile that loads ~/.bashrc",
		shell: "bash",
		files: { ".profile": DEBIAN_PROFILE },
		ok: true,
		says: /✓ A fresh bash reads the key from ~\/\.bashrc \(login shells too\)/,
	},
	{
		name: "bash, a stale key in ~/.profile before it loads ~/.bashrc",
		shell: "bash",
		files: { ".profile": `${stale}${DEBIAN_PROFILE}` },
		ok: true,
		winsIn: [],
		says: /login shells too/,
	},
];

describe("the proof covers login and interactive shells (Linux)", { timeout: 60_000 }, () => {
	it.each(CASES)("$name", async ({ shell, files, yes, ok, winsIn, says }) => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell });
		for (const [name, text] of Object.entries(files)) await writeFile(path.join(sandbox.home, name), text);
		const { report, text } = await runIn(sandbox, KEY, { verify: false, yes }, [STALE_SECRET]);
		expect(text).toMatch(says);
		expect(report.ok).toBe(ok);
		expect(report.exitCode).toBe(ok ? 0 : 7);
		const proofs = report.proofs as { ok: boolean; shells?: string[] }[];
		expect(proofs.flatMap((proof) => proof.shells ?? []).sort()).toEqual([`${shell} -i`, `${shell} -l -i`]);
		const definitions = report.staleDefinitions as { masked: string; winsIn: string[] }[];
		if (winsIn === undefined) expect(definitions).toEqual([]);
		else expect(definitions).toEqual([expect.objectContaining({ masked: STALE_MASKED, winsIn })]);
		// The user's own files are as they were, unless --yes commented the stale line out.
		for (const [name, before] of Object.entries(files)) {
			const after = await readFile(path.join(sandbox.home, name), "utf8");
			if (yes) expect(after).not.toMatch(/^export ANTHROPIC_API_KEY/m);
			else expect(after).toBe(before);
		}
	});
});
