// A repository's own code never runs when claude-setup asks git about a file, and no child sees
// a credential: a real repo whose core.fsmonitor hook and post-index-change hook record their
// environment. On the starting commit the fsmonitor hook ran on every index read and saw the key.
import { chmod, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isIgnored, isTracked, planGitignore, untrackFile } from "../../../source/core/edit/gitignore.js";
import { findTrackedDotfile } from "../../../source/core/plan/tracked-dotfile.js";
import { runCommand } from "../../../source/system/node-run.js";
import { createNodeSystem } from "../../../source/system/node-system.js";
import { git } from "../../helpers/sandbox.js";
import { exists, NO_API } from "../../helpers/temp-system.js";

const KEY_IN_ENV = `sk-ant-api03-${"H".repeat(85)}HookAA`;
let dir: string;
let ran: string;
const saved = { ...process.env };

beforeAll(async () => {
	dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "claude-setup-hooks-")));
	ran = path.join(dir, "hook-ran");
	git(dir, process.env, "init", "-q");
	const hook = path.join(dir, "record-env.sh");
	await writeFile(hook, `#!/bin/sh\nenv >> '${ran}'\necho "$0 $*" >> '${ran}'\nexit 0\n`);
	await chmod(hook, 0o755);
	await writeFile(path.join(dir, ".env"), "OTHER=1\n");
	await writeFile(path.join(dir, ".zshrc"), "alias ll='ls -l'\n");
	git(dir, process.env, "add", ".env", ".zshrc");
	git(dir, process.env, "commit", "-qm", "init");
	// Set after the commit, so only claude-setup's own git calls can trigger them.
	git(dir, process.env, "config", "core.fsmonitor", hook);
	await writeFile(path.join(dir, ".git", "hooks", "post-index-change"), `#!/bin/sh\nexec '${hook}' "$@"\n`);
	await chmod(path.join(dir, ".git", "hooks", "post-index-change"), 0o755);
	// The hooks work: plain git runs them.
	git(dir, process.env, "status", "--short");
	expect(await exists(ran)).toBe(true);
	await rm(ran);
	Object.assign(process.env, {
		ANTHROPIC_API_KEY: KEY_IN_ENV,
		ANTHROPIC_AUTH_TOKEN: KEY_IN_ENV,
		CLAUDE_CODE_OAUTH_TOKEN: "sk-ant-oat01-token",
	});
});
afterEach(async () => {
	expect((await exists(ran)) ? await readFile(ran, "utf8") : "never ran").toBe("never ran");
});
afterAll(async () => {
	for (const name of ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN"]) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await rm(dir, { recursive: true, force: true });
});

describe("git runs with no repository hook and no fsmonitor", () => {
	it("asking whether .env is ignored or tracked, and planning .gitignore", async () => {
		const file = path.join(dir, ".env");
		expect(await isTracked(runCommand, file)).toBe(true);
		expect(await isIgnored(runCommand, file)).toBe(false);
		const plan = await planGitignore(
			runCommand,
			file,
			(await import("../../../source/system/node-system.js")).nodeFileSystem,
		);
		expect(plan.tracked?.command).toBe("git rm --cached -- .env");
	});

	it("asking whether a startup file is under version control", async () => {
		const system = { ...createNodeSystem({ api: NO_API }), homeDir: dir, env: process.env };
		const tracked = await findTrackedDotfile(system, path.join(dir, ".zshrc"));
		expect(tracked?.via).toBe("work-tree");
	});

	it("untracking .env (git rm --cached writes the index: post-index-change would run)", async () => {
		expect(await untrackFile(runCommand, { path: path.join(dir, ".env"), cwd: dir })).toBe(true);
		expect(await isTracked(runCommand, path.join(dir, ".env"))).toBe(false);
		expect(await readFile(path.join(dir, ".env"), "utf8")).toBe("OTHER=1\n");
	});
});

describe("no child gets a credential from our environment", () => {
	it.each([
		["none given (our own environment)", undefined],
		[
			"one given with the credentials in it",
			{
				PATH: process.env.PATH,
				ANTHROPIC_API_KEY: KEY_IN_ENV,
				anthropic_auth_token: "x",
				CLAUDE_CODE_OAUTH_TOKEN: "y",
				KEEP: "kept",
			},
		],
	])("%s", async (_, env) => {
		const result = await runCommand("sh", ["-c", "env"], env === undefined ? {} : { env });
		expect(result.stdout).not.toMatch(/ANTHROPIC_API_KEY|ANTHROPIC_AUTH_TOKEN|CLAUDE_CODE_OAUTH_TOKEN/i);
		expect(result.stdout).not.toContain(KEY_IN_ENV);
		if (env) expect(result.stdout).toContain("KEEP=kept");
		else expect(result.stdout).toContain("PATH=");
	});
});
