// Every PowerShell text claude-setup can produce, built by the real generators over hostile
// inputs: the scripts it runs (SCRIPTS, for every variable it asks about), the commands it tells
// people to run, and PowerShell profiles after each kind of edit (block written, replaced,
// moved, removed; definitions commented out and restored). The real parser judges them all.
import { applyBlock, removeBlock, renderBlock } from "../../../source/core/edit/block-edit.js";
import { commentOutLines, restoreCommentedLines } from "../../../source/core/edit/comment-out.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { linesToDisable } from "../../../source/core/plan/plan-file.js";
import { SETTING_VARIABLES } from "../../../source/core/scan/scan-types.js";
import { FIX_COMMAND } from "../../../source/core/windows/execution-policy.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { testKey } from "../../helpers/temp-system.js";

export interface CorpusItem {
	readonly name: string;
	readonly text: string;
}

const KEY = testKey("CorpusSecret", "CoRp");
const OTHER_KEY = testKey("CorpusOther", "OtHr");
const VARIABLES = [...SETTING_VARIABLES];
const PIDS = [1, 4242, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER];

/**
 * One entry per script of SCRIPTS, typed so that a new script that is left out here fails
 * the typecheck (and so `npm test`).
 */
const SCRIPT_CASES: { readonly [K in keyof typeof SCRIPTS]: () => CorpusItem[] } = {
	profilePath: () => [{ name: "profilePath", text: SCRIPTS.profilePath }],
	version: () => [{ name: "version", text: SCRIPTS.version }],
	executionPolicyList: () => [{ name: "executionPolicyList", text: SCRIPTS.executionPolicyList }],
	allowProfiles: () => [{ name: "allowProfiles", text: SCRIPTS.allowProfiles }],
	setUserVariable: () => named("setUserVariable", SCRIPTS.setUserVariable),
	readUserVariable: () => named("readUserVariable", SCRIPTS.readUserVariable),
	removeUserVariable: () => named("removeUserVariable", SCRIPTS.removeUserVariable),
	readVariableAfterProfile: () => named("readVariableAfterProfile", SCRIPTS.readVariableAfterProfile),
	parentChain: () => PIDS.map((pid) => ({ name: `parentChain ${pid}`, text: SCRIPTS.parentChain(pid) })),
};

function named(kind: string, make: (name: string) => string): CorpusItem[] {
	// Lower case too: Windows names are case-insensitive and a profile may write them so.
	return [...VARIABLES, "anthropic_api_key", "_x1"].map((name) => ({
		name: `${kind} ${name}`,
		text: make(name),
	}));
}

export const SCRIPT_NAMES = Object.keys(SCRIPT_CASES);

/** What the messages tell people to type into PowerShell. */
const SHOWN_COMMANDS: CorpusItem[] = [
	{ name: "the execution policy fix", text: FIX_COMMAND },
	{ name: "the policy check", text: "Get-ExecutionPolicy -List" },
	{ name: "README undo", text: "[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', $null, 'User')" },
];

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
		"# Added by claude-setup. Re-run `npx claude-setup` to change the key; delete this block to remove it.",
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

/** The same profile as it may be saved: LF, CRLF, no final newline, a BOM (as text: U+FEFF). */
const SHAPES: ReadonlyArray<[string, (text: string) => string]> = [
	["LF", (text) => text],
	["CRLF", (text) => text.replace(/\n/g, "\r\n")],
	["no final newline", (text) => text.replace(/\n$/, "")],
	["BOM + CRLF, no final newline", (text) => `\uFEFF${text.replace(/\n/g, "\r\n").replace(/\r\n$/, "")}`],
];

function mustEdit(result: ReturnType<typeof applyBlock>, what: string): string {
	if (!result.ok) throw new Error(`${what}: ${result.message}`);
	return result.text;
}

/** Every edit claude-setup makes to one profile, as the text it would write. */
function profileEdits(label: string, original: string): CorpusItem[] {
	const items: CorpusItem[] = [{ name: `${label}: as found`, text: original }];
	for (const eol of ["\r\n", "\n"] as const) {
		const written = mustEdit(
			applyBlock(original, "powershell", [{ name: "ANTHROPIC_API_KEY", value: KEY }], { newFileEol: eol }),
			label,
		);
		items.push({ name: `${label}: block written (${JSON.stringify(eol)} for a new file)`, text: written });
		const rotated = applyBlock(written, "powershell", [{ name: "ANTHROPIC_API_KEY", value: OTHER_KEY }]);
		items.push({ name: `${label}: block replaced`, text: mustEdit(rotated, label) });
		const removed = removeBlock(written, "powershell");
		items.push({ name: `${label}: block removed`, text: mustEdit(removed, label) });
	}
	// Rotation comments out the old definitions the planner picks (and leaves the others).
	const definitions = VARIABLES.flatMap((variable) => findDefinitions(original, "powershell", variable));
	const foreign = definitions
		.filter((definition) => !definition.insideOurBlock)
		.map(({ line }) => ({ path: "profile.ps1", line, masked: "…" }));
	if (foreign.length > 0) {
		const { lines } = linesToDisable(original, "powershell", foreign, "ANTHROPIC_API_KEY");
		const disabled = commentOutLines(original, lines).text;
		items.push({ name: `${label}: old definitions commented out`, text: disabled });
		items.push({
			name: `${label}: commented out, then restored`,
			text: restoreCommentedLines(disabled).text,
		});
		const rotated = applyBlock(disabled, "powershell", [{ name: "ANTHROPIC_API_KEY", value: KEY }]);
		items.push({ name: `${label}: commented out, block written`, text: mustEdit(rotated, label) });
	}
	return items;
}

/** The blocks themselves, for every variable and kind of value the block accepts. */
function blocks(): CorpusItem[] {
	const values = [KEY, "sk-ant-oat01-abc_DEF-123", "-", "_"];
	return VARIABLES.flatMap((name) =>
		values.map((value) => ({
			name: `block ${name}=${value.slice(0, 12)}`,
			text: renderBlock("powershell", [{ name, value }]).join("\r\n"),
		})),
	);
}

export function powershellCorpus(): { scripts: CorpusItem[]; profiles: CorpusItem[]; originals: number } {
	const scripts = [...Object.values(SCRIPT_CASES).flatMap((make) => make()), ...SHOWN_COMMANDS];
	const profiles = [
		...blocks(),
		...Object.entries(HOSTILE_PROFILES).flatMap(([label, text]) =>
			SHAPES.flatMap(([shape, reshape]) => profileEdits(`${label} [${shape}]`, reshape(text))),
		),
	];
	return { scripts, profiles, originals: Object.keys(HOSTILE_PROFILES).length * SHAPES.length };
}

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
