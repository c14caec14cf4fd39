// The private key file and the line that sources it, per shell syntax; for pwsh, the real pwsh
// 7.6 runs that line under hostile home folders: it finds the file exactly, leaves no variable
// behind, and says nothing when the file is not there (a checkout on another machine).
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderBlock, renderSourceBlock } from "../../../source/core/edit/block-edit.js";
import {
	canUsePrivateFile,
	type PrivateSyntax,
	privateFilePath,
	privateFilePaths,
	sourceLine,
} from "../../../source/core/plan/private-file.js";
import type { TargetFile } from "../../../source/core/plan/targets.js";
import type { System } from "../../../source/core/system.js";
import { createNodeSystem } from "../../../source/system/node-system.js";
import { runPwsh } from "../../helpers/real-pwsh.js";
import { NO_API, testKey } from "../../helpers/temp-system.js";
import { HOSTILE_HOMES } from "../windows/powershell-hostile.js";

const KEY = testKey("PrivateFileSecret", "PrIv");
const base = createNodeSystem({ api: NO_API });

function systemAt(
	home: string,
	env: Record<string, string> = { HOME: home },
	platform: NodeJS.Platform = "linux",
) {
	return { ...base, platform, homeDir: home, env } satisfies System;
}

const profile = (syntax: TargetFile["syntax"]): TargetFile => ({
	target: "powershell",
	path: "/home/ada/.config/powershell/profile.ps1",
	syntax,
	ownsWholeFile: false,
	label: "profile",
});

describe("the private key file", () => {
	const ada = systemAt("/home/ada");

	it.each([
		[
			"posix",
			"env.sh",
			'[ -f "$HOME/.local/state/claude-setup/env.sh" ] && . "$HOME/.local/state/claude-setup/env.sh"',
		],
		[
			"fish",
			"env.fish",
			'test -f "$HOME/.local/state/claude-setup/env.fish"; and source "$HOME/.local/state/claude-setup/env.fish"',
		],
		[
			"powershell",
			"env.ps1",
			"& { $keyFile = Join-Path $HOME '.local/state/claude-setup/env.ps1'; if (Test-Path -LiteralPath $keyFile) { . $keyFile } }",
		],
	] as const)("%s: %s, sourced by one line that names it below $HOME", (syntax, name, line) => {
		const file = privateFilePath(ada, syntax);
		expect(file).toBe(`/home/ada/.local/state/claude-setup/${name}`);
		expect(sourceLine(syntax, file, ada)).toBe(line);
	});

	it("pwsh: a literal path when HOME is not the home folder, or the state folder is elsewhere", () => {
		const elsewhere = systemAt("/home/o'brien", { HOME: "/root" });
		expect(sourceLine("powershell", privateFilePath(elsewhere, "powershell"), elsewhere)).toBe(
			"& { $keyFile = '/home/o''brien/.local/state/claude-setup/env.ps1'; if (Test-Path -LiteralPath $keyFile) { . $keyFile } }",
		);
		const state = systemAt("/home/ada", { HOME: "/home/ada", XDG_STATE_HOME: "/srv/‘x’ $y" });
		expect(sourceLine("powershell", privateFilePath(state, "powershell"), state)).toContain(
			"$keyFile = '/srv/‘‘x’’ $y/claude-setup/env.ps1';",
		);
	});

	it.each<[string, string, PrivateSyntax[]]>([
		["a line break", "/home/a\nb", ["posix", "fish", "powershell"]],
		["a backslash, which pwsh reads as / even on Linux", "/home/C:\\Users\\Ada", ["powershell"]],
	])(
		"no line for a home folder with %s: the key then goes in the file itself, after the warning",
		(_, home, refused) => {
			const system = systemAt(home);
			for (const syntax of ["posix", "fish", "powershell"] as const) {
				const line = sourceLine(syntax, privateFilePath(system, syntax), system);
				expect(line === undefined, syntax).toBe(refused.includes(syntax));
			}
		},
	);

	it("every startup file of macOS and Linux can use it, a .env and Windows profiles cannot", () => {
		expect(canUsePrivateFile(profile("powershell"), ada)).toBe(true);
		expect(canUsePrivateFile(profile("posix"), ada)).toBe(true);
		expect(canUsePrivateFile(profile("dotenv"), ada)).toBe(false);
		expect(canUsePrivateFile(profile("powershell"), systemAt("C:\\Users\\Ada", {}, "win32"))).toBe(false);
		const names = privateFilePaths(ada).map((file) => path.basename(file));
		expect(names).toEqual(["env.sh", "env.fish", "env.ps1"]);
	});
});

interface Sourced {
	readonly key: string | null;
	readonly leaked: boolean;
	readonly errors: readonly string[];
}

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const SCRIPT = path.resolve("test/helpers/pwsh/source-profiles.ps1");
const KEY_BLOCK = `${renderBlock("powershell", [{ name: "ANTHROPIC_API_KEY", value: KEY }]).join("\n")}\n`;

/** A profile whose block sources the private file of `system`; with `withFile`, that file holds the key. */
async function profileFor(system: System, profile: string, withFile: boolean): Promise<string> {
	const file = privateFilePath(system, "powershell");
	const line = sourceLine("powershell", file, system);
	if (line === undefined) throw new Error(`no line for ${file}`);
	if (withFile) {
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, KEY_BLOCK);
	}
	await writeFile(profile, `${renderSourceBlock("powershell", line).join("\n")}\n`);
	return profile;
}

describe("the line that sources env.ps1, run by the real pwsh", { timeout: 60_000 }, () => {
	it.each(HOSTILE_HOMES)(
		"home folder %j: the key is read, no variable is left, no file is no error",
		async (name) => {
			const root = await realpath(await mkdtemp(path.join(os.tmpdir(), "claude-setup-private-")));
			roots.push(root);
			const home = path.join(root, name);
			const cases = [
				systemAt(home),
				systemAt(home, { HOME: home, XDG_STATE_HOME: path.join(home, name) }),
				systemAt(home, { HOME: path.join(root, "not-home") }),
				systemAt(home, { HOME: home, XDG_STATE_HOME: path.join(root, `state ${name}`) }),
			];
			const profiles = await Promise.all(
				cases.map((system, index) => profileFor(system, path.join(root, `profile-${index}.ps1`), true)),
			);
			// A checkout on a machine without the private file (yet).
			const fresh = systemAt(home, { HOME: home, XDG_STATE_HOME: path.join(home, "no state yet") });
			profiles.push(await profileFor(fresh, path.join(root, "profile-fresh.ps1"), false));

			const result = await runPwsh(["-NoLogo", "-NoProfile", "-NonInteractive", "-File", SCRIPT], {
				input: JSON.stringify(profiles),
				env: { PATH: process.env.PATH, HOME: home },
			});
			expect(result.code, result.stderr).toBe(0);
			// The key itself never in a failure's diff.
			const seen = (JSON.parse(result.stdout) as Sourced[]).map((item) => ({
				...item,
				key: item.key === KEY ? "the key" : item.key === null ? null : "another value",
			}));
			const read = { key: "the key", leaked: false, errors: [] };
			expect(seen).toEqual([read, read, read, read, { key: null, leaked: false, errors: [] }]);
		},
	);
});
