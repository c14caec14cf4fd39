import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { gitFacts, isIgnored, isTracked, planGitignore } from "../../../source/core/edit/gitignore.js";
import { runCommand } from "../../../source/system/node-run.js";
import { nodeFileSystem } from "../../../source/system/node-system.js";
import { git } from "../../helpers/sandbox.js";

const exec = promisify(execFile);
const dirs: string[] = [];
const COMMENT = "# Added by claude-setup: keeps your API key out of git";

afterAll(async () => {
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp folder with the given files, optionally a git repo with some of them committed. */
async function folder(files: Record<string, string>, options: { git?: boolean; commit?: string[] } = {}) {
	const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "claude-setup-git-")));
	dirs.push(dir);
	if (options.git) git(dir, process.env, "init", "-q");
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
		await writeFile(path.join(dir, name), text);
	}
	if (options.commit?.length) {
		git(dir, process.env, "add", "-f", ...options.commit);
		git(dir, process.env, "commit", "-qm", "init");
	}
	return dir;
}

/** Plans, writes the addition like apply.ts would, and asks git again. */
async function planAndApply(file: string) {
	const plan = await planGitignore(runCommand, file, nodeFileSystem);
	if (plan.addition) await writeFile(plan.addition.path, plan.addition.after, "latin1");
	return { plan, ignoredAfter: await isIgnored(runCommand, file) };
}

describe("git facts (real git)", () => {
	it("knows a repository and its root, and a folder outside one", async () => {
		const repo = await folder({ "sub/x": "" }, { git: true });
		expect(await gitFacts(runCommand, path.join(repo, "sub"))).toEqual({
			inRepo: true,
			root: repo,
		});
		const plain = await folder({});
		expect(await gitFacts(runCommand, plain)).toEqual({ inRepo: false });
		expect(await gitFacts(runCommand, path.join(plain, "does-not-exist"))).toEqual({ inRepo: false });
	});

	it("tells ignored, not ignored and tracked files apart", async () => {
		const repo = await folder(
			{ ".gitignore": ".env\n", ".env": "A=1\n", "keep.env": "" },
			{ git: true, commit: ["keep.env"] },
		);
		expect(await isIgnored(runCommand, path.join(repo, ".env"))).toBe(true);
		expect(await isIgnored(runCommand, path.join(repo, "keep.env"))).toBe(false);
		expect(await isTracked(runCommand, path.join(repo, "keep.env"))).toBe(true);
		expect(await isTracked(runCommand, path.join(repo, ".env"))).toBe(false);
	});
});

describe("planGitignore (real git)", () => {
	it("does nothing when the file is already ignored", async () => {
		const repo = await folder({ ".gitignore": "*.env\n.env*\n" }, { git: true });
		expect(await planGitignore(runCommand, path.join(repo, ".env"), nodeFileSystem)).toEqual({});
	});

	it("creates a .gitignore when there is none, and git then ignores the file", async () => {
		const repo = await folder({}, { git: true });
		const { plan, ignoredAfter } = await planAndApply(path.join(repo, ".env"));
		expect(plan.addition).toEqual({
			path: path.join(repo, ".gitignore"),
			before: undefined,
			after: `${COMMENT}\n/.env\n`,
			entry: "/.env",
			createsFile: true,
		});
		expect(ignoredAfter).toBe(true);
	});

	it("adds to the .gitignore beside a nested file, overriding a parent's negation", async () => {
		const repo = await folder(
			{ ".gitignore": "node_modules/\n", "app/.gitignore": "!.env.local\n" },
			{ git: true },
		);
		const file = path.join(repo, "app", ".env.local");
		const { plan, ignoredAfter } = await planAndApply(file);
		expect(plan.addition?.path).toBe(path.join(repo, "app", ".gitignore"));
		expect(plan.addition?.after).toBe(`!.env.local\n${COMMENT}\n/.env.local\n`);
		expect(ignoredAfter).toBe(true);
	});

	it("keeps a missing final newline and CRLF endings", async () => {
		const repo = await folder({ "a/.gitignore": "dist", "b/.gitignore": "dist\r\nbuild\r\n" }, { git: true });
		const a = await planAndApply(path.join(repo, "a", ".env"));
		expect(a.plan.addition?.after).toBe(`dist\n${COMMENT}\n/.env\n`);
		expect(a.ignoredAfter).toBe(true);
		const b = await planAndApply(path.join(repo, "b", ".env"));
		expect(b.plan.addition?.after).toBe(`dist\r\nbuild\r\n${COMMENT}\r\n/.env\r\n`);
		expect(b.ignoredAfter).toBe(true);
		expect(await readFile(path.join(repo, "b", ".gitignore"), "utf8")).toMatch(/^(?:[^\r\n]*\r\n)+$/);
	});

	it("escapes glob characters so git matches only that file", async () => {
		const repo = await folder({}, { git: true });
		const { plan, ignoredAfter } = await planAndApply(path.join(repo, "my [x]*.env"));
		expect(plan.addition?.entry).toBe("/my \\[x\\]\\*.env");
		expect(ignoredAfter).toBe(true);
		expect(await isIgnored(runCommand, path.join(repo, "my x.env"))).toBe(false);
	});

	it("flags a tracked file with the exact command that untracks it", async () => {
		const repo = await folder({ ".env": "A=1\n" }, { git: true, commit: [".env"] });
		const file = path.join(repo, ".env");
		const { plan } = await planAndApply(file);
		expect(plan.tracked).toEqual({
			path: file,
			command: "git rm --cached -- .env",
			cwd: repo,
		});
		await exec("sh", ["-c", plan.tracked?.command ?? "false"], {
			cwd: plan.tracked?.cwd,
		});
		expect(await isTracked(runCommand, file)).toBe(false);
		expect(await isIgnored(runCommand, file)).toBe(true);
	});

	it("a tracked file already listed in .gitignore needs only untracking", async () => {
		const repo = await folder({ ".gitignore": ".env\n", ".env": "A=1\n" }, { git: true, commit: [".env"] });
		const plan = await planGitignore(runCommand, path.join(repo, ".env"), nodeFileSystem);
		expect(plan).toEqual({
			tracked: {
				path: path.join(repo, ".env"),
				command: "git rm --cached -- .env",
				cwd: repo,
			},
		});
	});

	it("outside a repository: a .gitignore is still created, for a later git init", async () => {
		const dir = await folder({});
		const plan = await planGitignore(runCommand, path.join(dir, ".env"), nodeFileSystem);
		expect(plan.addition).toMatchObject({
			path: path.join(dir, ".gitignore"),
			before: undefined,
			entry: "/.env",
		});
		expect(plan.addition?.after).toBe(`${COMMENT}\n/.env\n`);
	});

	it.each([
		["already covered by a glob", ".env*\n", undefined],
		["covered, then negated", ".env\n!.env\n", `.env\n!.env\n${COMMENT}\n/.env\n`],
		["not covered", "node_modules\n", `node_modules\n${COMMENT}\n/.env\n`],
	])("outside a repository, an existing .gitignore %s", async (_name, gitignore, after) => {
		const dir = await folder({ ".gitignore": gitignore });
		const plan = await planGitignore(runCommand, path.join(dir, ".env"), nodeFileSystem);
		expect(plan.addition?.after).toBe(after);
	});
});
