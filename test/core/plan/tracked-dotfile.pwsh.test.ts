// pwsh's profile under version control (~/.config in a git repo), with real git and the real
// pwsh 7.6 in a temp HOME: the plan puts the key in claude-setup's private env.ps1 (0600) and
// only a block that dot-sources it in the profile; --key-stdin does so on its own; rotation
// changes only env.ps1; remove gives the profile back byte for byte and deletes env.ps1.
import { execFileSync } from "node:child_process";
import { lstat, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planChanges } from "../../../source/core/plan/plan.js";
import { runRemove } from "../../../source/core/status/command.js";
import type { System } from "../../../source/core/system.js";
import { withPwshOnPath } from "../../helpers/real-pwsh.js";
import { git as gitIn } from "../../helpers/sandbox.js";
import { removeTempSystems, type TempSystem, testKey } from "../../helpers/temp-system.js";
import { KEY, runIn, SECRET, sandboxFor } from "../flow/headless-harness.js";

// The CLI under test finds pwsh on PATH, as a person's shell would: the real one, wherever it is installed.
process.env.PATH = withPwshOnPath({ PATH: process.env.PATH ?? "" }).PATH;

afterAll(removeTempSystems);

const ROTATED_SECRET = "TrackedPwshRotation";
const ROTATED = testKey(ROTATED_SECRET, "RoPs");
const secrets = [SECRET, ROTATED_SECRET];
const ORIGINAL = "# my pwsh profile, in my dotfiles\r\nSet-Alias ll Get-ChildItem\r\n";
const SOURCING =
	"& { $keyFile = Join-Path $HOME '.local/state/claude-setup/env.ps1'; if (Test-Path -LiteralPath $keyFile) { . $keyFile } }";

const git = (cwd: string, ...args: string[]) =>
	gitIn(cwd, { PATH: process.env.PATH ?? "/usr/bin:/bin", GIT_CONFIG_NOSYSTEM: "1", HOME: cwd }, ...args);

/** A sandbox whose ~/.config is a git repository with pwsh's profile committed. */
async function trackedProfile(): Promise<TempSystem & { profile: string; envPs1: string; config: string }> {
	const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "bash" });
	const config = path.join(sandbox.home, ".config");
	const profile = path.join(config, "powershell", "profile.ps1");
	await mkdir(path.dirname(profile), { recursive: true });
	await writeFile(profile, ORIGINAL);
	git(config, "init", "-q");
	git(config, "add", "--", "powershell/profile.ps1");
	git(config, "commit", "-q", "-m", "dotfiles");
	const envPs1 = path.join(sandbox.home, ".local/state/claude-setup/env.ps1");
	return { ...sandbox, profile, envPs1, config };
}

/** What a brand-new pwsh of the sandbox (profile loaded) has in $env:ANTHROPIC_API_KEY. */
function freshPwsh(system: System): string {
	const env = { ...system.env, ANTHROPIC_API_KEY: undefined };
	const script = "[Console]::Out.Write('<<' + $env:ANTHROPIC_API_KEY + '>>')";
	const output = execFileSync("pwsh", ["-NoLogo", "-NonInteractive", "-Command", script], {
		env,
		encoding: "utf8",
		stdio: ["ignore", "pipe", "ignore"],
	});
	return /<<(.*)>>/.exec(output)?.[1] ?? "";
}

async function removeAll(system: System): Promise<string> {
	const lines: string[] = [];
	const code = await runRemove(
		system,
		{ targets: [], dryRun: false, confirm: async () => true },
		{ print: (line) => lines.push(line), json: false, parentPid: process.pid },
	);
	expect(code).toBe(0);
	return lines.join("\n");
}

// Each plan of a profile also asks pwsh's parser (parse/): a few more pwsh starts than before.
describe("pwsh's profile under version control", { timeout: 180_000 }, () => {
	it("the plan: env.ps1 holds the key, the profile's block only dot-sources it; false writes the key inline", async () => {
		const { system, profile, envPs1 } = await trackedProfile();
		const input = {
			targets: ["powershell" as const],
			variable: "ANTHROPIC_API_KEY",
			key: KEY,
			detected: {
				os: "linux" as const,
				shell: "bash" as const,
				shellSource: "SHELL" as const,
				home: system.homeDir,
			},
		};
		const asked = await planChanges(system, input);
		if (!asked.ok) throw new Error(asked.message);
		expect(asked.plan.trackedDotfiles).toEqual([
			expect.objectContaining({ path: profile, via: "work-tree", repository: "~/.config", private: false }),
		]);

		const planned = await planChanges(system, { ...input, privateFile: true });
		if (!planned.ok) throw new Error(planned.message);
		const { changes, trackedDotfiles } = planned.plan;
		expect(trackedDotfiles).toEqual([expect.objectContaining({ path: profile, private: true })]);
		expect(changes.map((change) => [change.display, change.action, change.supporting === true])).toEqual([
			["~/.local/state/claude-setup/.gitignore", "create", true],
			["~/.local/state/claude-setup/env.ps1", "create", true],
			["~/.config/powershell/profile.ps1", "inserted", false],
		]);
		const [, keyFile, startup] = changes;
		expect(keyFile?.file.path).toBe(envPs1);
		expect(keyFile?.keyFileFor).toEqual(["~/.config/powershell/profile.ps1"]);
		expect(keyFile?.after).toContain(`$env:ANTHROPIC_API_KEY = '${KEY}'`);
		// The profile keeps its CRLF bytes, then the block in CRLF; no key in it.
		expect(startup?.after).toBe(
			`${ORIGINAL}#region claude-setup\r\n# Added by claude-setup: loads your API key from a private file outside this repository. Delete this block to stop.\r\n${SOURCING}\r\n#endregion claude-setup\r\n`,
		);
		expect(startup?.file.host).toBe("pwsh");

		const inline = await planChanges(system, { ...input, privateFile: false });
		if (!inline.ok) throw new Error(inline.message);
		expect(inline.plan.changes.map((change) => change.display)).toEqual(["~/.config/powershell/profile.ps1"]);
		expect(inline.plan.changes[0]?.after).toContain(`$env:ANTHROPIC_API_KEY = '${KEY}'`);
	});

	it("--key-stdin: says why, a fresh pwsh reads the key, git sees no key; rotation and remove", async () => {
		const sandbox = await trackedProfile();
		const { system, profile, envPs1, config } = sandbox;
		const first = await runIn(sandbox, KEY, { targets: ["powershell"], verify: false }, secrets);
		expect(first.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(first.text).toContain(
			"• A target file is under version control: the key goes in a private file it loads.",
		);
		expect(first.text).toContain(
			"~/.config/powershell/profile.ps1 is inside the git repository ~/.config (tracked)",
		);
		expect(first.report.trackedDotfiles).toEqual([
			{ path: profile, via: "work-tree", repository: "~/.config", private: true },
		]);
		expect(first.report.proofs).toEqual([
			{
				display: "~/.config/powershell/profile.ps1",
				target: "powershell",
				ok: true,
				detail: "A fresh PowerShell 7 reads the key from ~/.config/powershell/profile.ps1",
			},
		]);
		const written = await readFile(profile);
		expect(written.subarray(0, ORIGINAL.length).toString()).toBe(ORIGINAL);
		expect(written.toString()).toContain(SOURCING);
		expect((await stat(envPs1)).mode & 0o777).toBe(0o600);
		expect(git(config, "diff")).not.toContain(SECRET);
		expect(git(config, "diff")).toContain(`+${SOURCING}`);
		expect(freshPwsh(system) === KEY).toBe(true);

		// Rotation: only env.ps1 changes.
		const second = await runIn(sandbox, ROTATED, { targets: ["powershell"], verify: false }, secrets);
		expect(second.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(second.text).not.toContain("is also set in");
		expect(second.report).toMatchObject({
			files: [
				{ path: envPs1, action: "replaced" },
				{ path: profile, action: "unchanged" },
			],
		});
		expect((await readFile(profile)).equals(written)).toBe(true);
		expect(await readFile(envPs1, "utf8")).not.toContain(KEY);
		expect(freshPwsh(system) === ROTATED).toBe(true);

		const removed = await removeAll(system);
		expect(removed).toContain("delete ~/.local/state/claude-setup/env.ps1");
		expect((await readFile(profile)).toString()).toBe(ORIGINAL);
		await expect(lstat(envPs1)).rejects.toThrow();
		expect(git(config, "status", "--porcelain")).toBe("");
		expect(freshPwsh(system)).toBe("");
	});
});
