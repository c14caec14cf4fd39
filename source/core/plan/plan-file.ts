// One file's planned change: read it as it is, edit it in memory, describe the edit.

import { applyBlock, applyRenderedBlock, blockMarkers, renderSourceBlock } from "../edit/block-edit.js";
import { commentOutLines } from "../edit/comment-out.js";
import { findDefinitions } from "../edit/definitions.js";
import { setDotenvVar } from "../edit/dotenv.js";
import { maskKey } from "../key/key.js";
import type { System } from "../system.js";
import { splitLines } from "../text/line-endings.js";
import { standalonePowerShellLines } from "../text/powershell-words.js";
import { decodeText } from "../text/text-encoding.js";
import { type BackupPlace, backupPath, fileBackupName } from "./backups.js";
import { describeFileError } from "./file-errors.js";
import type { Disable, FileChange } from "./plan-types.js";
import { displayPath, projectPath, type TargetFile } from "./targets.js";

export interface FileContext extends BackupPlace {
	readonly variable: string;
	readonly key: string;
	/** The file only sources claude-setup's private key file (it is under version control). */
	readonly sourceLine?: string;
	/** The comment above sourceLine, when it does not load the private file (the keychain's lookup). */
	readonly sourceComment?: string;
}

export type FilePlan = { ok: true; change: FileChange } | { ok: false; path: string; message: string };

/**
 * `disable`: lines of this file to comment out first. With `onlyDisable` the file is not a
 * target: nothing is added, the stale definitions are only commented out.
 */
export async function planFile(
	system: System,
	file: TargetFile,
	context: FileContext,
	disable: readonly Disable[] = [],
	onlyDisable = false,
): Promise<FilePlan> {
	const display =
		file.target === "dotenv"
			? projectPath(file.path, system.cwd, system.homeDir)
			: displayPath(file.path, system.homeDir);
	let bytes: Uint8Array | undefined;
	try {
		if ((await system.fs.info(file.path))?.isDirectory) {
			const message = `${display} is a folder, not a file. Rename or remove it, or choose another target.`;
			return { ok: false, path: file.path, message };
		}
		bytes = await system.fs.read(file.path);
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
	const { lines: disableLines, notes } = linesToDisable(before ?? "", file.syntax, disable, context.variable);
	const disabled = commentOutLines(before ?? "", disableLines);
	const edit: Edit = onlyDisable
		? { ok: true, text: disabled.text, action: disabled.count > 0 ? "disabled" : "unchanged", lines: [] }
		: editFor(file, disabled.text, context, system.platform);
	if (!edit.ok) return { ok: false, path: file.path, message: `${display}: ${edit.message}` };
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
			action: before === undefined ? "create" : edit.action,
			previewLines: [...edit.lines.map((line) => line.split(context.key).join(masked)), ...notes],
			// A .env edit replaces the first definition and deletes the rest: none is left to warn about.
			otherDefinitions:
				file.syntax === "dotenv"
					? []
					: findDefinitions(disabled.text, file.syntax, context.variable)
							.filter((definition) => !definition.insideOurBlock)
							.map((definition) => ({ line: definition.line, masked: maskKey(definition.value) })),
			backupPath: backup,
			backupDisplay: backup && displayPath(backup, system.homeDir),
		},
	};
}

type Edit =
	| { ok: true; text: string; action: FileChange["action"]; lines: string[] }
	| { ok: false; message: string };

/**
 * The lines to comment out, and a preview note for each. A PowerShell line that is only part
 * of a statement (it opens a `{` closed further down, starts a here-string, continues with a
 * backtick) stays: commenting it out would break the whole profile. Its note says so.
 */
export function linesToDisable(
	text: string,
	syntax: TargetFile["syntax"],
	disable: readonly Disable[],
	variable: string,
): { lines: number[]; notes: string[] } {
	const standalone =
		syntax === "powershell"
			? standalonePowerShellLines(splitLines(text).lines.map((line) => line.content))
			: undefined;
	const lines: number[] = [];
	const notes: string[] = [];
	for (const item of disable) {
		const safe = standalone === undefined || standalone[item.line - 1] === true;
		if (safe) lines.push(item.line);
		notes.push(
			`# line ${item.line}: ${variable}=${item.masked} — ${safe ? "commented out" : "left as it is: it is part of a longer statement, edit it by hand"}`,
		);
	}
	return { lines, notes };
}

function editFor(file: TargetFile, before: string, context: FileContext, platform: NodeJS.Platform): Edit {
	const { variable, key, sourceLine, sourceComment } = context;
	if (file.syntax === "dotenv") {
		const result = setDotenvVar(before, variable, key);
		return { ok: true, text: result.text, action: result.action, lines: [`${variable}=${key}`] };
	}
	// A new PowerShell profile on Windows gets Windows line endings; other new files get LF.
	const newFileEol = file.syntax === "powershell" && platform === "win32" ? "\r\n" : "\n";
	const result =
		sourceLine === undefined
			? applyBlock(before, file.syntax, [{ name: variable, value: key }], { newFileEol })
			: applyRenderedBlock(before, file.syntax, renderSourceBlock(file.syntax, sourceLine, sourceComment), [
					variable,
				]);
	if (!result.ok) return { ok: false, message: result.message };
	const lines = result.text.split(/\r?\n/);
	const start = result.blockStartLine - 1;
	const end = lines.indexOf(blockMarkers(file.syntax).end, start);
	return {
		ok: true,
		text: result.text,
		action: result.action === "removed" ? "replaced" : result.action,
		lines: lines.slice(start, end + 1),
	};
}
