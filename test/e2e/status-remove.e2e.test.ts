// `status`, rotation and `remove` as a person runs them: the built CLI, HOME in a temp dir,
// real zsh and bash, the fake Anthropic API on loopback. No output may hold a key's secret part.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISABLED_NOTE } from "../../source/core/edit/comment-out.js";
import { ROTATED_KEY, ROTATED_SECRET } from "../helpers/app-steps.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, readBack, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { CLI_PATH, KEYS, openTerminal, runCli, runInTerminal } from "../helpers/terminal.js";

const STALE_SECRET = "StaleSecretNeverShown";
const STALE_KEY = testKey(STALE_SECRET, "StAl");
const MASKED = { test: "sk-ant-api03-…XwAA", stale: "sk-ant-api03-…StAl" };
const NOT_REVOKED = "does not revoke it: do that at console.anthropic.com → API keys";
const BASH_PROFILE = `# mine\n[ -f ~/.bashrc ] && . ~/.bashrc\nexport ANTHROPIC_API_KEY=${STALE_KEY}\n`;
const ZSHRC = "# my zshrc\nalias ll='ls -l'\n";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY, ROTATED_KEY, STALE_KEY] });
});
afterAll(() => api.close());

function expectNoLeak(text: string): void {
	for (const secret of [SECRET_PART, ROTATED_SECRET, STALE_SECRET]) expect(text).not.toContain(secret);
}

async function cli(sandbox: Sandbox, args: string[], input = "", env: Record<string, string> = {}) {
	const result = await runCli(sandbox, args, input, env);
	expectNoLeak(result.stdout + result.stderr);
	return result;
}

/** What a fresh login bash (macOS Terminal, ssh) sees: it reads ~/.bash_profile. */
function loginBash(sandbox: Sandbox): string {
	const output = execFileSync("bash", ["-lic", `printf '<<%s>>' "$ANTHROPIC_API_KEY"`], {
		env: sandbox.env,
		cwd: sandbox.project,
		encoding: "utf8",
		stdio: ["ignore", "pipe", "ignore"],
	});
	return /<<(.*)>>/.exec(output)?.[1] ?? "";
}

/** Every file under HOME and the project, with its bytes and mode: "nothing changed" means equal. */
function snapshot(sandbox: Sandbox): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			const info = statSync(path);
			if (info.isDirectory()) walk(path);
			else files[path] = `${info.mode.toString(8)} ${readFileSync(path, "base64")}`;
		}
	};
	walk(sandbox.root);
	return files;
}

/** A zsh user who also has a stale export in ~/.bash_profile, after a first run for zsh and bash. */
async function afterFirstRun(): Promise<Sandbox> {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	writeFileSync(join(sandbox.home, ".bash_profile"), BASH_PROFILE);
	writeFileSync(join(sandbox.home, ".zshrc"), ZSHRC);
	const first = await cli(sandbox, ["--key-stdin", "--target", "zsh", "--target", "bash"], TEST_KEY);
	// Saved, but a login bash (SSH, tmux) still gets the stale key ~/.bash_profile exports after
	// loading ~/.bashrc: not proven everywhere, so exit 7 (and the stale export is named).
	expect(first.exitCode).toBe(7);
	expect(first.stdout).toContain(`✗ ~/.bash_profile line 3 (${MASKED.stale}) still wins in bash -l -i.`);
	return sandbox;
}

describe("status", { timeout: 60_000 }, () => {
	it("on a machine with no key: says a new terminal gets nothing and exits 7", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const { stdout, exitCode } = await cli(sandbox, ["status"]);
		expect(exitCode).toBe(7);
		expect(stdout).toContain("A new zsh terminal gets: nothing");
		expect(stdout).toContain("Not everything checks out");
	});

	it("shows the stale ~/.bash_profile export as a disagreement (7), then all good after --yes", async () => {
		const sandbox = await afterFirstRun();
		const before = await cli(sandbox, ["status"]);
		expect(before.exitCode).toBe(7);
		expect(before.stdout).toContain(`${MASKED.stale}  ~/.bash_profile line 3`);
		expect(before.stdout).toMatch(/set in \d+ places, to 2 different values/);
		await cli(sandbox, ["--key-stdin", "--yes"], ROTATED_KEY);
		// Run from a new terminal, which has the new key.
		const after = await cli(sandbox, ["status"], "", { ANTHROPIC_API_KEY: ROTATED_KEY });
		expect(after.stdout).toContain("✓ The API accepts the key a new terminal gets.");
		expect(after.stdout).toMatch(/~\/\.zshrc line \d+ \(claude-setup\) {2}← a new terminal gets this/);
		expect(after.stdout).toContain("All good.");
		expect(after.exitCode).toBe(0);
	});

	it("--json is one object without the key; --no-verify makes no API call", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		expect((await cli(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY)).exitCode).toBe(0);
		const json = await cli(sandbox, ["status", "--json"], "", { ANTHROPIC_API_KEY: TEST_KEY });
		expect(json.exitCode).toBe(0);
		const report = JSON.parse(json.stdout);
		expect(report).toMatchObject({ exitCode: 0, liveCheck: { ok: true }, newTerminal: { shell: "zsh" } });
		expect(report.newTerminal.masked).toMatch(/^sk-ant-api03-…/);
		const calls = api.requests.length;
		const quiet = await cli(sandbox, ["status", "--no-verify"], "", { ANTHROPIC_API_KEY: TEST_KEY });
		expect(quiet.exitCode).toBe(0);
		expect(quiet.stdout).not.toContain("The API accepts");
		expect(api.requests.length).toBe(calls);
	});
});

describe("status: the 401 explained — this terminal against a new one", { timeout: 60_000 }, () => {
	const REVOKED_SECRET = "RevokedSecretNeverShown";
	const REVOKED = testKey(REVOKED_SECRET, "ReVo");

	it("this terminal's key is rejected, ~/.zshrc's works: exit 4, says which, and what to do (--json too)", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(join(sandbox.home, ".zshrc"), `export ANTHROPIC_API_KEY=${TEST_KEY}\n`);
		const here = { ANTHROPIC_API_KEY: REVOKED };
		const before = api.requests.length;
		const { stdout, exitCode } = await cli(sandbox, ["status"], "", here);
		expect(stdout).not.toContain(REVOKED_SECRET);
		expect(exitCode).toBe(4);
		expect(stdout).not.toContain("All good");
		const verdict =
			"This terminal's key is rejected (401); your ~/.zshrc key works: open a new terminal or run `source ~/.zshrc`.";
		expect(stdout.trim().split("\n").at(-1)).toBe(verdict);
		expect(stdout).toContain("✓ The API accepts the key a new terminal gets.");
		expect(stdout).toContain("✗ The API rejects this terminal's key (401).");
		// One GET /v1/models for each key, no tokens spent.
		expect(api.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
			"GET /v1/models",
			"GET /v1/models",
		]);
		const json = await cli(sandbox, ["status", "--json"], "", here);
		expect(json.stdout).not.toContain(REVOKED_SECRET);
		expect(json.exitCode).toBe(4);
		expect(JSON.parse(json.stdout)).toMatchObject({
			exitCode: 4,
			verdict,
			liveCheck: { ok: true },
			thisProcess: {
				masked: "sk-ant-api03-…ReVo",
				sameAsNewTerminal: false,
				liveCheck: { ok: false, status: 401 },
			},
		});
	});

	it("both keys work but differ: exit 7, not all good; --no-verify sends nothing", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(join(sandbox.home, ".zshrc"), `export ANTHROPIC_API_KEY=${TEST_KEY}\n`);
		const before = api.requests.length;
		const { stdout, exitCode } = await cli(sandbox, ["status", "--no-verify"], "", {
			ANTHROPIC_API_KEY: STALE_KEY,
		});
		expect(exitCode).toBe(7);
		expect(api.requests.length).toBe(before);
		expect(stdout.trim().split("\n").at(-1)).toBe(
			`A new terminal gets ${MASKED.test}, but this one has ${MASKED.stale}: open a new terminal or run \`source ~/.zshrc\`.`,
		);
	});
});

describe("rotation with --key-stdin", { timeout: 60_000 }, () => {
	it("--yes updates every block, comments out the stale export, and both shells get the new key", async () => {
		const sandbox = await afterFirstRun();
		expect(loginBash(sandbox)).toBe(STALE_KEY);
		const { stdout, exitCode } = await cli(sandbox, ["--key-stdin", "--yes"], ROTATED_KEY, {
			ANTHROPIC_API_KEY: TEST_KEY,
		});
		expect(exitCode).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
		expect(loginBash(sandbox)).toBe(ROTATED_KEY);
		expect(readFileSync(join(sandbox.home, ".bash_profile"), "utf8")).toBe(
			BASH_PROFILE.replace("export", `${DISABLED_NOTE}export`),
		);
		expect(stdout).toContain("Replace the claude-setup block in ~/.zshrc");
		expect(stdout).toContain("Replace the claude-setup block in ~/.bashrc");
		expect(stdout).toMatch(/The old keys \(.*…XwAA.*StAl\) still work and stay valid until revoked/);
		expect(stdout).toContain(`This terminal still has ANTHROPIC_API_KEY=${MASKED.test}`);
		expect(stdout).toContain("source ~/.zshrc");
	});

	it("a file where it only commented out a line is not a target: the next rotation does not save there", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(join(sandbox.home, ".bash_profile"), BASH_PROFILE);
		writeFileSync(join(sandbox.project, ".env"), `FOO=1\nANTHROPIC_API_KEY=${STALE_KEY}\n`);
		expect((await cli(sandbox, ["--key-stdin", "--yes"], TEST_KEY)).exitCode).toBe(0);
		const profile = readFileSync(join(sandbox.home, ".bash_profile"), "utf8");
		const envFile = readFileSync(join(sandbox.project, ".env"), "utf8");
		const { stdout, exitCode } = await cli(sandbox, ["--key-stdin", "--yes"], ROTATED_KEY);
		expect(exitCode).toBe(0);
		expect(stdout).toContain("Replace the claude-setup block in ~/.zshrc");
		expect(existsSync(join(sandbox.home, ".bashrc"))).toBe(false);
		expect(readFileSync(join(sandbox.home, ".bash_profile"), "utf8")).toBe(profile);
		expect(readFileSync(join(sandbox.project, ".env"), "utf8")).toBe(envFile);
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
	});

	it("without --yes leaves the stale export and says how to comment it out", async () => {
		const sandbox = await afterFirstRun();
		const { stdout, exitCode } = await cli(sandbox, ["--key-stdin"], ROTATED_KEY);
		expect(exitCode).toBe(7); // the stale export still wins in a login bash
		expect(stdout).toContain(`still wins in bash -l -i`);
		expect(readFileSync(join(sandbox.home, ".bash_profile"), "utf8")).toBe(BASH_PROFILE);
		expect(stdout).toContain(`is also set in ~/.bash_profile line 3 (${MASKED.stale}), not by claude-setup`);
		expect(stdout).toContain("Add --yes to comment those out");
		expect(readBack("zsh", sandbox)).toBe(ROTATED_KEY);
	});
});

describe("remove", { timeout: 60_000 }, () => {
	it("--yes restores every file byte for byte and a fresh zsh no longer has the key", async () => {
		const sandbox = await afterFirstRun();
		await cli(sandbox, ["--key-stdin", "--yes"], ROTATED_KEY);
		const { stdout, exitCode } = await cli(sandbox, ["remove", "--yes"]);
		expect(exitCode).toBe(0);
		expect(stdout).toContain(NOT_REVOKED);
		expect(readFileSync(join(sandbox.home, ".bash_profile"), "utf8")).toBe(BASH_PROFILE);
		expect(readFileSync(join(sandbox.home, ".zshrc"), "utf8")).toBe(ZSHRC);
		expect(existsSync(join(sandbox.home, ".bashrc"))).toBe(false);
		expect(readBack("zsh", sandbox)).toBe("");
		expect(loginBash(sandbox)).toBe(STALE_KEY);
		expect((await cli(sandbox, ["remove", "--yes"])).stdout).toContain("nothing to remove");
	});

	it("without --yes and without a terminal exits 2 and changes nothing", async () => {
		const sandbox = await afterFirstRun();
		const before = snapshot(sandbox);
		const { stdout, exitCode } = await cli(sandbox, ["remove"]);
		expect(exitCode).toBe(2);
		expect(stdout).toContain("add --yes");
		expect(snapshot(sandbox)).toEqual(before);
	});

	it("--dry-run shows what it would do and changes nothing", async () => {
		const sandbox = await afterFirstRun();
		await cli(sandbox, ["--key-stdin", "--yes"], ROTATED_KEY);
		const before = snapshot(sandbox);
		const { stdout, exitCode } = await cli(sandbox, ["remove", "--dry-run"]);
		expect(exitCode).toBe(0);
		expect(stdout).toContain("Would:");
		expect(stdout).toContain("delete ~/.bashrc");
		expect(stdout).toContain("↺ 1 definition claude-setup had commented out");
		// Said at the end, as --key-stdin --dry-run says it: a log reader is not left guessing.
		expect(stdout.trimEnd().split("\n").at(-1)).toBe("Dry run: nothing was changed.");
		expect(snapshot(sandbox)).toEqual(before);
	});

	it("--json describes each file and the revoke note; without --yes it is exit 2", async () => {
		const sandbox = await afterFirstRun();
		const refused = await cli(sandbox, ["remove", "--json"]);
		expect(refused.exitCode).toBe(2);
		expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, exitCode: 2 });
		const { stdout, exitCode } = await cli(sandbox, ["remove", "--json", "--yes"]);
		expect(exitCode).toBe(0);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ ok: true, exitCode: 0 });
		expect(report.note).toContain(NOT_REVOKED);
		const actions = Object.fromEntries(
			report.files.map((file: { path: string; action: string }) => [file.path, file.action]),
		);
		expect(actions).toEqual({
			[join(sandbox.home, ".zshrc")]: "removed",
			[join(sandbox.home, ".bashrc")]: "deleted",
		});
	});
});

describe("in a pseudo-terminal", { timeout: 60_000 }, () => {
	it("remove asks before changing anything, as the wizard asks (y/N, one key), and y alone removes", async () => {
		const sandbox = await afterFirstRun();
		const run = runInTerminal(["remove"], sandbox);
		await run.waitForText("Remove these? y/N");
		expect(readFileSync(join(sandbox.home, ".zshrc"), "utf8")).not.toBe(ZSHRC);
		run.write("y"); // no Enter: one key answers
		await run.waitForText("does not revoke");
		expect(run.screen()).toContain("Remove these? y/N yes");
		expect(await run.exited).toBe(0);
		expect(readFileSync(join(sandbox.home, ".zshrc"), "utf8")).toBe(ZSHRC);
		expectNoLeak(run.output());
	});

	it("remove --plain asks the same question and reads the answer as a typed word", async () => {
		const sandbox = await afterFirstRun();
		const run = runInTerminal(["remove", "--plain"], sandbox);
		await run.waitForText("Remove these? y/N");
		// A word on its own line, echoed as typed (one-key mode would answer "yes" at the Y).
		run.write("Ye");
		await run.waitForText("Remove these? y/N Ye");
		expect(readFileSync(join(sandbox.home, ".zshrc"), "utf8")).not.toBe(ZSHRC);
		run.write(`s${KEYS.enter}`);
		await run.waitForText("does not revoke");
		expect(await run.exited).toBe(0);
		expect(readFileSync(join(sandbox.home, ".zshrc"), "utf8")).toBe(ZSHRC);
	});

	it.each([
		{ name: "n", keys: "n" },
		{ name: "Enter (the default is no)", keys: KEYS.enter },
		{ name: "Ctrl-C", keys: KEYS.ctrlC },
		{ name: "Esc", keys: KEYS.escape },
		{ name: "an arrow key, then n", keys: `${KEYS.down}n` },
	])(
		"remove's question answered by $name: nothing changes (130), and the terminal's mode is put back",
		async (row) => {
			const sandbox = await afterFirstRun();
			const before = snapshot(sandbox);
			// stty -g before and after, in the same terminal: raw mode must not outlive the question.
			// The pty's exit can come before its last output: wait for a marker printed after all.
			const script = `stty -g; "${process.execPath}" "${CLI_PATH}" remove; echo "exit=$?"; stty -g; echo run-ended`;
			const terminal = openTerminal("bash", ["--norc", "--noprofile", "-c", script], {
				env: sandbox.env,
				cwd: sandbox.project,
			});
			await terminal.seen("Remove these? y/N");
			terminal.write(row.keys);
			await terminal.seen("run-ended");
			expect(await terminal.exited).toBe(0);
			const screen = terminal.screen();
			expect(screen).toContain("Remove these? y/N no");
			expect(screen).toContain("Cancelled. Nothing was changed.");
			expect(screen).toContain("exit=130");
			const modes = terminal.output().match(/^[0-9a-f]+(?::[0-9a-f]+){4,}\r?$/gm) ?? [];
			expect(modes).toHaveLength(2);
			expect(modes[1]).toBe(modes[0]);
			expect(snapshot(sandbox)).toEqual(before);
			expectNoLeak(terminal.output());
		},
	);

	it.each([
		{ choice: "Keep it and test it", moves: KEYS.down, expected: /Claude replied in \d+ ms/ },
		{ choice: "Quit", moves: KEYS.down + KEYS.down, expected: "Nothing was written." },
	])("the wizard offers replace / keep / quit for a saved key: $choice exits 0", async (row) => {
		const sandbox = await afterFirstRun();
		const before = snapshot(sandbox);
		const run = runInTerminal([], sandbox);
		const screen = await run.waitForText("Quit");
		expect(screen).toContain("An Anthropic API key is already set:");
		expect(screen).toContain("Replace it with a new key");
		expect(screen).toContain("Keep it and test it");
		run.write(row.moves);
		await run.waitForText(`❯ ${row.choice}`);
		run.write(KEYS.enter);
		await run.waitForText(row.expected);
		expect(await run.exited).toBe(0);
		expect(snapshot(sandbox)).toEqual(before);
		expectNoLeak(run.output());
	});
});
