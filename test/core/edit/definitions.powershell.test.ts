import { describe, expect, it } from "vitest";
import { POWERSHELL_BLOCK_END, POWERSHELL_BLOCK_START } from "../../../source/core/edit/block-edit.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";

const NAME = "ANTHROPIC_API_KEY";

// Text → the definitions found in it (value and how it was written), in order.
const cases: [string, string, [string, string][]][] = [
	["$env: with single quotes", "$env:ANTHROPIC_API_KEY = 'abc'", [["abc", "$env:"]]],
	["$Env: and another case for the name", "$Env:anthropic_api_key='abc'", [["abc", "$env:"]]],
	["double quotes with a backtick escape", '$env:ANTHROPIC_API_KEY = "a`"b"', [['a"b', "$env:"]]],
	["doubled single quote", "$env:ANTHROPIC_API_KEY = 'it''s'", [["it's", "$env:"]]],
	["a bare value", "$env:ANTHROPIC_API_KEY=$other", [["$other", "$env:"]]],
	// "$\u007B" is "${", written so it is not mistaken for a template placeholder.
	["the braced form", "$\u007Benv:ANTHROPIC_API_KEY} = 'abc'", [["abc", "$env:"]]],
	["inside if { }", "if ($x) { $env:ANTHROPIC_API_KEY = 'abc' }", [["abc", "$env:"]]],
	["after a semicolon", "$a = 1; $env:ANTHROPIC_API_KEY = 'abc'", [["abc", "$env:"]]],
	["a chained assignment", "$env:OTHER = $env:ANTHROPIC_API_KEY = 'abc'", [["abc", "$env:"]]],
	[
		"two on one line",
		"$env:ANTHROPIC_API_KEY='a'; $env:ANTHROPIC_API_KEY='b'",
		[
			["a", "$env:"],
			["b", "$env:"],
		],
	],
	[
		"[Environment]::SetEnvironmentVariable",
		"[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', 'abc', 'User')",
		[["abc", "SetEnvironmentVariable User"]],
	],
	[
		"[System.Environment], double quotes, an enum scope",
		'[system.environment]::SetEnvironmentVariable("anthropic_api_key", "abc", [EnvironmentVariableTarget]::Process)',
		[["abc", "SetEnvironmentVariable Process"]],
	],
	[
		"SetEnvironmentVariable without a scope",
		"[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', $null)",
		[["$null", "SetEnvironmentVariable"]],
	],
	["Set-Item -Path -Value", "Set-Item -Path env:ANTHROPIC_API_KEY -Value 'abc'", [["abc", "Set-Item"]]],
	["Set-Item positional", "Set-Item env:ANTHROPIC_API_KEY abc", [["abc", "Set-Item"]]],
	[
		"Set-Item -Value first, Env:\\",
		"set-item -Value 'abc' -Force -Path Env:\\ANTHROPIC_API_KEY",
		[["abc", "Set-Item"]],
	],
	["Set-Item with -Path:", "Set-Item -Path:'env:ANTHROPIC_API_KEY' -Value:abc", [["abc", "Set-Item"]]],
	["New-Item -Name", "New-Item -Path env: -Name ANTHROPIC_API_KEY -Value abc", [["abc", "New-Item"]]],
	// Not definitions of our variable.
	["a longer name", "$env:ANTHROPIC_API_KEY_2 = 'abc'", []],
	["another variable", "$env:ANTHROPIC_BASE_URL = 'abc'", []],
	["a PowerShell variable, not the environment", "$ANTHROPIC_API_KEY = 'abc'", []],
	["reading it", "Write-Host $env:ANTHROPIC_API_KEY", []],
	["comparing it", "if ($env:ANTHROPIC_API_KEY -eq 'abc') { }", []],
	["appending to it", "$env:ANTHROPIC_API_KEY += 'abc'", []],
	["a comment", "# $env:ANTHROPIC_API_KEY = 'abc'", []],
	["a comment after code", "$a = 1 # $env:ANTHROPIC_API_KEY = 'abc'", []],
	["a one-line block comment", "<# $env:ANTHROPIC_API_KEY = 'abc' #> $b = 1", []],
	["code after a block comment", "<# note #> $env:ANTHROPIC_API_KEY = 'abc'", [["abc", "$env:"]]],
	["inside a string", "Write-Host '$env:ANTHROPIC_API_KEY = 1'", []],
	["inside a double-quoted string", 'Write-Host "; $env:ANTHROPIC_API_KEY = 1"', []],
	[
		"SetEnvironmentVariable in a string",
		"'[Environment]::SetEnvironmentVariable(\"ANTHROPIC_API_KEY\", 1)'",
		[],
	],
	[
		"SetEnvironmentVariable for another name",
		"[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY_2', 'a')",
		[],
	],
	["Set-Item on another path", "Set-Item -Path env:OTHER -Value abc", []],
	["Set-Item on a file", "Set-Item -Path C:\\ANTHROPIC_API_KEY -Value abc", []],
	["Get-Item", "Get-Item env:ANTHROPIC_API_KEY", []],
];

describe("findDefinitions (powershell)", () => {
	it.each(cases)("%s", (_name, text, found) => {
		const definitions = findDefinitions(text, "powershell", NAME);
		expect(definitions.map(({ value, syntax }) => [value, syntax])).toEqual(found);
	});
});

describe("findDefinitions (powershell) across lines", () => {
	it.each([
		["a block comment", ["<#", "$env:ANTHROPIC_API_KEY = 'no'", "#>", "$env:ANTHROPIC_API_KEY = 'yes'"]],
		[
			"a block comment closed mid-line",
			["<# note", "$env:ANTHROPIC_API_KEY = 'no' #> $env:ANTHROPIC_API_KEY = 'yes'"],
		],
		[
			"a here-string",
			["$text = @'", "$env:ANTHROPIC_API_KEY = 'no'", "'@", "$env:ANTHROPIC_API_KEY = 'yes'"],
		],
		[
			"a double here-string",
			['$t = @"', "$env:ANTHROPIC_API_KEY = 'no'", '"@', "$env:ANTHROPIC_API_KEY='yes'"],
		],
		[
			"a string over two lines",
			["$t = 'one", "$env:ANTHROPIC_API_KEY = 2'", "$env:ANTHROPIC_API_KEY = 'yes'"],
		],
	])("skips %s", (_name, lines) => {
		const found = findDefinitions(lines.join("\r\n"), "powershell", NAME);
		expect(found.map(({ value, line }) => ({ value, line }))).toEqual([{ value: "yes", line: lines.length }]);
	});

	it("marks definitions inside our #region block, CRLF and BOM included", () => {
		const text = [
			"\uFEFF$env:ANTHROPIC_API_KEY = 'before'",
			"#region mine",
			"#endregion",
			POWERSHELL_BLOCK_START,
			"$env:ANTHROPIC_API_KEY = 'ours'",
			POWERSHELL_BLOCK_END,
			"$env:ANTHROPIC_API_KEY = 'after'",
			"",
		].join("\r\n");
		expect(findDefinitions(text, "powershell", NAME)).toEqual([
			{ line: 1, value: "before", syntax: "$env:", insideOurBlock: false },
			{ line: 5, value: "ours", syntax: "$env:", insideOurBlock: true },
			{ line: 7, value: "after", syntax: "$env:", insideOurBlock: false },
		]);
	});
});
