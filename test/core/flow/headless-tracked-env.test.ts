// `.env` judged by what git does with the real file, in real repositories. A tracked .env never
// receives the key while it stays tracked: refused with exit 6 and the exact command, unless
// --untrack; a .env that is a link is judged by its target. On the starting commit a tracked
// .env got the key with exit 0 and "ok": true, and a link was called ignored while its target,
// which git did not ignore, got the key.
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FakeAnthropic } from "../../helpers/fake-anthropic.js";
import { git } from "../../helpers/sandbox.js";
import { KEY, runIn, sandboxFor, withFakeApi } from "./headless-harness.js";

let fake: FakeAnthropic;
withFakeApi((started) => {
	fake = started;
});

async function trackedEnv() {
	const sandbox = await sandboxFor(fake.url);
	const env = sandbox.system.env as NodeJS.ProcessEnv;
	git(sandbox.project, env, "init", "-q");
	await writeFile(path.join(sandbox.project, ".env"), "DEBUG=1\n");
	git(sandbox.project, env, "add", ".env");
	git(sandbox.project, env, "commit", "-qm", "add .env");
	const isTracked = () => git(sandbox.project, env, "ls-files", "--", ".env").trim() === ".env";
	return { sandbox, isTracked };
}

describe("a .env that git tracks", () => {
	it.each([
		["a run", { dryRun: false }],
		["a dry run", { dryRun: true }],
	])("%s without --untrack: exit 6, ok false, the exact command, nothing written", async (_, options) => {
		const { sandbox, isTracked } = await trackedEnv();
		const { report, text } = await runIn(sandbox, KEY, { targets: ["dotenv"], verify: false, ...options });
		expect(report).toMatchObject({
			ok: false,
			exitCode: 6,
			error: {
				kind: "tracked",
				command: "git rm --cached -- .env",
				path: path.join(sandbox.project, ".env"),
			},
		});
		expect(text).toContain("✗ Nothing was written: git tracks ./.env");
		expect(text).toContain("Run `git rm --cached -- .env`");
		expect(text).toContain("add --untrack");
		expect(await readFile(path.join(sandbox.project, ".env"), "utf8")).toBe("DEBUG=1\n");
		expect(isTracked()).toBe(true);
	});

	it("with --untrack: git stops tracking it first, then the key goes in (exit 0)", async () => {
		const { sandbox, isTracked } = await trackedEnv();
		const { report, text } = await runIn(sandbox, KEY, { targets: ["dotenv"], verify: false, untrack: true });
		expect(report).toMatchObject({ ok: true, exitCode: 0, untracked: path.join(sandbox.project, ".env") });
		expect(text).toContain("✓ git no longer tracks ./.env (git rm --cached -- .env)");
		expect(isTracked()).toBe(false);
		expect(await readFile(path.join(sandbox.project, ".env"), "utf8")).toBe(
			`DEBUG=1\nANTHROPIC_API_KEY=${KEY}\n`,
		);
		git(sandbox.project, sandbox.system.env as NodeJS.ProcessEnv, "check-ignore", "-q", ".env");
	});

	it("with --untrack and --dry-run: says it would untrack, changes nothing", async () => {
		const { sandbox, isTracked } = await trackedEnv();
		const { report, text } = await runIn(sandbox, KEY, {
			targets: ["dotenv"],
			verify: false,
			untrack: true,
			dryRun: true,
		});
		expect(report).toMatchObject({ ok: true, dryRun: true });
		expect(text).toContain("--untrack: git rm --cached -- .env would run first");
		expect(isTracked()).toBe(true);
	});
});

describe("a .env that is a link is judged by its target", () => {
	it("a link into another repository where the target is tracked: refused, with the command for there", async () => {
		const sandbox = await sandboxFor(fake.url);
		const env = sandbox.system.env as NodeJS.ProcessEnv;
		const secrets = path.join(sandbox.root, "secrets");
		await mkdir(secrets);
		git(secrets, env, "init", "-q");
		await writeFile(path.join(secrets, "app.env"), "DEBUG=1\n");
		git(secrets, env, "add", "app.env");
		git(secrets, env, "commit", "-qm", "add");
		git(sandbox.project, env, "init", "-q");
		// The project ignores its .env (the link), which is what the starting commit looked at.
		await writeFile(path.join(sandbox.project, ".gitignore"), ".env\n");
		await symlink(path.join(secrets, "app.env"), path.join(sandbox.project, ".env"));
		const { report, text } = await runIn(sandbox, KEY, { targets: ["dotenv"], verify: false });
		const command = `git -C ${secrets} rm --cached -- app.env`;
		expect(report).toMatchObject({ ok: false, exitCode: 6, error: { kind: "tracked", command } });
		expect(text).toContain(command);
		expect(await readFile(path.join(secrets, "app.env"), "utf8")).toBe("DEBUG=1\n");
	});

	it("a link to a file git does not ignore: the .gitignore beside the target gets the entry", async () => {
		const sandbox = await sandboxFor(fake.url);
		const env = sandbox.system.env as NodeJS.ProcessEnv;
		const other = path.join(sandbox.root, "other-repo");
		await mkdir(other);
		git(other, env, "init", "-q");
		git(sandbox.project, env, "init", "-q");
		await writeFile(path.join(sandbox.project, ".gitignore"), ".env\n");
		await symlink(path.join(other, "keys.env"), path.join(sandbox.project, ".env"));
		const { report } = await runIn(sandbox, KEY, { targets: ["dotenv"], verify: false });
		expect(report).toMatchObject({ ok: true, exitCode: 0 });
		expect(await readFile(path.join(other, "keys.env"), "utf8")).toBe(`ANTHROPIC_API_KEY=${KEY}\n`);
		// git ignores the bytes where they are.
		git(other, env, "check-ignore", "-q", "keys.env");
		expect(await readFile(path.join(other, ".gitignore"), "utf8")).toContain("/keys.env");
	});
});
