import { describe, expect, it } from "vitest";
import { SETTING_VARIABLES } from "../../../source/core/scan/scan-types.js";
import type { System } from "../../../source/core/system.js";
import { encodeText } from "../../../source/core/text/text-encoding.js";
import type { HostInfo, WindowsContext } from "../../../source/core/windows/detect.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { createMemoryFs, fsError, type MemoryFsOptions } from "../../helpers/memory-fs.js";
import { marked, type RecordedCall, scriptedRunner } from "../../helpers/scripted-runner.js";
import { NO_API } from "../../helpers/temp-system.js";
import { ADMIN, KEY, MASKED_KEY, MASKED_OLD, OLD_KEY, scan, summary } from "./scan-fixtures.js";

const A = "ANTHROPIC_API_KEY";
const HOME = "C:\\Users\\Ada";
const PROJECT = `${HOME}\\code\\app`;
const PWSH_PROFILE = `${HOME}\\OneDrive\\Documents\\PowerShell\\profile.ps1`;
const WINPS_PROFILE = `${HOME}\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1`;
const BOTH: HostInfo[] = [
	{ host: "powershell", version: "5.1.22621.4391" },
	{ host: "pwsh", version: "7.4.6" },
];
const windowsContext = (hosts = BOTH): WindowsContext => ({
	shell: "pwsh",
	hosts,
	vscode: false,
	windowsTerminal: false,
});

const utf16 = (text: string) => encodeText({ text: `\uFEFF${text}`, encoding: "utf16le" });

const FILES: MemoryFsOptions["files"] = {
	[WINPS_PROFILE]: [
		`# $env:${A} = '${KEY}'`,
		`$env:${A} = '${OLD_KEY}'`,
		"#region claude-setup",
		`$env:${A} = '${KEY}'`,
		"#endregion claude-setup",
		"",
	].join("\r\n"),
	[PWSH_PROFILE]: utf16(
		`Write-Host hi\r\n[Environment]::SetEnvironmentVariable('ANTHROPIC_AUTH_TOKEN', '${ADMIN}')\r\n`,
	),
	[`${HOME}\\.bash_profile`]: `export ${A}=${OLD_KEY}\n`,
	[`${HOME}\\.zshrc`]: `export ${A}=${KEY}\n`,
	[`${HOME}\\.config\\fish\\config.fish`]: `set -gx ${A} ${KEY}\n`,
	[`${PROJECT}\\.env`]: `${A}=${KEY}\r\n`,
	[`${HOME}\\.claude\\settings.json`]: JSON.stringify({
		env: { CLAUDE_CODE_USE_FOUNDRY: "1" },
		apiKeyHelper: "get-key.cmd",
	}),
	[`${HOME}\\.claude\\.credentials.json`]: "{}",
};

/** PowerShell as our scripts see it: each host's profile path, and the user environment. */
function powershell(userVariables: Record<string, string>) {
	return (call: RecordedCall) => {
		if (call.script === SCRIPTS.profilePath) {
			return { stdout: marked(call.command === "pwsh" ? PWSH_PROFILE : WINPS_PROFILE) };
		}
		for (const [name, value] of Object.entries(userVariables)) {
			if (call.script === SCRIPTS.readUserVariable(name)) return { stdout: marked(value) };
		}
		return call.script?.includes("GetEnvironmentVariable") ? { stdout: marked(undefined) } : { exitCode: 1 };
	};
}

function windowsSystem(options: {
	env?: Record<string, string>;
	fs?: MemoryFsOptions;
	answer: ReturnType<typeof powershell>;
}) {
	const scripted = scriptedRunner(options.answer);
	const system: System = {
		platform: "win32",
		env: { USERPROFILE: HOME, ...options.env },
		homeDir: HOME,
		cwd: PROJECT,
		fs: createMemoryFs({ files: FILES, ...options.fs }),
		run: scripted.run,
		api: NO_API,
		now: () => 0,
	};
	return { system, calls: scripted.calls };
}

describe("scanEverywhere on Windows", () => {
	it("finds the process, Git Bash, both profiles, the user environment, .env and settings, in order", async () => {
		const { system, calls } = windowsSystem({
			env: { Anthropic_Api_Key: KEY },
			answer: powershell({ [A]: OLD_KEY, ANTHROPIC_BASE_URL: "" }),
		});
		const result = await scan(system, windowsContext());
		expect(summary(result)).toEqual([
			`process  ${A} ${MASKED_KEY} false`,
			`file ~\\.bash_profile:1 ${A} ${MASKED_OLD} false`,
			`file ~\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1:2 ${A} ${MASKED_OLD} false`,
			`file ~\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1:4 ${A} ${MASKED_KEY} true`,
			"file ~\\OneDrive\\Documents\\PowerShell\\profile.ps1:2 ANTHROPIC_AUTH_TOKEN sk-ant-admin01-…AdMn false",
			`windows-user  ${A} ${MASKED_OLD} false`,
			"windows-user  ANTHROPIC_BASE_URL (empty) false",
			`file .\\.env:1 ${A} ${MASKED_KEY} false`,
			"claude-settings ~\\.claude\\settings.json CLAUDE_CODE_USE_FOUNDRY 1 false",
		]);
		const formats = result.findings.map((finding) => finding.source.kind === "file" && finding.source.format);
		expect(formats).toEqual([
			false,
			"bash",
			"powershell",
			"powershell",
			"powershell",
			false,
			false,
			"dotenv",
			false,
		]);
		expect(result.apiKeyHelpers.map((helper) => helper.command)).toEqual(["get-key.cmd"]);
		expect(result.claudeCodeLogin).toBe("yes");
		expect(result.scannedFiles.some((file) => /zshrc|fish/.test(file))).toBe(false);
		// The user environment is read with PowerShell 7 when installed; nothing runs `security`.
		const reads = calls.filter((call) => call.script?.includes("GetEnvironmentVariable"));
		expect(reads).toHaveLength(SETTING_VARIABLES.length);
		expect(new Set(reads.map((call) => call.command))).toEqual(new Set(["pwsh"]));
		expect(calls.some((call) => call.command === "security")).toBe(false);
	});

	it("reads Git Bash's files from its own HOME", async () => {
		const gitHome = "D:\\msys\\ada";
		const { system } = windowsSystem({
			env: { HOME: gitHome },
			fs: { files: { ...FILES, [`${gitHome}\\.bashrc`]: `export ${A}=${KEY}\n` } },
			answer: powershell({}),
		});
		const bash = (await scan(system, windowsContext())).findings.filter(
			(finding) => finding.source.kind === "file" && finding.source.format === "bash",
		);
		expect(summary({ findings: bash, apiKeyHelpers: [], claudeCodeLogin: "no", scannedFiles: [] })).toEqual([
			`file ${gitHome}\\.bashrc:1 ${A} ${MASKED_KEY} false`,
		]);
	});

	it("skips a profile it cannot read and a user variable PowerShell fails to report", async () => {
		const { system } = windowsSystem({
			fs: { failReads: (path) => (path === WINPS_PROFILE ? fsError("EPERM", "open", path) : undefined) },
			answer: (call) =>
				call.script === SCRIPTS.readUserVariable(A) ? { exitCode: 1 } : powershell({})(call),
		});
		const result = await scan(system, windowsContext([{ host: "powershell", version: "5.1" }]));
		expect(
			summary(result).some((line) => line.includes("WindowsPowerShell") || line.startsWith("windows-user")),
		).toBe(false);
		expect(result.scannedFiles).not.toContain(WINPS_PROFILE);
		expect(summary(result)).toContain(`file ~\\.bash_profile:1 ${A} ${MASKED_OLD} false`);
	});

	it("asks PowerShell nothing without a Windows context or an installed host", async () => {
		for (const windows of [undefined, windowsContext([])]) {
			const { system, calls } = windowsSystem({ answer: powershell({ [A]: KEY }) });
			const result = await scan(system, windows);
			expect(summary(result).some((line) => /windows-user|profile\.ps1/.test(line))).toBe(false);
			expect(calls).toEqual([]);
		}
	});
});
