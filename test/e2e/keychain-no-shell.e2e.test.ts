// The keychain with no shell block (--no-shell) over a clear-text block of an earlier run, with
// the built CLI and the real parts: a real Secret Service, real zsh, bash and fish. The earlier
// block is taken out (every other byte kept), a new terminal gets no key, `run` gives it to one
// command, `status` says so, no file under HOME holds the new key, and `remove` still works.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { filesUnder, keychainSandbox } from "../helpers/keychain-sandbox.js";
import { readBack, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import type { SecretService } from "../helpers/secret-service.js";
import { runCli } from "../helpers/terminal.js";

const OLD_SECRET = "E2eOldClearTextKeyPart";
const OLD_KEY = `sk-ant-api03-${OLD_SECRET}${"o".repeat(89 - OLD_SECRET.length)}OlDkAA`;

let api: FakeAnthropic;
const keyrings: SecretService[] = [];
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY, OLD_KEY] });
});
afterAll(() => {
	for (const keyring of keyrings) keyring.stop();
	api.close();
});

/** What `claude-setup run` gives one command: the last six characters of its key, and its exit code. */
async function keyTail(sandbox: Sandbox) {
	const ran = await runCli(sandbox, ["run", "--", "sh", "-c", 'printf %s "$ANTHROPIC_API_KEY" | tail -c 6']);
	return { stdout: ran.stdout, exitCode: ran.exitCode };
}

/** The person's own startup file and the file claude-setup's block went in, per shell. */
const SHELLS: Record<
	"zsh" | "bash" | "fish",
	{ mine: string; mineText: string; ours: string; shown: string }
> = {
	// No final newline: kept as it is.
	zsh: {
		mine: ".zshrc",
		mineText: "# my zshrc\nalias ll='ls -l'\nexport EDITOR=vim",
		ours: ".zshrc",
		shown: "~/.zshrc",
	},
	bash: {
		mine: ".bashrc",
		mineText: "# ~/.bashrc\r\nexport EDITOR=vim\r\n",
		ours: ".bashrc",
		shown: "~/.bashrc",
	},
	fish: {
		mine: ".config/fish/config.fish",
		mineText: "set -gx EDITOR vim\n",
		ours: ".config/fish/conf.d/claude-setup.fish",
		shown: "~/.config/fish/conf.d/claude-setup.fish",
	},
};

describe("--target keychain --no-shell over an earlier clear-text block", { timeout: 180_000 }, () => {
	it.each(["zsh", "bash", "fish"] as const)(
		"%s: the block is taken out, new terminals get no key, run does; status, remove",
		async (shell) => {
			const { mine, mineText, ours, shown } = SHELLS[shell];
			const sandbox = keychainSandbox(api.url, shell, keyrings);
			const minePath = join(sandbox.home, mine);
			mkdirSync(dirname(minePath), { recursive: true });
			writeFileSync(minePath, mineText);
			const first = await runCli(sandbox, ["--key-stdin", "--target", shell], OLD_KEY);
			expect(first.exitCode, first.stdout + first.stderr).toBe(0);
			expect(readFileSync(join(sandbox.home, ours), "utf8")).toContain(OLD_SECRET);
			expect(readBack(shell, sandbox)).toBe(OLD_KEY);

			const saved = await runCli(sandbox, ["--key-stdin", "--target", "keychain", "--no-shell"], TEST_KEY);
			const said = saved.stdout + saved.stderr;
			expect(said).not.toContain(SECRET_PART);
			expect(said).not.toContain(OLD_SECRET);
			expect(saved.exitCode, said).toBe(0);
			const verb =
				shell === "fish"
					? `Delete ${shown} \\(claude-setup created it.*\\)`
					: `Remove the claude-setup block from ${shown}`;
			expect(said).toMatch(new RegExp(`• ${verb}: new terminals stop loading the key`));
			expect(said).toMatch(/Secret Service .* gives the key back/);
			expect(said).not.toMatch(/A fresh (zsh|bash|fish) reads the key/);
			expect(said).toContain(
				"New terminals do not load the key: `claude-setup run -- <command>` runs one command with it.",
			);
			expect(said).not.toMatch(/Use it now/);
			// Claude Code reads it through its apiKeyHelper: no word about .env files.
			expect(said).not.toContain(".env");

			// Only our block went: the person's file is byte for byte what they wrote.
			expect(readFileSync(minePath, "latin1")).toBe(mineText);
			if (ours !== mine) expect(existsSync(join(sandbox.home, ours))).toBe(false);
			// A new terminal gets no key at all (the old one went with the block).
			expect(readBack(shell, sandbox)).toBe("");
			if (shell === "zsh") {
				const echoed = execFileSync("zsh", ["-i", "-c", `echo \${ANTHROPIC_API_KEY:-none}`], {
					env: sandbox.env,
					cwd: sandbox.project,
					encoding: "utf8",
					stdio: ["ignore", "pipe", "ignore"],
				});
				expect(echoed.trim()).toBe("none");
			}
			// run gives the new key to one command (its last six characters, never the whole key).
			expect(await keyTail(sandbox)).toEqual({ stdout: "ZyXwAA", exitCode: 0 });

			// No file under HOME holds the new key in clear; the old key only in claude-setup's backups.
			for (const file of filesUnder(sandbox.home)) {
				const text = readFileSync(file, "latin1");
				expect(text, file).not.toContain(SECRET_PART);
				if (!file.includes(join(".local", "state", "claude-setup", "backups")))
					expect(text, file).not.toContain(OLD_SECRET);
			}
			// The record no longer names the file whose block went.
			const manifest = readFileSync(join(sandbox.home, ".local/state/claude-setup/written.json"), "utf8");
			expect(manifest).not.toContain(join(sandbox.home, ours));

			const status = await runCli(sandbox, ["status"]);
			expect(status.stdout).not.toContain(SECRET_PART);
			expect(status.stdout).toMatch(
				/Keychain: the Secret Service .* holds ANTHROPIC_API_KEY sk-ant-api03-…XwAA/,
			);
			expect(status.stdout).toContain(
				"No shell block: `claude-setup run -- <command>` gives a command the key",
			);
			expect(status.stdout).not.toMatch(/New terminals load it/);
			// No key in a new terminal is the person's choice here, not a problem; the keychain's key is checked.
			expect(status.stdout).toMatch(
				/A new \w+ terminal gets: nothing \(by choice: the keychain gives the key only on request\)/,
			);
			expect(status.stdout).not.toMatch(/gets no ANTHROPIC_API_KEY/);
			expect(status.stdout).toContain("✓ The API accepts the key in the keychain.");
			expect(status.stdout.trim().split("\n").at(-1)).toBe("All good.");
			expect(status.exitCode, status.stdout).toBe(0);

			const removed = await runCli(sandbox, ["remove", "--yes"]);
			expect(removed.exitCode, removed.stdout + removed.stderr).toBe(0);
			expect(removed.stdout).toMatch(/Deleted ANTHROPIC_API_KEY from the Secret Service/);
			expect(readFileSync(minePath, "latin1")).toBe(mineText);
			expect((await runCli(sandbox, ["run", "--", "true"])).exitCode).toBe(2);
			expect(readBack(shell, sandbox)).toBe("");
		},
	);

	it("the same key moved from ~/.zshrc into the keychain: with --purge-old no file under HOME holds it", async () => {
		const sandbox = keychainSandbox(api.url, "zsh", keyrings);
		const zshrc = join(sandbox.home, ".zshrc");
		writeFileSync(zshrc, "# my zshrc\n");
		expect((await runCli(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY)).exitCode).toBe(0);
		const moved = await runCli(
			sandbox,
			["--key-stdin", "--target", "keychain", "--no-shell", "--purge-old"],
			TEST_KEY,
		);
		const said = moved.stdout + moved.stderr;
		expect(said).not.toContain(SECRET_PART);
		expect(moved.exitCode, said).toBe(0);
		expect(said).toContain("✓ Deleted this key (in clear text) from 1 backup; backups without it are kept.");
		expect(readFileSync(zshrc, "utf8")).toBe("# my zshrc\n");
		for (const file of filesUnder(sandbox.home))
			expect(readFileSync(file, "latin1"), file).not.toContain(SECRET_PART);
		expect(await keyTail(sandbox)).toEqual({ stdout: "ZyXwAA", exitCode: 0 });
	});
});
