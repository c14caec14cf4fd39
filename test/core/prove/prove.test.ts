import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { maskKey } from "../../../source/core/key/key.js";
import type { FileTargetName } from "../../../source/core/plan/targets.js";
import type { OsKind } from "../../../source/core/platform/platform.js";
import { proveTarget } from "../../../source/core/prove/prove.js";
import type { RunCommand } from "../../../source/core/system.js";
import { runCommand } from "../../../source/system/node-run.js";

const KEY = `sk-ant-api03-${"Zq7".repeat(30)}AbCdEfGh-AA`;
const OTHER = `sk-ant-api03-${"Pw4".repeat(30)}OldOldOl-AA`;
const NAME = "ANTHROPIC_API_KEY";
const homes: string[] = [];
const WRITTEN: Record<FileTargetName, string> = {
	zsh: ".zshrc",
	bash: ".bashrc",
	fish: ".config/fish/conf.d/claude-setup.fish",
	dotenv: ".env",
};

afterAll(async () => {
	await Promise.all(homes.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function homeWith(files: Record<string, string>): Promise<string> {
	const home = await mkdtemp(path.join(os.tmpdir(), "claude-setup-prove-"));
	homes.push(home);
	for (const [name, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(home, name)), { recursive: true });
		await writeFile(path.join(home, name), text);
	}
	return home;
}

/** Runs for real, and records every argument and environment the children got. */
function recordingRun(seen: string[]): RunCommand {
	return async (command, args, options) => {
		seen.push(command, ...args, ...Object.values(options?.env ?? {}).map(String));
		return runCommand(command, args, options);
	};
}

interface Case {
	name: string;
	target: FileTargetName;
	os?: OsKind;
	files: Record<string, string>;
	expect: "ok" | "missing" | "different" | "failed";
	detail?: RegExp;
}

const cases: Case[] = [
	{
		name: "zsh reads an export in .zshrc",
		target: "zsh",
		files: { ".zshrc": `export ${NAME}=${KEY}\n` },
		expect: "ok",
	},
	{
		name: "zsh: .zshrc without it",
		target: "zsh",
		files: { ".zshrc": "alias ll='ls -l'\n" },
		expect: "missing",
		detail: /a new zsh does not see ANTHROPIC_API_KEY: .*~\/\.zshrc isn't read/,
	},
	{
		name: "zsh with no startup files at all",
		target: "zsh",
		files: {},
		expect: "missing",
	},
	{
		name: "bash: a .bashrc with Windows line endings",
		target: "bash",
		files: { ".bashrc": `export ${NAME}='${KEY}'\r\n` },
		expect: "different",
		detail: /carriage return at the end: ~\/\.bashrc has Windows \(CRLF\) line endings.*dos2unix ~\/\.bashrc/,
	},
	{
		name: "zsh: a later line overrides",
		target: "zsh",
		files: { ".zshrc": `export ${NAME}=${KEY}\nexport ${NAME}=${OTHER}\n` },
		expect: "different",
		detail: new RegExp(`a different value \\(${maskKey(OTHER)}\\)`),
	},
	{
		name: "zsh: set but not exported",
		target: "zsh",
		files: { ".zshrc": `${NAME}=${KEY}\n` },
		expect: "missing",
		detail: /does not export it/,
	},
	{
		name: "zsh: empty value",
		target: "zsh",
		files: { ".zshrc": `export ${NAME}=\n` },
		expect: "different",
		detail: /an empty value/,
	},
	{
		name: "zsh honours ZDOTDIR from .zshenv",
		target: "zsh",
		files: {
			".zshenv": 'ZDOTDIR="$HOME/zdot"\n',
			"zdot/.zshrc": `export ${NAME}=${KEY}\n`,
		},
		expect: "ok",
	},
	{
		name: "bash (Linux) with a noisy, Debian-style .bashrc",
		target: "bash",
		os: "linux",
		files: {
			".bashrc": `case $- in *i*) ;; *) return;; esac\necho "Welcome <<not a marker>>"\nPS1='$ '\nexport ${NAME}=${KEY}\necho bye >&2\n`,
		},
		expect: "ok",
	},
	{
		name: "bash (Linux) does not read .bash_profile",
		target: "bash",
		os: "linux",
		files: { ".bash_profile": `export ${NAME}=${KEY}\n` },
		expect: "missing",
	},
	{
		name: "bash (macOS) is a login shell: .bash_profile",
		target: "bash",
		os: "macos",
		files: { ".bash_profile": `echo motd\nexport ${NAME}=${KEY}\n` },
		expect: "ok",
	},
	{
		name: "bash (macOS): .bashrc sourced later overrides",
		target: "bash",
		os: "macos",
		files: {
			".bash_profile": `export ${NAME}=${KEY}\n. ~/.bashrc\n`,
			".bashrc": `export ${NAME}=${OTHER}\n`,
		},
		expect: "different",
		detail: /~\/\.bash_profile/,
	},
	{
		name: "bash: a startup file that exits early, echoing the key",
		target: "bash",
		os: "linux",
		files: { ".bashrc": `echo "oops ${KEY}" >&2\nexit 4\n` },
		expect: "failed",
		detail: new RegExp(`exited \\(code 4\\) before it could report ANTHROPIC_API_KEY: oops ${maskKey(KEY)}$`),
	},
	{
		name: "fish conf.d file",
		target: "fish",
		files: {
			".config/fish/conf.d/claude-setup.fish": `set -gx ${NAME} ${KEY}\n`,
		},
		expect: "ok",
	},
	{
		name: "fish: config.fish overrides conf.d",
		target: "fish",
		files: {
			".config/fish/conf.d/claude-setup.fish": `set -gx ${NAME} ${KEY}\n`,
			".config/fish/config.fish": `set -gx ${NAME} ${OTHER}\n`,
		},
		expect: "different",
		detail: /universal variable/,
	},
	{
		name: "fish: set but not exported",
		target: "fish",
		files: {
			".config/fish/conf.d/claude-setup.fish": `set -g ${NAME} ${KEY}\n`,
		},
		expect: "missing",
		detail: /does not export it.*set -gx/,
	},
	{
		name: "fish without any config",
		target: "fish",
		files: {},
		expect: "missing",
	},
	{
		name: "dotenv read by node --env-file",
		target: "dotenv",
		files: { ".env": `OTHER=1\n${NAME}=${KEY}\n` },
		expect: "ok",
	},
	{
		name: "dotenv without the line",
		target: "dotenv",
		files: { ".env": "OTHER=1\n" },
		expect: "missing",
		detail: /Node's --env-file loader does not see/,
	},
	{
		name: "dotenv with another value",
		target: "dotenv",
		files: { ".env": `${NAME}=${OTHER}\n` },
		expect: "different",
		detail: /is there another ANTHROPIC_API_KEY line in ~\/\.env\?/,
	},
	{
		name: "dotenv file missing",
		target: "dotenv",
		files: {},
		expect: "failed",
		detail: /exited \(code \d+\)/,
	},
];

describe("proveTarget with real shells", () => {
	it.each(cases)("$name → $expect", async (c) => {
		const home = await homeWith(c.files);
		const seen: string[] = [];
		const envFilePath = path.join(home, WRITTEN[c.target]);
		// The variable is in our environment: the proof must not inherit it.
		const baseEnv = { HOME: home, PATH: process.env.PATH, [NAME]: KEY };
		const result = await proveTarget(recordingRun(seen), {
			target: c.target,
			os: c.os ?? "linux",
			variable: NAME,
			expected: KEY,
			baseEnv,
			envFilePath,
			nodePath: process.execPath,
			cwd: home,
			mask: maskKey,
		});
		expect(result.ok ? "ok" : result.reason).toBe(c.expect);
		if (!result.ok) {
			expect(result.detail).not.toContain(KEY);
			expect(result.detail).not.toContain(OTHER);
			if (c.detail) expect(result.detail).toMatch(c.detail);
		}
		expect(seen.join("\n")).not.toContain(KEY);
	});

	it("reports a shell that is not installed", async () => {
		const home = await homeWith({});
		const result = await proveTarget(runCommand, {
			target: "zsh",
			os: "linux",
			variable: NAME,
			expected: KEY,
			baseEnv: { HOME: home, PATH: home },
			mask: maskKey,
		});
		expect(result).toMatchObject({ ok: false, reason: "shell-missing" });
	});

	it("gives up on a startup file that hangs", async () => {
		const home = await homeWith({
			".zshrc": `export ${NAME}=${KEY}\nsleep 30\n`,
		});
		const started = Date.now();
		const result = await proveTarget(runCommand, {
			target: "zsh",
			os: "linux",
			variable: NAME,
			expected: KEY,
			baseEnv: { HOME: home, PATH: process.env.PATH },
			mask: maskKey,
			timeoutMs: 500,
		});
		expect(result).toMatchObject({
			ok: false,
			reason: "failed",
			detail: expect.stringMatching(/did not finish within 1 s/),
		});
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
