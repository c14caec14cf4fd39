// The plan's data: what will change in each file, the .gitignore, the Windows user variable,
// and what the plan was made from. Types only (and one rule about them), so every planner can share them.

import type { StoreCommands } from "../keychain/store-commands.js";
import type { ParseCheck } from "../parse/parse-gate.js";
import type { Detected } from "../platform/platform.js";
import type { TextEncodingKind } from "../text/text-encoding.js";
import type { WindowsContext } from "../windows/detect.js";
import type { ManifestEntry } from "./manifest.js";
import { CLAUDE_SETTINGS, type TargetFile, type TargetName } from "./targets.js";
import type { TrackedDotfile } from "./tracked-dotfile.js";
import type { HostPolicy, UserVariableChange } from "./windows-plan.js";

/** A definition claude-setup did not write, to comment out (rotation). */
export interface Disable {
	readonly path: string;
	readonly line: number;
	readonly masked: string;
}

export interface OtherDefinition {
	readonly line: number;
	readonly masked: string;
	/** Set when rotation was asked to comment it out but left it: why, and how to fix it by hand. */
	readonly left?: string;
}

export interface FileChange {
	readonly file: TargetFile;
	readonly display: string;
	/** The file's content now (see decodeText), undefined when it does not exist. */
	readonly before: string | undefined;
	/** The content to write; undefined deletes the file (remove: a file claude-setup created). */
	readonly after: string | undefined;
	/** How before/after map to bytes: apply.ts writes them back the same way (UTF-16 stays UTF-16). */
	readonly encoding: TextEncodingKind;
	readonly action:
		| "create"
		| "inserted"
		| "replaced"
		| "moved"
		| "unchanged"
		| "disabled"
		| "removed"
		| "deleted";
	/** claude-setup's own file (private key file, its .gitignore): no target, proven through those that use it. */
	readonly supporting?: boolean;
	/** A private key file: the startup files (shown) that source it. */
	readonly keyFileFor?: readonly string[];
	/** The lines we add or replace, with the key masked, for the preview. */
	readonly previewLines: readonly string[];
	readonly otherDefinitions: readonly OtherDefinition[];
	readonly backupPath: string | undefined;
	/** The backup path as shown to the user (`~/.local/state/…`). */
	readonly backupDisplay: string | undefined;
	/** What the shell that reads the file said about the new text (absent: nothing to check). */
	readonly parseCheck?: ParseCheck;
	/** Others could read it: written with `to` (default for a startup file getting the key). */
	readonly modeChange?: { readonly from: number; readonly to: number };
	/** A link that leads out of the home folder: where the key goes (needs a yes). */
	readonly linkOutsideHome?: string;
	/** What the preview says about its owner, mode and link (see file-access.ts). */
	readonly accessNotes?: readonly string[];
	/** claude-setup's block taken out of a startup file: new terminals stop loading the key (keychain, --no-shell). */
	readonly unloads?: boolean;
	/** The lines taken out of the file (claude-setup's block, keys masked), for the preview. */
	readonly removedLines?: readonly string[];
}

/**
 * A file a new shell or program reads the key from: not one whose stale lines were only
 * commented out or whose block was taken out, nor a supporting file.
 */
export function holdsKey(change: FileChange): boolean {
	const keyless = change.action === "disabled" || change.action === "removed" || change.action === "deleted";
	return !keyless && !change.supporting && change.file.target !== CLAUDE_SETTINGS;
}

export interface GitignoreChange {
	readonly path: string;
	readonly display: string;
	readonly before: string | undefined;
	readonly after: string;
	readonly entry: string;
}

export interface Plan {
	readonly variable: string;
	readonly masked: string;
	readonly changes: readonly FileChange[];
	readonly gitignore?: GitignoreChange;
	/** The .env is tracked by git: ignoring it does not untrack it. */
	readonly trackedSecretFile?: {
		readonly path: string;
		readonly display: string;
		readonly command: string;
		readonly cwd: string;
	};
	readonly backupDir: string;
	/** The windows target: the user environment variable. */
	readonly userVariable?: UserVariableChange;
	/** PowerShell hosts whose execution policy will not run the profile we write. */
	readonly blockedProfiles: readonly HostPolicy[];
	/** Target files under version control, and whether the key is kept out of each. */
	readonly trackedDotfiles?: readonly TrackedDotfile[];
	/** The keychain target: the item to store and Claude Code's apiKeyHelper (plan-keychain.ts). */
	readonly keychain?: KeychainChange;
	/** Set when this plan takes claude-setup's changes back: these records are then forgotten. */
	readonly removal?: { readonly entries: readonly ManifestEntry[] };
}

/** Claude Code's settings.json, given an apiKeyHelper that reads the keychain. */
export interface SettingsChange {
	readonly path: string;
	readonly display: string;
	readonly before: string | undefined;
	readonly after: string;
	readonly command: string;
	/** Another apiKeyHelper that was there (kept in the backup). */
	readonly replaces?: string;
	readonly backupPath?: string;
	readonly backupDisplay?: string;
}

export interface KeychainChange {
	readonly store: StoreCommands;
	/** The item's account: the variable's name. */
	readonly account: string;
	readonly value: string;
	readonly masked: string;
	/** What the item held before, put back if writing fails. */
	readonly previous?: string;
	readonly settings?: SettingsChange;
}

export interface PlanInput {
	readonly targets: readonly TargetName[];
	readonly variable: string;
	readonly key: string;
	readonly envFile?: string;
	readonly detected: Detected;
	readonly windows?: WindowsContext;
	/** Definitions claude-setup did not write, to comment out (rotation). */
	readonly disable?: readonly Disable[];
	/** Keep the key in claude-setup's private file, sourced from the startup files (see plan-private). */
	readonly privateFile?: boolean;
	/** Leave startup files that others can read as they are, instead of making them 0600. */
	readonly keepModes?: boolean;
	/** Claude Code settings.json files whose `env` value is replaced with the key (it would win). */
	readonly claudeSettings?: readonly string[];
	/** The keychain target's store (probed): the shell targets' blocks then read the key from it. */
	readonly keychain?: StoreCommands;
	/** Shell targets claude-setup wrote before whose block is taken out: the key is loaded only on request. */
	readonly unload?: readonly TargetName[];
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; path: string; message: string };
