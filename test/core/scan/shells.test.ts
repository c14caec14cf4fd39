import { execFileSync } from "node:child_process";
import { symlink } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempSystem, removeTempSystems } from "../../helpers/temp-system.js";
import { KEY, MASKED_KEY, MASKED_OLD, OLD_KEY, scan, summary, writeFiles } from "./scan-fixtures.js";

afterAll(removeTempSystems);

const A = "ANTHROPIC_API_KEY";

describe("scanEverywhere: this process", () => {
	it("lists every setting variable present, empty ones included, and nothing else", async () => {
		const { system } = await makeTempSystem({
			env: { [A]: KEY, ANTHROPIC_AUTH_TOKEN: "", CLAUDE_CODE_USE_BEDROCK: "1", OPENAI_API_KEY: "sk-x" },
		});
		expect(summary(await scan(system))).toEqual([
			`process  ${A} ${MASKED_KEY} false`,
			"process  ANTHROPIC_AUTH_TOKEN (empty) false",
			"process  CLAUDE_CODE_USE_BEDROCK 1 false",
		]);
	});
});

describe("scanEverywhere: shell startup files", () => {
	it("reads every file of every shell, whatever shell is detected, in startup order", async () => {
		const { system, home } = await makeTempSystem({ shell: "bash" });
		const files: Record<string, string> = {};
		const names = [".zshenv", ".zprofile", ".zshrc", ".zlogin", ".bashrc", ".bash_profile", ".bash_login"];
		for (const name of [...names, ".profile"]) files[name] = `export ${A}=${KEY}\n`;
		files[".config/fish/conf.d/b.fish"] = `set -gx ${A} ${KEY}\n`;
		files[".config/fish/conf.d/a.fish"] = `set -x ${A} ${OLD_KEY}\n`;
		files[".config/fish/conf.d/notes.txt"] = `set -x ${A} ${KEY}\n`;
		files[".config/fish/config.fish"] = `if status is-interactive\n  set -gx ${A} ${KEY}\nend\n`;
		await writeFiles(home, files);
		const result = await scan(system);
		expect(summary(result)).toEqual([
			...[...names, ".profile"].map((name) => `file ~/${name}:1 ${A} ${MASKED_KEY} false`),
			`file ~/.config/fish/conf.d/a.fish:1 ${A} ${MASKED_OLD} false`,
			`file ~/.config/fish/conf.d/b.fish:1 ${A} ${MASKED_KEY} false`,
			`file ~/.config/fish/config.fish:2 ${A} ${MASKED_KEY} false`,
		]);
		const formats = result.findings.map((finding) => finding.source.kind === "file" && finding.source.format);
		expect(formats).toEqual([...Array(4).fill("zsh"), ...Array(4).fill("bash"), ...Array(3).fill("fish")]);
		expect(
			result.findings.every((finding) => finding.kind === "api-key" && finding.problems.length === 0),
		).toBe(true);
		expect(result.scannedFiles).toHaveLength(11);
		expect(result.scannedFiles).not.toContain(path.join(home, ".config/fish/conf.d/notes.txt"));
	});

	it("ignores commented-out lines, reads CRLF files, gives line numbers, marks our block", async () => {
		const { system, home } = await makeTempSystem();
		const zshrc = [
			`# export ${A}=${OLD_KEY}`,
			`export ${A}="${OLD_KEY}"`,
			"# >>> claude-setup >>>",
			`export ${A}=${KEY}`,
			"# <<< claude-setup <<<",
			`  #export ${A}=${KEY}`,
			"",
		].join("\r\n");
		await writeFiles(home, { ".zshrc": zshrc, ".bashrc": `: ${A}=x # ${A}=${KEY}\nexport ${A}=\n` });
		const result = await scan(system);
		expect(summary(result)).toEqual([
			`file ~/.zshrc:2 ${A} ${MASKED_OLD} false`,
			`file ~/.zshrc:4 ${A} ${MASKED_KEY} true`,
			`file ~/.bashrc:2 ${A} (empty) false`,
		]);
		expect(result.findings.map((finding) => finding.problems)).toEqual([[], [], ["empty"]]);
	});

	it("finds every setting variable in one file, in line order", async () => {
		const { system, home } = await makeTempSystem();
		const lines = [
			"export ANTHROPIC_BASE_URL=https://gw.example",
			`CLAUDE_CODE_OAUTH_TOKEN=${KEY}; export CLAUDE_CODE_OAUTH_TOKEN`,
			`declare -x ${A}=' ${KEY}'`,
		];
		await writeFiles(home, { ".bash_profile": `${lines.join("\n")}\n` });
		const result = await scan(system);
		expect(summary(result)).toEqual([
			"file ~/.bash_profile:1 ANTHROPIC_BASE_URL https://gw.example false",
			`file ~/.bash_profile:2 CLAUDE_CODE_OAUTH_TOKEN ${MASKED_KEY} false`,
			`file ~/.bash_profile:3 ${A} ${MASKED_KEY} false`,
		]);
		expect(result.findings.map((finding) => finding.problems)).toEqual([[], ["wrong-kind"], ["whitespace"]]);
	});

	it("reads zsh files from ZDOTDIR, and ~/.zshenv (which may set it)", async () => {
		const { system, home } = await makeTempSystem({ env: {} });
		const zdotdir = path.join(home, ".config", "zsh");
		const zsystem = { ...system, env: { ...system.env, ZDOTDIR: zdotdir } };
		await writeFiles(home, {
			".zshenv": `export ZDOTDIR=$HOME/.config/zsh\nexport ${A}=${OLD_KEY}\n`,
			".zshrc": `export ${A}=${OLD_KEY}\n`,
			".config/zsh/.zshrc": `export ${A}=${KEY}\n`,
			".config/zsh/.zlogin": `typeset -x ${A}=${KEY}\n`,
		});
		expect(summary(await scan(zsystem))).toEqual([
			`file ~/.zshenv:2 ${A} ${MASKED_OLD} false`,
			`file ~/.config/zsh/.zshrc:1 ${A} ${MASKED_KEY} false`,
			`file ~/.config/zsh/.zlogin:1 ${A} ${MASKED_KEY} false`,
		]);
	});

	it("honours XDG_CONFIG_HOME for fish, and skips folders and unreadable files", async () => {
		const { system, root, home } = await makeTempSystem();
		const xdg = path.join(root, "xdg");
		await writeFiles(xdg, { "fish/config.fish/placeholder": "", "fish/conf.d/x.fish/inner.fish": "" });
		await writeFiles(xdg, { "fish/conf.d/k.fish": `set -gx ${A} ${KEY}\n` });
		await writeFiles(home, { ".config/fish/config.fish": `set -gx ${A} ${OLD_KEY}\n`, ".zshrc/inner": "" });
		const result = await scan({ ...system, env: { ...system.env, XDG_CONFIG_HOME: xdg } });
		expect(summary(result)).toEqual([`file ${xdg}/fish/conf.d/k.fish:1 ${A} ${MASKED_KEY} false`]);
		expect(result.scannedFiles).toEqual([path.join(xdg, "fish/conf.d/k.fish")]);
	});
});

describe("scanEverywhere: fish universal variables", () => {
	it("decodes fish's escapes and joins lists as fish exports them", async () => {
		const { system, home } = await makeTempSystem();
		const escaped = KEY.replace(/-/g, "\\x2d");
		const variables = [
			"# This file contains fish universal variable definitions.",
			"# VERSION: 3.0",
			`SETUVAR --export ${A}:${escaped}`,
			"SETUVAR ANTHROPIC_BASE_URL:https\\x3a//gw\\x2eexample/caf\\u00e9",
			"SETUVAR --export CLAUDE_CODE_USE_VERTEX:a\\x1eb",
			"SETUVAR __fish_initialized:3400",
			"",
		].join("\n");
		await writeFiles(home, { ".config/fish/fish_variables": variables });
		const result = await scan(system);
		expect(summary(result)).toEqual([
			`fish-universal ~/.config/fish/fish_variables ${A} ${MASKED_KEY} false`,
			"fish-universal ~/.config/fish/fish_variables ANTHROPIC_BASE_URL https://gw.example/café false",
			"fish-universal ~/.config/fish/fish_variables CLAUDE_CODE_USE_VERTEX a b false",
		]);
		expect(result.findings[0]?.value === KEY).toBe(true);
	});

	it("reads what real fish wrote with set -Ux", async () => {
		const { system, home } = await makeTempSystem();
		const awkward = `${KEY} $é\\"`;
		const run = await system.run("fish", ["-c", `set -Ux ${A} (cat)`], {
			env: { ...system.env, XDG_CONFIG_HOME: path.join(home, ".config") },
			input: `${awkward}\n`,
		});
		expect(run.exitCode).toBe(0);
		const result = await scan(system);
		// Masked as the key inside: quotes dropped, the space and é as "?".
		const masked = "sk-ant-api03-…?$?\\";
		expect(summary(result)).toEqual([`fish-universal ~/.config/fish/fish_variables ${A} ${masked} false`]);
		expect(result.findings[0]?.value === awkward).toBe(true);
	});
});

describe("scanEverywhere: startup files that are not plain files", () => {
	it("skips a FIFO, a link to /dev/zero and a file over the limit, and reads the rest", async () => {
		const { system, home } = await makeTempSystem({ shell: "bash" });
		execFileSync("mkfifo", [path.join(home, ".zshrc")]);
		await symlink("/dev/zero", path.join(home, ".bashrc"));
		await writeFiles(home, {
			".zshenv": `${"#".repeat(5 * 1024 * 1024)}\n`,
			".profile": `export ${A}=${KEY}\n`,
		});
		const started = Date.now();
		const result = await scan(system);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(summary(result)).toEqual([`file ~/.profile:1 ${A} ${MASKED_KEY} false`]);
		expect(result.scannedFiles).toEqual([path.join(home, ".profile")]);
	});
});
