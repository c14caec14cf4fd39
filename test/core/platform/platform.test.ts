import { describe, expect, it } from "vitest";
import { type Detected, detectPlatform, type PlatformFacts } from "../../../source/core/platform/platform.js";

const home = "/home/ada";

describe("detectPlatform", () => {
	const cases: Array<[string, Omit<PlatformFacts, "home">, Partial<Detected>]> = [
		[
			"macOS zsh from $SHELL",
			{ platform: "darwin", env: { SHELL: "/bin/zsh" } },
			{ os: "macos", shell: "zsh", shellSource: "SHELL" },
		],
		[
			"macOS bash from Homebrew",
			{ platform: "darwin", env: { SHELL: "/opt/homebrew/bin/bash" } },
			{ os: "macos", shell: "bash", shellSource: "SHELL" },
		],
		[
			"login form -zsh",
			{ platform: "darwin", env: { SHELL: "-zsh" } },
			{ shell: "zsh", shellSource: "SHELL" },
		],
		[
			"linux fish",
			{ platform: "linux", env: { SHELL: "/usr/bin/fish" } },
			{ os: "linux", shell: "fish", shellSource: "SHELL" },
		],
		[
			"macOS no SHELL → zsh default",
			{ platform: "darwin", env: {} },
			{ os: "macos", shell: "zsh", shellSource: "default" },
		],
		[
			"linux no SHELL → bash default",
			{ platform: "linux", env: {} },
			{ os: "linux", shell: "bash", shellSource: "default" },
		],
		[
			"unknown SHELL, parent -zsh",
			{
				platform: "linux",
				env: { SHELL: "/bin/tcsh" },
				parentProcessName: "-zsh",
			},
			{ shell: "zsh", shellSource: "parent" },
		],
		[
			"empty SHELL, parent path",
			{
				platform: "darwin",
				env: { SHELL: "" },
				parentProcessName: "/usr/local/bin/fish\n",
			},
			{ shell: "fish", shellSource: "parent" },
		],
		[
			"unknown shell everywhere",
			{
				platform: "linux",
				env: { SHELL: "/bin/sh" },
				parentProcessName: "node",
			},
			{ shell: "bash", shellSource: "default" },
		],
		[
			"WSL by WSL_DISTRO_NAME",
			{
				platform: "linux",
				env: { WSL_DISTRO_NAME: "Ubuntu", SHELL: "/bin/bash" },
			},
			{ os: "wsl", shell: "bash" },
		],
		[
			"WSL by WSL_INTEROP",
			{ platform: "linux", env: { WSL_INTEROP: "/run/WSL/1_interop" } },
			{ os: "wsl", shell: "bash", shellSource: "default" },
		],
		[
			"WSL by /proc/version",
			{
				platform: "linux",
				env: {},
				procVersion: "Linux version 5.15.90.1-microsoft-standard-WSL2",
			},
			{ os: "wsl" },
		],
		[
			"plain linux /proc/version",
			{
				platform: "linux",
				env: {},
				procVersion: "Linux version 6.1.0-18-amd64 (debian)",
			},
			{ os: "linux" },
		],
		[
			"Git Bash",
			{
				platform: "win32",
				env: { MSYSTEM: "MINGW64", SHELL: "/usr/bin/bash" },
			},
			{ os: "windows", shell: "git-bash", shellSource: "SHELL" },
		],
		[
			"Windows PowerShell parent",
			{ platform: "win32", env: {}, parentProcessName: "pwsh.exe" },
			{ os: "windows", shell: "powershell", shellSource: "parent" },
		],
		[
			"Windows cmd parent",
			{
				platform: "win32",
				env: {},
				parentProcessName: "C:\\Windows\\System32\\cmd.exe",
			},
			{ shell: "cmd", shellSource: "parent" },
		],
		[
			"Windows unknown",
			{ platform: "win32", env: {} },
			{ os: "windows", shell: "unknown", shellSource: "default" },
		],
		[
			"FreeBSD counts as linux",
			{ platform: "freebsd", env: { SHELL: "/usr/local/bin/zsh" } },
			{ os: "linux", shell: "zsh" },
		],
	];
	it.each(cases)("%s", (_name, facts, expected) => {
		expect(detectPlatform({ ...facts, home })).toMatchObject({
			...expected,
			home,
		});
	});

	const dirs: Array<[string, Record<string, string>, { zdotdir?: string; xdgConfigHome?: string }]> = [
		[
			"ZDOTDIR and XDG_CONFIG_HOME",
			{ ZDOTDIR: "/home/ada/.config/zsh", XDG_CONFIG_HOME: "/home/ada/xdg" },
			{ zdotdir: "/home/ada/.config/zsh", xdgConfigHome: "/home/ada/xdg" },
		],
		["empty values are ignored", { ZDOTDIR: "", XDG_CONFIG_HOME: "" }, {}],
		["relative XDG_CONFIG_HOME is ignored (XDG spec)", { XDG_CONFIG_HOME: "config" }, {}],
	];
	it.each(dirs)("%s", (_name, env, expected) => {
		const detected = detectPlatform({
			platform: "linux",
			env: { SHELL: "/bin/zsh", ...env },
			home,
		});
		expect({
			zdotdir: detected.zdotdir,
			xdgConfigHome: detected.xdgConfigHome,
		}).toEqual({
			zdotdir: expected.zdotdir,
			xdgConfigHome: expected.xdgConfigHome,
		});
	});
});
