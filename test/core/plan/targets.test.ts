import { describe, expect, it } from "vitest";
import {
	defaultTarget,
	displayPath,
	type FileTargetName,
	gitBashHome,
	offeredTargets,
	resolveTarget,
	TARGET_NAMES,
	type TargetContext,
	targetsFor,
} from "../../../source/core/plan/targets.js";
import { detectPlatform } from "../../../source/core/platform/platform.js";

const home = "/Users/ada";
const base: TargetContext = {
	os: "macos",
	home,
	cwd: "/Users/ada/project",
	existing: () => false,
};
const only =
	(...names: string[]) =>
	(file: string) =>
		names.some((name) => file === `${home}/${name}`);

describe("resolveTarget", () => {
	const cases: Array<
		[
			string,
			FileTargetName,
			Partial<TargetContext>,
			{ path: string; label: string; syntax: string; owns?: boolean },
		]
	> = [
		["zsh in HOME", "zsh", {}, { path: `${home}/.zshrc`, label: "zsh — ~/.zshrc", syntax: "posix" }],
		[
			"zsh honours ZDOTDIR",
			"zsh",
			{ zdotdir: `${home}/.config/zsh` },
			{
				path: `${home}/.config/zsh/.zshrc`,
				label: "zsh — ~/.config/zsh/.zshrc",
				syntax: "posix",
			},
		],
		[
			"bash on Linux",
			"bash",
			{ os: "linux", existing: only(".bash_profile") },
			{ path: `${home}/.bashrc`, label: "bash — ~/.bashrc", syntax: "posix" },
		],
		[
			"bash on WSL",
			"bash",
			{ os: "wsl" },
			{ path: `${home}/.bashrc`, label: "bash — ~/.bashrc", syntax: "posix" },
		],
		[
			"macOS bash, nothing exists → create .bash_profile",
			"bash",
			{},
			{
				path: `${home}/.bash_profile`,
				label: "bash — ~/.bash_profile",
				syntax: "posix",
			},
		],
		[
			"macOS bash with only ~/.profile keeps using it",
			"bash",
			{ existing: only(".profile") },
			{ path: `${home}/.profile`, label: "bash — ~/.profile", syntax: "posix" },
		],
		[
			"macOS bash prefers .bash_login over .profile",
			"bash",
			{ existing: only(".bash_login", ".profile") },
			{
				path: `${home}/.bash_login`,
				label: "bash — ~/.bash_login",
				syntax: "posix",
			},
		],
		[
			"macOS bash prefers .bash_profile",
			"bash",
			{ existing: only(".bash_profile", ".profile") },
			{
				path: `${home}/.bash_profile`,
				label: "bash — ~/.bash_profile",
				syntax: "posix",
			},
		],
		[
			"fish conf.d",
			"fish",
			{ os: "linux" },
			{
				path: `${home}/.config/fish/conf.d/claude-setup.fish`,
				label: "fish — ~/.config/fish/conf.d/claude-setup.fish",
				syntax: "fish",
				owns: true,
			},
		],
		[
			"fish honours XDG_CONFIG_HOME",
			"fish",
			{ xdgConfigHome: "/xdg" },
			{
				path: "/xdg/fish/conf.d/claude-setup.fish",
				label: "fish — /xdg/fish/conf.d/claude-setup.fish",
				syntax: "fish",
				owns: true,
			},
		],
		[
			"dotenv default",
			"dotenv",
			{},
			{
				path: `${home}/project/.env`,
				label: "project .env — ~/project/.env",
				syntax: "dotenv",
			},
		],
		[
			"dotenv relative to cwd",
			"dotenv",
			{ envFile: "config/.env.local" },
			{
				path: `${home}/project/config/.env.local`,
				label: "project .env — ~/project/config/.env.local",
				syntax: "dotenv",
			},
		],
		[
			"dotenv absolute",
			"dotenv",
			{ envFile: "/srv/app/.env" },
			{
				path: "/srv/app/.env",
				label: "project .env — /srv/app/.env",
				syntax: "dotenv",
			},
		],
	];
	it.each(cases)("%s", (_name, target, ctx, expected) => {
		const file = resolveTarget(target, { ...base, ...ctx });
		expect(file).toEqual({
			target,
			path: expected.path,
			label: expected.label,
			syntax: expected.syntax,
			ownsWholeFile: expected.owns ?? false,
		});
	});

	it("Git Bash on Windows uses the login file under a Windows home", () => {
		const winHome = "C:\\Users\\ada";
		const file = resolveTarget("bash", {
			os: "windows",
			home: winHome,
			cwd: "C:\\code",
			existing: () => false,
		});
		expect(file.path).toBe("C:\\Users\\ada\\.bash_profile");
		expect(file.label).toBe("bash — ~\\.bash_profile");
	});

	it("lists every target once", () => {
		expect(new Set(TARGET_NAMES).size).toBe(7);
	});

	// Since issue 12 pwsh's profile is a target on macOS, Linux and WSL too.
	it.each([
		["linux", ["zsh", "bash", "fish", "dotenv", "powershell", "keychain"]],
		["macos", ["zsh", "bash", "fish", "dotenv", "powershell", "keychain"]],
		["wsl", ["zsh", "bash", "fish", "dotenv", "powershell", "keychain"]],
		["windows", ["windows", "powershell", "bash", "dotenv"]],
	] as const)("offers on %s: %j", (os, expected) => {
		expect(targetsFor(os)).toEqual(expected);
	});

	it.each([
		[{ os: "linux", shell: "zsh" }, ["zsh", "bash", "fish", "dotenv", "keychain"]],
		[
			{ os: "linux", shell: "zsh", pwsh: "/usr/bin/pwsh" },
			["zsh", "bash", "fish", "dotenv", "powershell", "keychain"],
		],
		[
			{ os: "macos", shell: "powershell", pwsh: "/usr/local/bin/pwsh" },
			["powershell", "zsh", "bash", "fish", "dotenv", "keychain"],
		],
		[{ os: "wsl", shell: "powershell" }, ["powershell", "zsh", "bash", "fish", "dotenv", "keychain"]],
		[{ os: "windows", shell: "powershell" }, ["windows", "powershell", "bash", "dotenv"]],
	] as const)(
		"the wizard offers %j: %j (pwsh's profile only where pwsh is, first for pwsh users)",
		(detected, expected) => {
			expect(offeredTargets(detected)).toEqual(expected);
		},
	);

	it.each([
		[{ HOME: "C:\\msys\\ada" }, "C:\\msys\\ada"],
		[{ HOMEDRIVE: "D:", HOMEPATH: "\\Users\\ada" }, "D:\\Users\\ada"],
		[{ USERPROFILE: "C:\\Users\\Ada" }, "C:\\Users\\Ada"],
		[{}, "C:\\fallback"],
	])("Git Bash HOME from %j is %s", (env, expected) => {
		expect(gitBashHome(env, "C:\\fallback")).toBe(expected);
	});
});

describe("defaultTarget", () => {
	const cases: Array<[NodeJS.Platform, Record<string, string>, ReturnType<typeof defaultTarget>]> = [
		["darwin", { SHELL: "/bin/zsh" }, "zsh"],
		["darwin", { SHELL: "/bin/bash" }, "bash"],
		["darwin", {}, "zsh"],
		["linux", {}, "bash"],
		["linux", { SHELL: "/usr/bin/fish" }, "fish"],
		["linux", { SHELL: "/bin/sh", WSL_DISTRO_NAME: "Ubuntu" }, "bash"],
		// On Windows the user environment reaches every shell, Git Bash included.
		["win32", { MSYSTEM: "MINGW64" }, "windows"],
		["win32", {}, "windows"],
	];
	it.each(cases)("%s %j → %s", (platform, env, expected) => {
		expect(defaultTarget(detectPlatform({ platform, env, home }))).toBe(expected);
	});
	it.each(["linux", "macos", "wsl"] as const)("pwsh users on %s get pwsh's profile", (os) => {
		expect(defaultTarget({ os, shell: "powershell", shellSource: "parent", home })).toBe("powershell");
	});
	it("PowerShell users get the user environment too (it needs no execution policy)", () => {
		expect(
			defaultTarget({
				os: "windows",
				shell: "powershell",
				shellSource: "parent",
				home,
			}),
		).toBe("windows");
	});
});

describe("displayPath", () => {
	it.each([
		["/home/ada/.zshrc", "/home/ada", "~/.zshrc"],
		["/home/ada/.zshrc", "/home/ada/", "~/.zshrc"],
		["/home/ada", "/home/ada", "~"],
		["/home/adam/.zshrc", "/home/ada", "/home/adam/.zshrc"],
		["/etc/zshrc", "/home/ada", "/etc/zshrc"],
		["/etc/zshrc", "", "/etc/zshrc"],
	])("%s with home %s → %s", (file, homeDir, expected) => {
		expect(displayPath(file, homeDir)).toBe(expected);
	});
});
