// Every PowerShell text claude-setup can produce, built by the real generators over hostile
// inputs: the scripts it runs (SCRIPTS, for every variable it asks about), the commands it tells
// people to run, and PowerShell profiles after each kind of edit (block written, replaced,
// moved, removed; definitions commented out and restored). The real parser judges them all.
import {
	applyBlock,
	applyRenderedBlock,
	removeBlock,
	renderBlock,
	renderSourceBlock,
} from "../../../source/core/edit/block-edit.js";
import { commentOutLines, restoreCommentedLines } from "../../../source/core/edit/comment-out.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { linesToDisable } from "../../../source/core/plan/plan-file.js";
import { privateFilePath, sourceLine } from "../../../source/core/plan/private-file.js";
import { SETTING_VARIABLES } from "../../../source/core/scan/scan-types.js";
import { FIX_COMMAND } from "../../../source/core/windows/execution-policy.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { createNodeSystem } from "../../../source/system/node-system.js";
import { NO_API, testKey } from "../../helpers/temp-system.js";
import { HOSTILE_HOMES, HOSTILE_PROFILES, OTHER_KEY } from "./powershell-hostile.js";

export { HOSTILE_HOMES, HOSTILE_PROFILES, NEWER_SYNTAX } from "./powershell-hostile.js";

export interface CorpusItem {
	readonly name: string;
	readonly text: string;
}

const KEY = testKey("CorpusSecret", "CoRp");
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
	parseTexts: () => [{ name: "parseTexts", text: SCRIPTS.parseTexts }],
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
	{
		name: "README undo",
		text: "[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', [NullString]::Value, 'User')",
	},
];

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
	// A tracked profile: the block only sources the private file; later the key goes in after all.
	const line = SOURCE_LINES[original.length % SOURCE_LINES.length] ?? "";
	const source = renderSourceBlock("powershell", line);
	const sourced = mustEdit(applyRenderedBlock(original, "powershell", source, ["ANTHROPIC_API_KEY"]), label);
	items.push({ name: `${label}: sourcing block written`, text: sourced });
	const inline = applyBlock(sourced, "powershell", [{ name: "ANTHROPIC_API_KEY", value: KEY }]);
	items.push({ name: `${label}: sourcing block replaced by the key`, text: mustEdit(inline, label) });
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

/**
 * The line that sources the private key file, for hostile home folders: below $HOME (the
 * usual case), at a literal path when HOME is not the home folder or XDG_STATE_HOME is elsewhere.
 */
export function privateFileLines(): CorpusItem[] {
	const base = createNodeSystem({ api: NO_API });
	return HOSTILE_HOMES.flatMap((name) => {
		const home = `/home/${name}`;
		const cases: [string, Record<string, string>][] = [
			["below $HOME", { HOME: home }],
			["XDG_STATE_HOME below $HOME", { HOME: home, XDG_STATE_HOME: `${home}/${name}` }],
			["HOME elsewhere", { HOME: "/somewhere/else" }],
			["XDG_STATE_HOME elsewhere", { HOME: home, XDG_STATE_HOME: `/srv/${name}/state` }],
		];
		return cases.map(([how, env]) => {
			const system = { ...base, platform: "linux" as const, homeDir: home, env };
			const text = sourceLine("powershell", privateFilePath(system, "powershell"), system);
			if (text === undefined) throw new Error(`no line for ${JSON.stringify(name)}`);
			return { name: `sourcing line, ${how}: ${name}`, text };
		});
	});
}

const SOURCE_LINES = privateFileLines().map((item) => item.text);

export function powershellCorpus(): { scripts: CorpusItem[]; profiles: CorpusItem[]; originals: number } {
	const scripts = [...Object.values(SCRIPT_CASES).flatMap((make) => make()), ...SHOWN_COMMANDS];
	const profiles = [
		...blocks(),
		...privateFileLines().flatMap((item) => [
			item,
			{ name: `${item.name} (block)`, text: renderSourceBlock("powershell", item.text).join("\r\n") },
		]),
		...Object.entries(HOSTILE_PROFILES).flatMap(([label, text]) =>
			SHAPES.flatMap(([shape, reshape]) => profileEdits(`${label} [${shape}]`, reshape(text))),
		),
	];
	return { scripts, profiles, originals: Object.keys(HOSTILE_PROFILES).length * SHAPES.length };
}
