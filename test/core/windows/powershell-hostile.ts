// The hostile PowerShell profiles the parser check edits, and the PowerShell 7 syntax its 5.1
// check must catch.
import { testKey } from "../../helpers/temp-system.js";

export const OTHER_KEY = testKey("CorpusOther", "OtHr");

/**
 * Profiles as people have them: paths with spaces, apostrophes, `$`, backticks, non-ASCII
 * user names, OneDrive folders; strings, here-strings and comments that span lines; old keys
 * set in every way PowerShell allows. Each is valid PowerShell 5.1 (the test checks that too).
 */
export const HOSTILE_PROFILES: Readonly<Record<string, string>> = {
	empty: "",
	"OneDrive path with an apostrophe and non-ASCII":
		'. "C:\\Users\\Zoë O\'Brien\\OneDrive - Contoso Ltd\\Documents\\PowerShell\\aliases.ps1"\n',
	"single-quoted path with a doubled quote":
		"Set-Location 'C:\\Users\\O''Brien\\OneDrive - Contoso\\Documents'\n",
	"a $ and backticks in a path":
		'$env:PATH = "$env:PATH;C:\\Program Files\\`$weird`` folder\\bin"\nWrite-Host "tick: `"quoted`" and `$literal"\n',
	"non-ASCII text": "Write-Host 'Grüß dich, Zoë — ✓ 日本語 🙂'\n$greeting = \"Ça va, Łukasz?\"\n",
	"an old key, double-quoted": `$env:ANTHROPIC_API_KEY = "${OTHER_KEY}"\n`,
	"an old key and more on the line": `$env:ANTHROPIC_API_KEY='${OTHER_KEY}'; Set-Alias k kubectl\n`,
	"an old key through .NET and Set-Item": [
		`[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', '${OTHER_KEY}')`,
		`Set-Item -Path env:ANTHROPIC_AUTH_TOKEN -Value '${OTHER_KEY}'`,
		"",
	].join("\n"),
	"an old key inside a function": [
		"function Use-Work {",
		`\t$env:ANTHROPIC_API_KEY = '${OTHER_KEY}'`,
		"\tSet-Location ~/work",
		"}",
		"",
	].join("\n"),
	"an old key in a one-line if": `if ($IsWindows) { $env:ANTHROPIC_API_KEY = '${OTHER_KEY}' }\n`,
	"an old key on the line that opens a block": [
		`if ($env:COMPUTERNAME -eq 'WORK') { $env:ANTHROPIC_API_KEY = '${OTHER_KEY}'`,
		"\tWrite-Host 'work key'",
		"}",
		"",
	].join("\n"),
	"an old key continued on the next line": ["$env:ANTHROPIC_API_KEY = `", `\t'${OTHER_KEY}'`, ""].join("\n"),
	"an old key in a here-string value": ["$env:ANTHROPIC_API_KEY = @'", OTHER_KEY, "'@", ""].join("\n"),
	"a here-string and a block comment": [
		"$banner = @'",
		"$env:ANTHROPIC_API_KEY = 'not code, a here-string'",
		"it's fine: `$ and ' and \" here",
		"'@",
		"<#",
		`  $env:ANTHROPIC_API_KEY = '${OTHER_KEY}'  (commented out by hand)`,
		"#>",
		'$expanding = @"',
		"Hello $env:USERNAME, `$HOME is $HOME",
		'"@',
		"",
	].join("\n"),
	"a region of its own and #endregion without a label": [
		"#region aliases",
		"Set-Alias g git",
		"#endregion",
		"",
	].join("\n"),
	"our block already there": [
		"Import-Module posh-git",
		"#region claude-setup",
		"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.",
		`$env:ANTHROPIC_API_KEY = '${OTHER_KEY}'`,
		"#endregion claude-setup",
		"Set-PSReadLineOption -EditMode Emacs",
		"",
	].join("\n"),
	"our block, then an old key that would win": [
		"#region claude-setup",
		`$env:ANTHROPIC_API_KEY = '${OTHER_KEY}'`,
		"#endregion claude-setup",
		`$env:ANTHROPIC_API_KEY = "${OTHER_KEY}"`,
		"",
	].join("\n"),
};

/**
 * Home folders (and XDG_STATE_HOME outside them) that the line sourcing the private key file
 * must name exactly: quotes of every kind PowerShell knows, `$`, backticks, wildcards, non-ASCII.
 */
export const HOSTILE_HOMES: readonly string[] = [
	"Zoë O'Brien",
	"a $HOME `tick` $(x) [1] *?",
	"‘curly’ ‚low‛ “double” „low”",
	"semi; & | (x) {y} -dash #hash @at",
	'Zoë\'s "OneDrive - Contoso" 日本語 🙂',
];

/** PowerShell 7 constructs the 5.1 check must catch (so a silent checker cannot pass). */
export const NEWER_SYNTAX: Readonly<Record<string, string>> = {
	"ternary operator ?:": "$a = $b ? 1 : 2",
	"null-coalescing ??": "$a = $b ?? 'x'",
	"null-coalescing assignment ??=": "$a ??= 'x'",
	"null-conditional member access ?.": "$" + "{a}?.Length",
	"null-conditional index ?[]": "$" + "{a}?[0]",
	"pipeline chain && / ||": "git status && git push",
	"background operator &": "Start-Sleep 1 &",
	"clean block": "function f { process { } clean { } }",
	"ForEach-Object -Parallel": "1..3 | ForEach-Object -Parallel { $_ }",
	"Get-Content -AsByteStream": "Get-Content x -AsByteStream",
	"ConvertFrom-Json -AsHashtable": "'{}' | ConvertFrom-Json -AsHashtable",
	"command Join-String": "1, 2 | Join-String",
	"escape sequence": '"`e[0m"',
};
