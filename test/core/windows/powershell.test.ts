import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskSecrets } from "../../../source/core/key/scrub.js";
import { decodeClixml, plainError } from "../../../source/core/windows/invoke.js";
import {
	decodeEncodedCommand,
	encodeCommand,
	powershellCall,
	readMarker,
	SCRIPTS,
} from "../../../source/core/windows/powershell.js";

const KEY = `sk-ant-api03-${"S3ntinel_".repeat(10)}zzAbCd`;

const PRELUDE = [
	"$ErrorActionPreference = 'Stop'",
	"$ProgressPreference = 'SilentlyContinue'",
	"try { [Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false) } catch {}",
	"function Write-ClaudeSetupValue($value) {",
	"\tif ($null -eq $value) { $text = 'unset' } else { $text = 'set:' + $value }",
	"\t[Console]::Out.Write([Environment]::NewLine + '<<claude-setup:' + $text + ':claude-setup>>' + [Environment]::NewLine)",
	"}",
	"try {",
];
const CATCH = ["} catch {", "\t[Console]::Error.WriteLine($_.Exception.Message)", "\texit 1", "}"];
const wrap = (...body: string[]) => [...PRELUDE, ...body.map((line) => `\t${line}`), ...CATCH].join("\n");

describe("the scripts, exactly", () => {
	const cases: [string, string, string[]][] = [
		["profilePath", SCRIPTS.profilePath, ["Write-ClaudeSetupValue $PROFILE.CurrentUserAllHosts"]],
		["version", SCRIPTS.version, ["Write-ClaudeSetupValue $PSVersionTable.PSVersion.ToString()"]],
		[
			"executionPolicyList",
			SCRIPTS.executionPolicyList,
			[
				"Get-ExecutionPolicy -List | ForEach-Object { [Console]::Out.WriteLine(('{0}={1}' -f $_.Scope, $_.ExecutionPolicy)) }",
			],
		],
		[
			"allowProfiles",
			SCRIPTS.allowProfiles,
			["Set-ExecutionPolicy -Scope CurrentUser -ExecutionPolicy RemoteSigned -Force"],
		],
		[
			"setUserVariable",
			SCRIPTS.setUserVariable("ANTHROPIC_API_KEY"),
			[
				"$value = [Console]::In.ReadLine()",
				"if ([string]::IsNullOrEmpty($value)) { throw 'No value arrived on standard input.' }",
				"[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', $value, 'User')",
			],
		],
		[
			"readUserVariable",
			SCRIPTS.readUserVariable("ANTHROPIC_API_KEY"),
			["Write-ClaudeSetupValue ([Environment]::GetEnvironmentVariable('ANTHROPIC_API_KEY', 'User'))"],
		],
		[
			"removeUserVariable",
			SCRIPTS.removeUserVariable("ANTHROPIC_API_KEY"),
			["[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', [NullString]::Value, 'User')"],
		],
		[
			"readVariableAfterProfile",
			SCRIPTS.readVariableAfterProfile("ANTHROPIC_API_KEY"),
			["Write-ClaudeSetupValue $env:ANTHROPIC_API_KEY"],
		],
		[
			"parentChain",
			SCRIPTS.parentChain(4321),
			[
				"$id = 4321",
				"$names = @()",
				"try {",
				"\t$child = $null",
				"\tfor ($i = 0; $i -lt 5 -and $id -gt 0; $i++) {",
				'\t\t$process = Get-CimInstance -ClassName Win32_Process -Filter "ProcessId = $id"',
				"\t\tif ($null -eq $process) { break }",
				"\t\t# A parent younger than its child is a reused process id, not the real parent.",
				"\t\tif ($null -ne $child -and $process.CreationDate -gt $child.CreationDate) { break }",
				"\t\t$names += $process.Name",
				"\t\t$child = $process",
				"\t\t$id = $process.ParentProcessId",
				"\t}",
				"} catch {",
				"\t$names = @()",
				"\tif ($PSVersionTable.PSVersion.Major -ge 7) {",
				"\t\t$process = Get-Process -Id $id -ErrorAction SilentlyContinue",
				"\t\tfor ($i = 0; $i -lt 5 -and $null -ne $process; $i++) {",
				"\t\t\t$names += $process.ProcessName",
				"\t\t\t$process = $process.Parent",
				"\t\t}",
				"\t}",
				"}",
				"foreach ($name in $names) { [Console]::Out.WriteLine($name) }",
			],
		],
	];
	it.each(cases)("%s", (_, script, body) => {
		expect(script).toBe(wrap(...body));
		expect(script).not.toMatch(/setx/i);
	});

	const badNames = ["", "1ABC", "A-B", "A B", "A'B", "$env:X", "A;B", "ANTHROPIC_API_KEY')"];
	it.each(badNames)("refuses the variable name %j in every script", (name) => {
		for (const make of [
			SCRIPTS.setUserVariable,
			SCRIPTS.readUserVariable,
			SCRIPTS.removeUserVariable,
			SCRIPTS.readVariableAfterProfile,
		]) {
			expect(() => make(name)).toThrow(/Not a variable name/);
		}
	});

	it.each([0, -1, 1.5, Number.NaN])("refuses the process id %s", (pid) => {
		expect(() => SCRIPTS.parentChain(pid)).toThrow(/Not a process id/);
	});
});

describe("powershellCall", () => {
	it.each([
		["powershell", false, ["-NoLogo", "-NonInteractive", "-NoProfile", "-EncodedCommand"]],
		["pwsh", false, ["-NoLogo", "-NonInteractive", "-NoProfile", "-EncodedCommand"]],
		["pwsh", true, ["-NoLogo", "-NonInteractive", "-EncodedCommand"]],
		["powershell", true, ["-NoLogo", "-NonInteractive", "-EncodedCommand"]],
	] as const)("%s with profile=%s", (host, loadProfile, flags) => {
		const call = powershellCall(host, SCRIPTS.version, { loadProfile });
		expect(call.command).toBe(host);
		expect(call.args.slice(0, -1)).toEqual(flags);
		expect(decodeEncodedCommand(call.args.at(-1) ?? "")).toBe(SCRIPTS.version);
		expect(call.input).toBeUndefined();
	});

	it("passes input beside the arguments, never in them", () => {
		const call = powershellCall("pwsh", SCRIPTS.setUserVariable("ANTHROPIC_API_KEY"), { input: `${KEY}\n` });
		expect(call.input).toBe(`${KEY}\n`);
		expect(call.args.join(" ")).not.toContain(KEY);
		expect(decodeEncodedCommand(call.args.at(-1) ?? "")).not.toContain(KEY);
	});

	it("encodes UTF-16LE base64 like [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes(...))", () => {
		expect(encodeCommand("dir")).toBe("ZABpAHIA");
		expect(encodeCommand("é€")).toBe("6QCsIA==");
	});

	it("decodes whatever it encodes", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary" }), (text) => {
				expect(decodeEncodedCommand(encodeCommand(text))).toBe(text);
			}),
		);
	});
});

describe("readMarker", () => {
	it.each([
		["no marker", "Welcome to PowerShell\r\n", { marked: false }],
		["unset", "\r\n<<claude-setup:unset:claude-setup>>\r\n", { marked: true, value: undefined }],
		["empty", "<<claude-setup:set::claude-setup>>", { marked: true, value: "" }],
		[
			"a value after profile noise",
			"Loading personal and system profiles took 812ms.\r\nPS> \r\n<<claude-setup:set:C:\\Users\\Zoë\\profile.ps1:claude-setup>>\r\n",
			{ marked: true, value: "C:\\Users\\Zoë\\profile.ps1" },
		],
		[
			"the last marker wins",
			"<<claude-setup:set:old:claude-setup>>\n<<claude-setup:set:new:claude-setup>>\n",
			{ marked: true, value: "new" },
		],
	])("%s", (_, stdout, expected) => {
		expect(readMarker(stdout)).toEqual(expected);
	});
});

describe("plain errors", () => {
	const policyError = [
		". : File C:\\Users\\Ada\\Documents\\WindowsPowerShell\\profile.ps1 cannot be loaded because running scripts is disabled on this system.",
		"At line:1 char:3",
		"+ . 'C:\\Users\\Ada\\Documents\\WindowsPowerShell\\profile.ps1'",
		"+   ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
		"    + CategoryInfo          : SecurityError: (:) [], PSSecurityException",
		"    + FullyQualifiedErrorId : UnauthorizedAccess",
	].join("\r\n");

	it("keeps the message and drops PowerShell's decoration", () => {
		expect(plainError(policyError)).toBe(
			"File C:\\Users\\Ada\\Documents\\WindowsPowerShell\\profile.ps1 cannot be loaded because running scripts is disabled on this system.",
		);
	});

	it("reads CLIXML-wrapped, coloured errors", () => {
		const clixml =
			'#< CLIXML\r\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><S S="Error">_x001B_[31;1mRequested registry access is not allowed. &amp; more_x001B_[0m_x000D__x000A_</S></Objs>';
		expect(decodeClixml(clixml)).toContain("Requested registry access is not allowed. & more");
		expect(plainError(clixml)).toBe("Requested registry access is not allowed. & more");
	});

	it("masks the key and anything that looks like one", () => {
		expect(plainError(`Cannot set ${KEY}: denied`)).toBe("Cannot set sk-ant-api03-…AbCd: denied");
		expect(maskSecrets(`a ${KEY} b`, KEY, () => "***")).toBe("a *** b");
	});

	it("has nothing to say for empty stderr", () => {
		expect(plainError("\r\n  \r\n")).toBeUndefined();
	});
});
