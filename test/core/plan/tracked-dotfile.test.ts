// Dotfiles under version control, with real git, real shells and real files in a temp HOME:
// the key goes in claude-setup's private 0600 file, the tracked startup file only sources it,
// a rotation leaves the tracked file's bytes alone, and remove takes both back.
import { execFileSync } from "node:child_process";
import { lstat, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DotfileFacts, decideTracked } from "../../../source/core/plan/tracked-dotfile.js";
import { runRemove } from "../../../source/core/status/command.js";
import type { System } from "../../../source/core/system.js";
import { git as gitIn } from "../../helpers/sandbox.js";
import { removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { KEY, MASKED, runIn, SECRET, sandboxFor } from "../flow/headless-harness.js";

afterAll(removeTempSystems);

const ROTATED_SECRET = "TrackedRotationSecret";
const ROTATED = testKey(ROTATED_SECRET, "RoTa");
const ORIGINAL = "# my dotfiles\nalias ll='ls -l'\n";
const FISH_ORIGINAL = "# fish snippets live here\n";

/** git with `cwd` as HOME, so no global config of the person running the tests applies. */
const git = (cwd: string, ...args: string[]) =>
	gitIn(cwd, { PATH: process.env.PATH ?? "/usr/bin:/bin", GIT_CONFIG_NOSYSTEM: "1", HOME: cwd }, ...args);

async function commitFile(repo: string, file: string, text: string): Promise<void> {
	await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
	await writeFile(path.join(repo, file), text);
	git(repo, "add", "--", file);
	git(repo, "commit", "-q", "-m", "dotfiles");
}

const noVerify = { verify: false } as const;

/** What a fresh interactive shell of the sandbox reads, this process's value removed. */
function readBackIn(shell: "zsh" | "fish", system: System, variable: string): string {
	const env = { ...system.env, [variable]: undefined };
	const script = `printf '<<%s>>' "$${variable}"`;
	const args = shell === "zsh" ? ["-ic", script] : ["-c", script];
	const output = execFileSync(shell, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
	return /<<(.*)>>/.exec(output)?.[1] ?? "";
}
const secrets = [SECRET, ROTATED_SECRET];

async function removeAll(system: System): Promise<string[]> {
	const lines: string[] = [];
	const code = await runRemove(
		system,
		{ targets: [], dryRun: false, confirm: async () => true },
		{ print: (line) => lines.push(line), json: false, parentPid: process.pid },
	);
	expect(code).toBe(0);
	return lines;
}

describe("a startup file under version control", { timeout: 60_000 }, () => {
	it("a git repo in $HOME: the key goes in a private file, rotation and remove leave ~/.zshrc as committed", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		const { home, system } = sandbox;
		git(home, "init", "-q");
		await commitFile(home, ".zshrc", ORIGINAL);
		const zshrc = path.join(home, ".zshrc");
		const envSh = path.join(home, ".local/state/claude-setup/env.sh");

		const first = await runIn(sandbox, KEY, noVerify, secrets);
		expect(first.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(first.text).toContain("under version control");
		expect(first.text).toContain("~/.zshrc is inside the git repository ~ (tracked)");
		expect(first.report.trackedDotfiles).toEqual([
			{ path: zshrc, via: "work-tree", repository: "~", private: true },
		]);
		const written = await readFile(zshrc, "utf8");
		expect(written).not.toContain(KEY);
		expect(written).toContain('[ -f "$HOME/.local/state/claude-setup/env.sh" ] && . "$HOME/');
		expect(written.startsWith(ORIGINAL)).toBe(true);
		expect(await readFile(envSh, "utf8")).toContain(`export ANTHROPIC_API_KEY='${KEY}'`);
		expect((await stat(envSh)).mode & 0o777).toBe(0o600);
		expect(git(home, "status", "--porcelain", "--untracked-files=all")).not.toContain("env.sh");
		expect(first.report.proofs).toEqual([expect.objectContaining({ target: "zsh", ok: true })]);
		expect(readBackIn("zsh", system, "ANTHROPIC_API_KEY")).toBe(KEY);

		// Rotation: only the private file changes; the tracked file keeps its bytes.
		const before = await readFile(zshrc);
		const second = await runIn(sandbox, ROTATED, noVerify, secrets);
		expect(second.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(second.text).not.toContain("under version control: the key goes in a private file it loads");
		expect(await readFile(zshrc)).toEqual(before);
		expect(await readFile(envSh, "utf8")).toContain(ROTATED);
		expect(await readFile(envSh, "utf8")).not.toContain(KEY);
		expect(readBackIn("zsh", system, "ANTHROPIC_API_KEY")).toBe(ROTATED);

		const removed = (await removeAll(system)).join("\n");
		expect(removed).toContain("delete ~/.local/state/claude-setup/env.sh");
		expect(await readFile(zshrc, "utf8")).toBe(ORIGINAL);
		await expect(lstat(envSh)).rejects.toThrow();
		expect(git(home, "status", "--porcelain")).toBe("");
	});

	it("a ~/.zshrc linked into a dotfiles repo elsewhere (stow): the link stays, the repo never sees the key", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		const { home, system } = sandbox;
		// Where stow users keep it: ~/dotfiles (a link out of the home folder needs --yes).
		const repo = path.join(home, "dotfiles");
		await mkdir(repo);
		git(repo, "init", "-q");
		await commitFile(repo, "zsh/.zshrc", ORIGINAL);
		await symlink(path.join(repo, "zsh/.zshrc"), path.join(home, ".zshrc"));

		const run = await runIn(sandbox, `  ${KEY}\n`, noVerify, secrets);
		expect(run.report).toMatchObject({ ok: true, key: { masked: MASKED } });
		expect(run.text).toContain("~/.zshrc is a link into the git repository ~/dotfiles (tracked)");
		expect((await lstat(path.join(home, ".zshrc"))).isSymbolicLink()).toBe(true);
		expect(await readFile(path.join(repo, "zsh/.zshrc"), "utf8")).not.toContain(KEY);
		expect(git(repo, "diff")).not.toContain(SECRET);
		expect(readBackIn("zsh", system, "ANTHROPIC_API_KEY")).toBe(KEY);

		await removeAll(system);
		expect(await readFile(path.join(repo, "zsh/.zshrc"), "utf8")).toBe(ORIGINAL);
		expect(git(repo, "status", "--porcelain")).toBe("");
	});

	it("fish: ~/.config in a repo gets a conf.d snippet that sources env.fish", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "fish" });
		const { home, system } = sandbox;
		const config = path.join(home, ".config");
		await mkdir(config);
		git(config, "init", "-q");
		await commitFile(config, "fish/README", FISH_ORIGINAL);

		const run = await runIn(sandbox, KEY, noVerify, secrets);
		expect(run.report).toMatchObject({ ok: true, exitCode: 0 });
		const snippet = await readFile(path.join(config, "fish/conf.d/claude-setup.fish"), "utf8");
		expect(snippet).toContain('test -f "$HOME/.local/state/claude-setup/env.fish"; and source "$HOME/');
		expect(snippet).not.toContain(KEY);
		const envFish = path.join(home, ".local/state/claude-setup/env.fish");
		expect(await readFile(envFish, "utf8")).toContain(`set -gx ANTHROPIC_API_KEY '${KEY}'`);
		expect((await stat(envFish)).mode & 0o777).toBe(0o600);
		expect(readBackIn("fish", system, "ANTHROPIC_API_KEY")).toBe(KEY);
	});

	it("yadm (a bare repo with $HOME as its work tree) counts too", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		const { home } = sandbox;
		const repo = path.join(home, ".local/share/yadm/repo.git");
		await mkdir(repo, { recursive: true });
		git(repo, "init", "-q", "--bare");
		await writeFile(path.join(home, ".zshrc"), ORIGINAL);
		git(home, `--git-dir=${repo}`, `--work-tree=${home}`, "add", "--", ".zshrc");
		const run = await runIn(sandbox, KEY, { ...noVerify, dryRun: true }, secrets);
		expect(run.text).toContain("yadm tracks ~/.zshrc");
		expect(run.text).toContain("Would create ~/.local/state/claude-setup/env.sh");
	});

	it.each([
		["~/.zshrc", ".zshrc", "dot_zshrc"],
		["a private template", ".zshrc", "private_dot_zshrc.tmpl"],
	])("chezmoi (%s in its source folder) counts too", async (_name, file, source) => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		const { home } = sandbox;
		const chezmoi = path.join(home, ".local/share/chezmoi");
		await mkdir(chezmoi, { recursive: true });
		await writeFile(path.join(chezmoi, source), ORIGINAL);
		await writeFile(path.join(home, file), ORIGINAL);
		const run = await runIn(sandbox, KEY, { ...noVerify, dryRun: true }, secrets);
		expect(run.text).toContain("chezmoi manages ~/.zshrc");
		expect(run.text).toContain("Would create ~/.local/state/claude-setup/env.sh");
	});

	it("a chezmoi source folder without this file does not count", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		await mkdir(path.join(sandbox.home, ".local/share/chezmoi"), { recursive: true });
		await writeFile(path.join(sandbox.home, ".local/share/chezmoi/dot_bashrc"), ORIGINAL);
		const run = await runIn(sandbox, KEY, noVerify, secrets);
		expect(run.report).toMatchObject({ ok: true, trackedDotfiles: [] });
	});

	it("an untracked, unversioned ~/.zshrc gets the key directly, as before", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		const run = await runIn(sandbox, KEY, noVerify, secrets);
		expect(run.report).toMatchObject({ ok: true, trackedDotfiles: [] });
		expect(await readFile(path.join(sandbox.home, ".zshrc"), "utf8")).toContain(`'${KEY}'`);
	});
});

const facts = (overrides: Partial<DotfileFacts>): DotfileFacts => ({
	path: "/home/ada/.zshrc",
	realPath: "/home/ada/.zshrc",
	isSymlink: false,
	tracked: false,
	ignored: false,
	yadm: false,
	...overrides,
});

describe("decideTracked", () => {
	it.each([
		{ name: "outside any repository", given: facts({}), via: undefined },
		{
			name: "tracked in a repo in $HOME",
			given: facts({ root: "/home/ada", tracked: true }),
			via: "work-tree",
		},
		{
			name: "untracked, not ignored (git add -A takes it)",
			given: facts({ root: "/home/ada" }),
			via: "work-tree",
		},
		{ name: "untracked and ignored", given: facts({ root: "/home/ada", ignored: true }), via: undefined },
		{
			name: "tracked although ignored",
			given: facts({ root: "/home/ada", ignored: true, tracked: true }),
			via: "work-tree",
		},
		{
			name: "a link into a repo",
			given: facts({ isSymlink: true, realPath: "/src/dots/zshrc", root: "/src/dots", tracked: true }),
			via: "symlink",
		},
		{ name: "yadm", given: facts({ yadm: true }), via: "yadm" },
	])("$name", ({ given, via }) => {
		expect(decideTracked(given, "/home/ada")?.via).toBe(via);
	});
});
