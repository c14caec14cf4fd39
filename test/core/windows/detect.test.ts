import { describe, expect, it } from "vitest";
import type { Env } from "../../../source/core/system.js";
import { detectWindows, type HostInfo, type WindowsContext } from "../../../source/core/windows/detect.js";

const BOTH: HostInfo[] = [
	{ host: "powershell", version: "5.1.22621.4391" },
	{ host: "pwsh", version: "7.4.6" },
];
const ONLY_51: HostInfo[] = [{ host: "powershell", version: "5.1.19041.5129" }];
const SYSTEM_MODULES =
	"C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules";
const PWSH_MODULES = `C:\\Users\\Ada\\OneDrive\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules;c:\\program files\\powershell\\7\\Modules;${SYSTEM_MODULES}`;
const WINPS_MODULES = `C:\\Users\\Ada\\OneDrive\\Documents\\WindowsPowerShell\\Modules;${SYSTEM_MODULES}`;

interface Row {
	name: string;
	env?: Env;
	ancestors: string[];
	hosts?: HostInfo[];
	expect: Partial<WindowsContext>;
}

const rows: Row[] = [
	{
		name: "Windows PowerShell 5.1 ran node directly",
		ancestors: ["powershell.exe", "explorer.exe"],
		expect: { shell: "powershell" },
	},
	{
		name: "PowerShell 7 ran node directly",
		ancestors: ["pwsh.exe", "WindowsTerminal.exe"],
		expect: { shell: "pwsh" },
	},
	{
		name: "PowerShell 7 through npx.cmd and npm's run-script cmd",
		ancestors: ["cmd.exe", "node.exe", "cmd.exe", "pwsh.exe", "WindowsTerminal.exe"],
		expect: { shell: "pwsh" },
	},
	{
		name: "Windows PowerShell 5.1 through the npx cmd shim",
		ancestors: ["cmd.exe", "node.exe", "cmd.exe", "powershell.exe", "explorer.exe"],
		expect: { shell: "powershell" },
	},
	{
		name: "PowerShell 7 running npx.ps1 (no shim cmd)",
		ancestors: ["cmd.exe", "node.exe", "pwsh.exe", "explorer.exe"],
		expect: { shell: "pwsh" },
	},
	{
		name: "a real cmd window",
		ancestors: ["cmd.exe", "node.exe", "cmd.exe", "explorer.exe"],
		expect: { shell: "cmd" },
	},
	{
		name: "cmd that ran node directly",
		ancestors: ["C:\\Windows\\System32\\cmd.exe"],
		expect: { shell: "cmd" },
	},
	{
		name: "Git Bash (MSYSTEM)",
		env: { MSYSTEM: "MINGW64" },
		ancestors: ["cmd.exe", "node.exe", "bash.exe", "mintty.exe"],
		expect: { shell: "git-bash" },
	},
	{
		name: "Git Bash even when ancestors are unknown",
		env: { MSYSTEM: "MINGW64" },
		ancestors: [],
		expect: { shell: "git-bash" },
	},
	{
		name: "bash in the chain without MSYSTEM",
		ancestors: ["node.exe", "bash.exe"],
		expect: { shell: "git-bash" },
	},
	{
		name: "a shell beyond the terminal does not count",
		ancestors: ["node.exe", "explorer.exe", "pwsh.exe"],
		expect: { shell: "unknown" },
	},
	{
		name: "VS Code's integrated PowerShell 7",
		env: { TERM_PROGRAM: "vscode" },
		ancestors: ["cmd.exe", "node.exe", "cmd.exe", "pwsh.exe", "Code.exe"],
		expect: { shell: "pwsh", vscode: true, windowsTerminal: false },
	},
	{
		name: "Windows Terminal tab of cmd",
		env: { WT_SESSION: "0f9d2f4c-7b0e-4a53-9b3c-5e1c2d3f4a5b" },
		ancestors: ["cmd.exe", "node.exe", "cmd.exe", "WindowsTerminal.exe"],
		expect: { shell: "cmd", vscode: false, windowsTerminal: true },
	},
	{
		name: "env names in another case",
		env: { wt_session: "x", Term_Program: "vscode" },
		ancestors: ["pwsh"],
		expect: { vscode: true, windowsTerminal: true },
	},
	{
		name: "pwsh missing, 5.1 only",
		ancestors: ["powershell.exe"],
		hosts: ONLY_51,
		expect: { shell: "powershell", hosts: ONLY_51 },
	},
	{
		name: "no ancestors, PSModulePath of PowerShell 7",
		env: { PSModulePath: PWSH_MODULES },
		ancestors: [],
		expect: { shell: "pwsh" },
	},
	{
		name: "no ancestors, PSModulePath of 5.1",
		env: { PSModulePath: WINPS_MODULES },
		ancestors: [],
		expect: { shell: "powershell" },
	},
	{
		name: "no ancestors, system-wide PSModulePath only (cmd has it too)",
		env: { PSModulePath: SYSTEM_MODULES },
		ancestors: [],
		expect: { shell: "unknown" },
	},
	{
		name: "no ancestors, no hints",
		ancestors: [],
		expect: { shell: "unknown", vscode: false, windowsTerminal: false },
	},
	{
		name: "ancestors win over PSModulePath",
		env: { PSModulePath: PWSH_MODULES },
		ancestors: ["cmd.exe", "explorer.exe"],
		expect: { shell: "cmd" },
	},
];

describe("detectWindows", () => {
	it.each(rows)("$name", (row) => {
		const hosts = row.hosts ?? BOTH;
		const context = detectWindows({ env: row.env ?? {}, ancestors: row.ancestors, hosts });
		expect(context).toMatchObject({ hosts, ...row.expect });
	});
});
