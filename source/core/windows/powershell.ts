// Every PowerShell script claude-setup runs on Windows, in one place so a reviewer can read
// them all, and how a host is started to run one. Two rules hold for all of them:
// - the key never appears in a script or an argument: it travels on standard input;
// - a value is printed between unique markers, so whatever a profile prints is ignored.

export type PowerShellHost = "powershell" | "pwsh"; // Windows PowerShell 5.1 | PowerShell 7+

export interface PowerShellCall {
	readonly command: string;
	readonly args: readonly string[];
	readonly input?: string;
}

export const HOST_LABEL: Readonly<Record<PowerShellHost, string>> = {
	powershell: "Windows PowerShell",
	pwsh: "PowerShell 7",
};

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names go inside the scripts, so only plain identifiers are accepted. */
function assertVariableName(name: string): string {
	if (!VARIABLE_NAME.test(name)) throw new Error(`Not a variable name: ${JSON.stringify(name)}`);
	return name;
}

// Stop at the first error and report it as one plain line on stderr: with -EncodedCommand and
// a redirected stderr, PowerShell would otherwise wrap its errors in CLIXML. Output is UTF-8
// because paths may hold letters outside the console's code page (C:\Users\Zoë).
function script(...body: string[]): string {
	return [
		"$ErrorActionPreference = 'Stop'",
		"$ProgressPreference = 'SilentlyContinue'",
		"try { [Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false) } catch {}",
		"function Write-ClaudeSetupValue($value) {",
		"\tif ($null -eq $value) { $text = 'unset' } else { $text = 'set:' + $value }",
		"\t[Console]::Out.Write([Environment]::NewLine + '<<claude-setup:' + $text + ':claude-setup>>' + [Environment]::NewLine)",
		"}",
		"try {",
		...body.map((line) => `\t${line}`),
		"} catch {",
		"\t[Console]::Error.WriteLine($_.Exception.Message)",
		"\texit 1",
		"}",
	].join("\n");
}

export const SCRIPTS = {
	/** The profile every host of this edition reads (OneDrive-redirected Documents included). */
	profilePath: script("Write-ClaudeSetupValue $PROFILE.CurrentUserAllHosts"),
	version: script("Write-ClaudeSetupValue $PSVersionTable.PSVersion.ToString()"),
	/** One `Scope=Policy` line per scope. */
	executionPolicyList: script(
		"Get-ExecutionPolicy -List | ForEach-Object { [Console]::Out.WriteLine(('{0}={1}' -f $_.Scope, $_.ExecutionPolicy)) }",
	),
	/** -Force: there is nobody to answer the confirmation prompt. Run only when the user chose it. */
	allowProfiles: script("Set-ExecutionPolicy -Scope CurrentUser -ExecutionPolicy RemoteSigned -Force"),
	/** The value comes from standard input; SetEnvironmentVariable also tells Windows it changed. */
	setUserVariable: (name: string): string =>
		script(
			"$value = [Console]::In.ReadLine()",
			"if ([string]::IsNullOrEmpty($value)) { throw 'No value arrived on standard input.' }",
			`[Environment]::SetEnvironmentVariable('${assertVariableName(name)}', $value, 'User')`,
		),
	readUserVariable: (name: string): string =>
		script(
			`Write-ClaudeSetupValue ([Environment]::GetEnvironmentVariable('${assertVariableName(name)}', 'User'))`,
		),
	/**
	 * Deletes the variable. Not `$null`: PowerShell passes `$null` to a string parameter as "", and
	 * since .NET 9 (PowerShell 7.5+) "" sets the variable empty instead of deleting it.
	 * `[NullString]::Value` arrives as a real null on every PowerShell (3.0 and later).
	 */
	removeUserVariable: (name: string): string =>
		script(
			`[Environment]::SetEnvironmentVariable('${assertVariableName(name)}', [NullString]::Value, 'User')`,
		),
	/** Run WITH the profile, in a process whose environment lacks the variable. */
	readVariableAfterProfile: (name: string): string =>
		script(`Write-ClaudeSetupValue $env:${assertVariableName(name)}`),
	/**
	 * Parses two texts (a profile before and after our edit, base64 of UTF-8, one per line on
	 * standard input) with PowerShell's own parser: `ok` or `error:<line>:<message>` for each.
	 */
	parseTexts: script(
		"$verdicts = foreach ($line in @([Console]::In.ReadLine(), [Console]::In.ReadLine())) {",
		"\t$text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String([string]$line))",
		"\t$tokens = $null; $errors = $null",
		"\t[void][System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$tokens, [ref]$errors)",
		"\tif ($errors.Count -eq 0) { 'ok' } else {",
		"\t\t'error:' + $errors[0].Extent.StartLineNumber + ':' + ($errors[0].Message -replace '[\\r\\n|]', ' ')",
		"\t}",
		"}",
		"Write-ClaudeSetupValue ($verdicts -join '|')",
	),
	/**
	 * The process `pid` and up to 4 of its ancestors, one name per line, nearest first. From WMI
	 * (Win32_Process); where WMI fails (disabled, broken, Wine) PowerShell 7's Get-Process has
	 * `.Parent`. Windows PowerShell 5.1 has no `.Parent` and prints nothing then: half a chain
	 * (npx's own cmd.exe) would name the wrong shell, so the caller asks PowerShell 7 instead.
	 */
	parentChain: (pid: number): string => {
		if (!Number.isSafeInteger(pid) || pid <= 0) throw new Error(`Not a process id: ${pid}`);
		return script(
			`$id = ${pid}`,
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
		);
	},
} as const;

/** -EncodedCommand takes base64 of UTF-16LE: no quoting rules of cmd or PowerShell apply. */
export function encodeCommand(text: string): string {
	let binary = "";
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		binary += String.fromCharCode(unit & 0xff, unit >> 8);
	}
	return btoa(binary);
}

export function decodeEncodedCommand(arg: string): string {
	const binary = atob(arg);
	let text = "";
	for (let index = 0; index + 1 < binary.length; index += 2) {
		text += String.fromCharCode(binary.charCodeAt(index) | (binary.charCodeAt(index + 1) << 8));
	}
	return text;
}

export function powershellCall(
	host: PowerShellHost,
	text: string,
	options: { input?: string; loadProfile?: boolean } = {},
): PowerShellCall {
	const args = [
		"-NoLogo",
		"-NonInteractive",
		...(options.loadProfile === true ? [] : ["-NoProfile"]),
		"-EncodedCommand",
		encodeCommand(text),
	];
	return options.input === undefined
		? { command: host, args }
		: { command: host, args, input: options.input };
}

const MARKER = /<<claude-setup:(unset|set:([^\r\n]*?)):claude-setup>>/g;

/** The last marker wins (a profile may print anything, even our markers, before the script). */
export function readMarker(stdout: string): { marked: false } | { marked: true; value: string | undefined } {
	const last = [...stdout.matchAll(MARKER)].at(-1);
	if (last === undefined) return { marked: false };
	return { marked: true, value: last[1] === "unset" ? undefined : (last[2] ?? "") };
}
