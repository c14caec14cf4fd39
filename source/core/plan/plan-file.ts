// One file's planned change: read it as it is, edit it in memory, describe the edit.

import { applyBlock, applyRenderedBlock, blockMarkers, renderSourceBlock } from "../edit/block-edit.js";
import { commentOutLines } from "../edit/comment-out.js";
import { findDefinitions } from "../edit/definitions.js";
import { setDotenvVar } from "../edit/dotenv.js";
import { maskKey } from "../key/key.js";
import type { System } from "../system.js";
import { splitLines } from "../text/line-endings.js";
import { FIX_BY_HAND, LEFT_BECAUSE, statementPlacements } from "../text/shell-statements.js";
import { decodeText } from "../text/text-encoding.js";
import { type BackupPlace, backupPath, fileBackupName } from "./backups.js";
import { type Access, decideAccess } from "./file-access.js";
import { describeFileError } from "./file-errors.js";
import { gateChange } from "./parse-change.js";
import type { Disable, FileChange } from "./plan-types.js";
import { keptNote, type TakenOut, takeOut } from "./take-out.js";
import { displayPath, projectPath, type TargetFile } from "./targets.js";

export interface FileContext extends BackupPlace {
	readonly variable: string;
	readonly key: string;
	/** The file only sources claude-setup's private key file (it is under version control). */
	readonly sourceLine?: string;
	/** Leave a startup file that others can read as it is (the person chose so). */
	readonly keepModes?: boolean;
	/** The comment above sourceLine, when it does not load the private file (the keychain's lookup). */
	readonly sourceComment?: string;
}

/** The syntaxes planFile edits (a JSON settings file has its own planner). */
type ShellOrDotenv = Exclude<TargetFile["syntax"], "json">;

export type FilePlan = { ok: true; change: FileChange } | { ok: false; path: string; message: string };

/**
 * What planFile does besides commenting out `disable`: write the block (or .env line); nothing
 * (the file is not a target: its stale definitions are only commented out); or take
 * claude-setup's block out (the keychain, loaded only on request).
 */
export type FileMode = "write" | "only-disable" | "take-out";

/** `disable`: lines of this file to comment out first. */
export async function planFile(
	system: System,
	file: TargetFile,
	context: FileContext,
	disable: readonly Disable[] = [],
	mode: FileMode = "write",
): Promise<FilePlan> {
	if (file.syntax === "json")
		return { ok: false, path: file.path, message: `${file.path} is not a startup file.` };
	const syntax = file.syntax;
	const display =
		file.target === "dotenv"
			? projectPath(file.path, system.cwd, system.homeDir)
			: displayPath(file.path, system.homeDir);
	let bytes: Uint8Array | undefined;
	let access: Access;
	try {
		const info = await system.fs.info(file.path);
		if (info?.isDirectory) {
			const message = `${display} is a folder, not a file. Rename or remove it, or choose another target.`;
			return { ok: false, path: file.path, message };
		}
		const decided = decideAccess({
			display,
			info,
			homes: [system.homeDir, (await system.fs.info(system.homeDir))?.realPath ?? system.homeDir],
			userId: system.userId,
			homeFile: file.syntax !== "dotenv",
			holdsKeyInStartupFile: mode === "write" && file.syntax !== "dotenv" && system.platform !== "win32",
			keepMode: context.keepModes,
		});
		// Read first: what is not a regular file is refused as such, whoever owns it.
		bytes = await system.fs.read(file.path);
		if (!decided.ok) return { ok: false, path: file.path, message: decided.message };
		access = decided;
	} catch (error) {
		// Unreadable, or a file where a folder should be: say so instead of crashing.
		return {
			ok: false,
			path: file.path,
			message: describeFileError(error, file.path, system.homeDir, "read"),
		};
	}
	const decoded = bytes === undefined ? undefined : decodeText(bytes);
	const before = decoded?.text;
	const {
		lines: disableLines,
		notes,
		left,
	} = linesToDisable(before ?? "", syntax, disable, context.variable);
	const disabled = commentOutLines(before ?? "", disableLines);
	const edit: Edit =
		mode === "write"
			? editFor(syntax, disabled.text, context, system.platform)
			: mode === "take-out" && syntax !== "dotenv"
				? takeOut(syntax, disabled, file.ownsWholeFile)
				: { ok: true, text: disabled.text, action: disabled.count > 0 ? "disabled" : "unchanged", lines: [] };
	if (!edit.ok) return { ok: false, path: file.path, message: `${display}: ${edit.message}` };
	const gated = await gateChange(system, file, display, before, edit.text, context.key);
	if (!gated.ok) return { ok: false, path: file.path, message: gated.message };
	const backup =
		before === undefined || edit.action === "unchanged"
			? undefined
			: backupPath(context, fileBackupName(file.path));
	const masked = maskKey(context.key);
	return {
		ok: true,
		change: {
			file,
			display,
			before,
			after: edit.text,
			encoding: decoded?.encoding ?? "bytes",
			action: before === undefined && mode === "write" ? "create" : edit.action,
			previewLines: [...edit.lines.map((line) => line.split(context.key).join(masked)), ...notes],
			// A .env edit replaces the first definition and deletes the rest: none is left to warn about.
			otherDefinitions:
				syntax === "dotenv"
					? []
					: findDefinitions(disabled.text, syntax, context.variable)
							.filter((definition) => !definition.insideOurBlock)
							.map((definition) => {
								const why = left.get(definition.line);
								const other = { line: definition.line, masked: maskKey(definition.value) };
								return why === undefined ? other : { ...other, left: why };
							}),
			backupPath: backup,
			backupDisplay: backup && displayPath(backup, system.homeDir),
			...(gated.check === undefined ? {} : { parseCheck: gated.check }),
			...(access.modeChange ? { modeChange: access.modeChange } : {}),
			...(access.linkOutsideHome ? { linkOutsideHome: access.linkOutsideHome } : {}),
			...(access.notes.length > 0 ? { accessNotes: access.notes } : {}),
			...(edit.removed ? { unloads: true, removedLines: edit.removed } : {}),
		},
	};
}

/** Every edit's result has the shape of a take-out's (one without `removed` adds or changes lines). */
type Edit = TakenOut;

/**
 * The lines to comment out, a preview note for each, and why each other one was left. Only a
 * line that is one whole top-level statement is commented out (shell-statements.ts, one rule for
 * every shell); any other (inside an `if`, a heredoc, joined by `&&`…) would break the file or
 * change what else runs, so it stays and its note says how to fix it by hand.
 */
export function linesToDisable(
	text: string,
	syntax: ShellOrDotenv,
	disable: readonly Disable[],
	variable: string,
): { lines: number[]; notes: string[]; left: Map<number, string> } {
	const placements =
		syntax === "dotenv"
			? undefined
			: statementPlacements(
					splitLines(text).lines.map((line) => line.content),
					syntax,
				);
	const lines: number[] = [];
	const notes: string[] = [];
	const left = new Map<number, string>();
	for (const item of disable) {
		const placement = placements?.[item.line - 1] ?? "standalone";
		if (placement === "standalone") {
			lines.push(item.line);
			notes.push(`# line ${item.line}: ${variable}=${item.masked} — commented out`);
			continue;
		}
		const why = `left as it is: ${LEFT_BECAUSE[placement]}; ${FIX_BY_HAND}`;
		left.set(item.line, why);
		notes.push(`# line ${item.line}: ${variable}=${item.masked} — ${why}`);
	}
	return { lines, notes, left };
}

function editFor(
	syntax: ShellOrDotenv,
	before: string,
	context: FileContext,
	platform: NodeJS.Platform,
): Edit {
	const { variable, key, sourceLine, sourceComment } = context;
	if (syntax === "dotenv") {
		const result = setDotenvVar(before, variable, key);
		return { ok: true, text: result.text, action: result.action, lines: [`${variable}=${key}`] };
	}
	// A new PowerShell profile on Windows gets Windows line endings; other new files get LF.
	const newFileEol = syntax === "powershell" && platform === "win32" ? "\r\n" : "\n";
	const result =
		sourceLine === undefined
			? applyBlock(before, syntax, [{ name: variable, value: key }], { newFileEol })
			: applyRenderedBlock(before, syntax, renderSourceBlock(syntax, sourceLine, sourceComment), [variable]);
	if (!result.ok) return { ok: false, message: result.message };
	const lines = result.text.split(/\r?\n/);
	const start = result.blockStartLine - 1;
	const end = lines.indexOf(blockMarkers(syntax).end, start);
	return {
		ok: true,
		text: result.text,
		action: result.action === "removed" ? "replaced" : result.action,
		lines: [
			...lines.slice(start, end + 1),
			...keptNote(result.keptLines, result.action === "moved" ? "where the block was" : "now just above it"),
		],
	};
}
