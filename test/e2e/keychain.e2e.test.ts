// The keychain target end to end, with the built CLI and the real parts: a real Secret Service
// (dbus-daemon + gnome-keyring-daemon, started here, its keyring files in the sandbox's HOME),
// real zsh, bash and fish, the real Claude Code reading the key through apiKeyHelper from the
// fake API's point of view, `run`, `status` and `remove`. No file under HOME may hold the key in
// clear; no process may get it in its arguments.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeOnPath } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { filesUnder, keychainSandbox as keychainSandboxWith } from "../helpers/keychain-sandbox.js";
import { makeSandbox, readBack, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { noBus, type SecretService } from "../helpers/secret-service.js";
import { runCli } from "../helpers/terminal.js";

let api: FakeAnthropic;
const keyrings: SecretService[] = [];
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY], keyNames: { [TEST_KEY]: "saved key" } });
});
afterAll(() => {
	for (const keyring of keyrings) keyring.stop();
	api.close();
});

/** A sandbox whose session has a real, unlocked Secret Service; secret-tool's argv is logged. */
const keychainSandbox = (shell: string) => keychainSandboxWith(api.url, shell, keyrings);

function claudeDirect(sandbox: Sandbox): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			"sh",
			["-c", "claude -p 'Say hello' </dev/null"],
			{ cwd: sandbox.project, env: { ...sandbox.env, ...claudeOnPath(sandbox) }, timeout: 60_000 },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code) || 1 : 0, stdout: stdout.trim(), stderr: stderr.trim() }),
		);
	});
}

describe("--target keychain with the real Secret Service", { timeout: 120_000 }, () => {
	it.each(["zsh", "bash", "fish"])(
		"%s: saved, proven, no file holds it, Claude Code and a new terminal get it; status, run and remove know it",
		async (shell) => {
			const sandbox = keychainSandbox(shell);
			const saved = await runCli(sandbox, ["--key-stdin", "--target", "keychain"], TEST_KEY);
			const said = saved.stdout + saved.stderr;
			expect(said).not.toContain(SECRET_PART);
			expect(saved.exitCode, said).toBe(0);
			expect(said).toMatch(/• Save ANTHROPIC_API_KEY in the Secret Service/);
			expect(said).toMatch(/Secret Service .* gives the key back/);
			expect(said).toMatch(/apiKeyHelper .* reads the key from the keychain/);
			expect(said).toMatch(new RegExp(`A fresh ${shell} reads the key`));
			// No file under HOME holds the key in clear (the keyring's own file is encrypted).
			for (const file of filesUnder(sandbox.home))
				expect(readFileSync(file, "latin1"), file).not.toContain(SECRET_PART);
			// Never in an argument of any secret-tool call.
			const argv = readFileSync(sandbox.argvLog, "utf8");
			expect(argv).toContain("lookup service claude-setup account ANTHROPIC_API_KEY");
			expect(argv).not.toContain(SECRET_PART);
			// A new terminal gets it.
			expect(readBack(shell, sandbox)).toBe(TEST_KEY);
			// Claude Code, started without the variable, reads it through apiKeyHelper.
			const before = api.requests.length;
			const claude = await claudeDirect(sandbox);
			expect(claude.stdout + claude.stderr).not.toContain(SECRET_PART);
			expect(claude.code, claude.stderr).toBe(0);
			const sent = api.requests.slice(before).filter((request) => request.path === "/v1/messages");
			expect(sent.length).toBeGreaterThan(0);
			for (const request of sent) expect(request.credentials["x-api-key"]).toBe("saved key");

			// As from a new terminal, which has the key.
			const status = await runCli(sandbox, ["status"], "", { ANTHROPIC_API_KEY: TEST_KEY });
			expect(status.stdout).not.toContain(SECRET_PART);
			expect(status.stdout).toMatch(
				/Keychain: the Secret Service .* answers, unlocked, holds ANTHROPIC_API_KEY sk-ant-api03-…XwAA/,
			);
			expect(status.stdout).toMatch(/✓ Claude Code's apiKeyHelper \(~\/\.claude\/settings\.json\) reads it/);
			expect(status.stdout).toMatch(/✓ New terminals load it: ~\//);
			expect(status.stdout).not.toContain("$__");
			expect(status.exitCode, status.stdout).toBe(0);

			// run: the key in that one command's environment, its exit code passed through.
			const length = await runCli(sandbox, [
				"run",
				"--",
				"sh",
				"-c",
				'printf %s "$ANTHROPIC_API_KEY" | wc -c; exit 7',
			]);
			expect(length.stdout.trim()).toBe(String(TEST_KEY.length));
			expect(length.exitCode).toBe(7);

			const removed = await runCli(sandbox, ["remove", "--yes"]);
			expect(removed.exitCode, removed.stdout + removed.stderr).toBe(0);
			expect(removed.stdout).toMatch(/Deleted ANTHROPIC_API_KEY from the Secret Service/);
			const lookup = await runCli(sandbox, ["run", "--", "true"]);
			expect(lookup.exitCode).toBe(2);
			expect(readBack(shell, sandbox)).toBe("");
			expect(filesUnder(sandbox.home).some((file) => file.endsWith(join(".claude", "settings.json")))).toBe(
				false,
			);
		},
	);

	it("a locked keyring: a new terminal says so in one line and starts; status names it; remove changes nothing", async () => {
		const sandbox = keychainSandbox("bash");
		const saved = await runCli(sandbox, ["--key-stdin", "--target", "keychain", "--no-verify"], TEST_KEY);
		expect(saved.exitCode, saved.stdout + saved.stderr).toBe(0);
		const keyring = keyrings.at(-1);
		keyring?.lock();
		try {
			const started = performance.now();
			const shell = spawnSync("bash", ["-ic", 'printf "<<%s>>" "$ANTHROPIC_API_KEY"'], {
				env: sandbox.env,
				encoding: "utf8",
			});
			expect(performance.now() - started).toBeLessThan(2000);
			expect(shell.stdout).toContain("<<>>");
			const ours = shell.stderr.split("\n").filter((line) => line.includes("claude-setup"));
			expect(ours).toEqual([
				"claude-setup: ANTHROPIC_API_KEY not loaded: the keychain is locked or did not answer (claude-setup status says more)",
			]);
			const status = await runCli(sandbox, ["status", "--no-verify"]);
			expect(status.stdout).toMatch(/Keychain: the Secret Service .* cannot be read: the keyring is locked/);
			expect(status.exitCode).toBe(7);
			const bashrc = readFileSync(join(sandbox.home, ".bashrc"), "utf8");
			const removed = await runCli(sandbox, ["remove", "--yes"]);
			expect(removed.exitCode).toBe(6);
			expect(removed.stdout).toMatch(
				/Could not reach the keychain to delete the key: the keyring is locked.*Nothing was changed/,
			);
			expect(readFileSync(join(sandbox.home, ".bashrc"), "utf8")).toBe(bashrc);
		} finally {
			keyring?.unlock();
		}
	});

	it("run passes SIGTERM on and exits with the command's code", async () => {
		const sandbox = keychainSandbox("bash");
		await runCli(sandbox, ["--key-stdin", "--target", "keychain", "--no-shell", "--no-verify"], TEST_KEY);
		const ready = join(sandbox.root, "ready");
		const child = runCli(sandbox, [
			"run",
			"--",
			"sh",
			"-c",
			`trap 'exit 42' TERM; touch '${ready}'; while :; do sleep 0.05; done`,
		]);
		await expect.poll(() => existsSync(ready), { timeout: 20_000 }).toBe(true);
		child.kill("SIGTERM");
		const ended = await child;
		expect(ended.exitCode).toBe(42);
		// --no-shell: no startup file was written.
		expect(existsSync(join(sandbox.home, ".bashrc"))).toBe(false);
	});

	it("no session bus: not offered, exit 2 with the reason in one line, nothing written", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const place = noBus();
		try {
			Object.assign(sandbox.env, { XDG_RUNTIME_DIR: place.env.XDG_RUNTIME_DIR });
			const saved = await runCli(sandbox, ["--key-stdin", "--target", "keychain"], TEST_KEY);
			expect(saved.exitCode).toBe(2);
			expect(saved.stdout + saved.stderr).toMatch(/keychain cannot be used here\. There is no session bus/);
			expect(filesUnder(sandbox.home)).toEqual([]);
		} finally {
			place.stop();
		}
	});
});
