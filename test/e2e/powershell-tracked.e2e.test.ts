// pwsh's profile in a dotfiles repository (~/.config under git), the built CLI in a real
// pseudo-terminal with the real git and pwsh 7.6: the wizard warns and keeps the key in a private
// env.ps1; the committed profile keeps every byte and only gains the block that dot-sources it
// (`git diff` shows that block and no key); a fresh pwsh reads the key; a rotation changes only
// env.ps1; `remove` gives the profile back byte for byte and deletes env.ps1.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROTATED_KEY, ROTATED_SECRET } from "../helpers/app-steps.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { PWSH, runPwsh, withPwshWrapper } from "../helpers/real-pwsh.js";
import { git, makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { KEYS, runCli, runInTerminal } from "../helpers/terminal.js";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY, ROTATED_KEY] });
});
afterAll(() => api.close());

const PROFILE = "~/.config/powershell/profile.ps1";
// As Windows PowerShell's editors save it: UTF-8 with a BOM, CRLF, non-ASCII.
const COMMITTED = Buffer.concat([
	Buffer.from([0xef, 0xbb, 0xbf]),
	Buffer.from("# Zoë's dotfiles — ✓\r\nSet-Alias ll Get-ChildItem\r\n", "utf8"),
]);
const BLOCK = [
	"#region claude-setup",
	"# Added by claude-setup: loads your API key from a private file outside this repository. Delete this block to stop.",
	"& { $keyFile = Join-Path $HOME '.local/state/claude-setup/env.ps1'; if (Test-Path -LiteralPath $keyFile) { . $keyFile } }",
	"#endregion claude-setup",
];

/** $env:ANTHROPIC_API_KEY in a brand-new pwsh (profile loaded) of the sandbox. */
async function freshPwsh(sandbox: Sandbox): Promise<string> {
	const script = "[Console]::Out.Write('<<' + $env:ANTHROPIC_API_KEY + '>>')";
	const result = await runPwsh(["-NoLogo", "-NonInteractive", "-Command", script], { env: sandbox.env });
	expect(result.code, result.stderr).toBe(0);
	expect(result.stderr).toBe("");
	return /<<(.*)>>/.exec(result.stdout)?.[1] ?? "";
}

describe("a pwsh profile under version control, end to end", { timeout: 120_000 }, () => {
	it("private env.ps1, the profile as committed plus the block, rotation, remove", async () => {
		const made = makeSandbox({ shell: "bash", baseURL: api.url });
		const { env, wrapper } = withPwshWrapper(made.env, made.root);
		const sandbox: Sandbox = { ...made, env };
		const config = join(sandbox.home, ".config");
		const profile = join(config, "powershell", "profile.ps1");
		const envPs1 = join(sandbox.home, ".local/state/claude-setup/env.ps1");
		mkdirSync(join(config, "powershell"), { recursive: true });
		writeFileSync(profile, COMMITTED);
		git(config, sandbox.env, "init", "-q");
		git(config, sandbox.env, "add", "powershell/profile.ps1");
		git(config, sandbox.env, "commit", "-q", "-m", "dotfiles");

		// The wizard: warned, the private file preselected.
		const run = runInTerminal(["--target", "powershell"], { env: sandbox.env, cwd: sandbox.project });
		try {
			await run.waitForText("Paste your Anthropic API key", 20_000);
			run.write(TEST_KEY);
			await run.waitForText("Looks like an API key");
			run.write(KEYS.enter);
			const question = await run.waitForText("Where should the key itself go?", 20_000);
			expect(question).toContain(`${PROFILE} is inside the git repository ~/.config (tracked)`);
			expect(question).toContain(`❯ Keep the key in a private file that ${PROFILE} loads`);
			run.write(KEYS.enter);
			await run.waitForText("Write these changes?", 20_000);
			run.write(KEYS.enter);
			await run.waitForText(`A fresh PowerShell 7 reads the key from ${PROFILE}`, 30_000);
			await run.waitForText("All set.");
			expect(await run.exited).toBe(0);
			expect(run.output()).not.toContain(SECRET_PART);
		} finally {
			run.kill();
		}

		// The committed bytes, then the block in the file's CRLF; git sees only that block.
		const written = readFileSync(profile);
		expect(written.equals(Buffer.concat([COMMITTED, Buffer.from(`${BLOCK.join("\r\n")}\r\n`)]))).toBe(true);
		const diff = git(config, sandbox.env, "diff", "--no-color");
		expect(diff).not.toContain(SECRET_PART);
		const changed = diff.split("\n").filter((line) => /^[+-](?![+-]{2} )/.test(line));
		expect(changed).toEqual(BLOCK.map((line) => `+${line}\r`));
		expect(git(config, sandbox.env, "status", "--porcelain", "--untracked-files=all")).toBe(
			" M powershell/profile.ps1\n",
		);
		expect(statSync(envPs1).mode & 0o777).toBe(0o600);
		expect((await freshPwsh(sandbox)) === TEST_KEY).toBe(true);

		// Rotation: only env.ps1 changes.
		const rotated = await runCli(sandbox, ["--key-stdin", "--target", "powershell", "--json"], ROTATED_KEY);
		expect(rotated.exitCode, rotated.stdout + rotated.stderr).toBe(0);
		expect(rotated.stdout + rotated.stderr).not.toContain(ROTATED_SECRET);
		expect(readFileSync(profile).equals(written)).toBe(true);
		expect(readFileSync(envPs1, "utf8")).not.toContain(SECRET_PART);
		expect((await freshPwsh(sandbox)) === ROTATED_KEY).toBe(true);

		// status: the key is in env.ps1 (claude-setup's), and that is what a new pwsh gets.
		const status = await runCli(sandbox, ["status", "--json", "--no-verify"], "", {
			SHELL: PWSH,
			ANTHROPIC_API_KEY: ROTATED_KEY,
		});
		expect(status.stdout).not.toContain(ROTATED_SECRET);
		const report = JSON.parse(status.stdout) as {
			findings: { where: string; managed: boolean; wins: boolean }[];
			newTerminal: { shell: string };
		};
		expect(report.findings.filter((finding) => finding.where !== "this terminal")).toEqual([
			expect.objectContaining({
				where: "~/.local/state/claude-setup/env.ps1 line 3",
				managed: true,
				wins: true,
			}),
		]);
		expect(report.newTerminal).toMatchObject({ shell: "PowerShell" });
		expect(status.exitCode, status.stdout).toBe(0);

		// remove: the profile as committed, env.ps1 gone, the repository clean.
		const removed = await runCli(sandbox, ["remove", "--yes"]);
		expect(removed.exitCode, removed.stdout).toBe(0);
		expect(removed.stdout).toContain("~/.local/state/claude-setup/env.ps1");
		expect(readFileSync(profile).equals(COMMITTED)).toBe(true);
		expect(existsSync(envPs1)).toBe(false);
		expect(git(config, sandbox.env, "status", "--porcelain", "--untracked-files=all")).toBe("");
		expect(await freshPwsh(sandbox)).toBe("");

		// pwsh got the key on stdin or read it from the files, never in an argument.
		const calls = wrapper.calls();
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) {
			expect(JSON.stringify(call)).not.toContain(SECRET_PART);
			expect(JSON.stringify(call)).not.toContain(ROTATED_SECRET);
		}
	});
});
