// Answers + the files as they are now → the exact changes to preview and then apply.
// Nothing here writes; apply.ts does, from this plan only.
import { applyBlock, blockMarkers } from "./block-edit.js";
import { findDefinitions } from "./definitions.js";
import { setDotenvVar } from "./dotenv.js";
import { describeFileError } from "./file-errors.js";
import { planGitignore } from "./gitignore.js";
import { maskKey } from "./key.js";
import type { Detected } from "./platform.js";
import type { System } from "./system.js";
import { displayPath, projectPath, resolveTarget, type TargetFile, type TargetName } from "./targets.js";
import { decodeText, type TextEncodingKind } from "./text-encoding.js";

export interface OtherDefinition {
	readonly line: number;
	readonly masked: string;
}

export interface FileChange {
	readonly file: TargetFile;
	readonly display: string;
	/** The file's content now (see decodeText), undefined when it does not exist. */
	readonly before: string | undefined;
	readonly after: string;
	/** How before/after map to bytes: apply.ts writes them back the same way (UTF-16 stays UTF-16). */
	readonly encoding: TextEncodingKind;
	readonly action: "create" | "inserted" | "replaced" | "moved" | "unchanged";
	/** The lines we add or replace, with the key masked, for the preview. */
	readonly previewLines: readonly string[];
	readonly otherDefinitions: readonly OtherDefinition[];
	readonly backupPath: string | undefined;
	/** The backup path as shown to the user (`~/.local/state/…`). */
	readonly backupDisplay: string | undefined;
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
}

export interface PlanInput {
	readonly targets: readonly TargetName[];
	readonly variable: string;
	readonly key: string;
	readonly envFile?: string;
	readonly detected: Detected;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; path: string; message: string };

export function backupDirectory(system: System): string {
	const stateHome = system.env.XDG_STATE_HOME || `${system.homeDir}/.local/state`;
	return `${stateHome}/claude-setup/backups`;
}

export async function planChanges(system: System, input: PlanInput): Promise<PlanResult> {
	const backupDir = backupDirectory(system);
	const masked = maskKey(input.key);
	const existing = new Set(await presentFiles(system));
	const changes: FileChange[] = [];
	for (const target of input.targets) {
		const file = resolveTarget(target, {
			os: input.detected.os,
			home: system.homeDir,
			zdotdir: input.detected.zdotdir,
			xdgConfigHome: input.detected.xdgConfigHome,
			cwd: system.cwd,
			envFile: input.envFile,
			existing: (path) => existing.has(path),
		});
		const display =
			file.target === "dotenv"
				? projectPath(file.path, system.cwd, system.homeDir)
				: displayPath(file.path, system.homeDir);
		let bytes: Uint8Array | undefined;
		try {
			if ((await system.fs.info(file.path))?.isDirectory) {
				return {
					ok: false,
					path: file.path,
					message: `${display} is a folder, not a file. Rename or remove it, or choose another target.`,
				};
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
		const edit = editFor(file, before ?? "", input.variable, input.key);
		if (!edit.ok) return { ok: false, path: file.path, message: `${display}: ${edit.message}` };
		const stamp = new Date(system.now()).toISOString().replace(/[:.]/g, "-");
		const backupPath =
			before === undefined || edit.action === "unchanged"
				? undefined
				: `${backupDir}/${baseName(file.path)}.${stamp}.bak`;
		changes.push({
			file,
			display,
			before,
			after: edit.text,
			encoding: decoded?.encoding ?? "bytes",
			action: before === undefined ? "create" : edit.action,
			previewLines: edit.lines.map((line) => line.split(input.key).join(masked)),
			// A .env edit replaces the first definition and deletes the rest: none is left to warn about.
			otherDefinitions:
				file.syntax === "dotenv"
					? []
					: findDefinitions(before ?? "", file.syntax, input.variable)
							.filter((definition) => !definition.insideOurBlock)
							.map((definition) => ({ line: definition.line, masked: maskKey(definition.value) })),
			backupPath,
			backupDisplay: backupPath && displayPath(backupPath, system.homeDir),
		});
	}
	const dotenv = changes.find((change) => change.file.target === "dotenv");
	const git = dotenv ? await planGitignore(system.run, dotenv.file.path, system.fs) : undefined;
	return {
		ok: true,
		plan: {
			variable: input.variable,
			masked,
			changes,
			backupDir,
			gitignore: git?.addition
				? {
						path: git.addition.path,
						display: projectPath(git.addition.path, system.cwd, system.homeDir),
						before: git.addition.before,
						after: git.addition.after,
						entry: git.addition.entry,
					}
				: undefined,
			trackedSecretFile: git?.tracked && {
				...git.tracked,
				display: projectPath(git.tracked.path, system.cwd, system.homeDir),
			},
		},
	};
}

type Edit =
	| { ok: true; text: string; action: FileChange["action"]; lines: string[] }
	| { ok: false; message: string };

function editFor(file: TargetFile, before: string, variable: string, key: string): Edit {
	if (file.syntax === "dotenv") {
		const result = setDotenvVar(before, variable, key);
		return { ok: true, text: result.text, action: result.action, lines: [`${variable}=${key}`] };
	}
	const result = applyBlock(before, file.syntax, [{ name: variable, value: key }]);
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

/** Files whose existence changes which file a target uses (the bash login files). */
export async function presentFiles(system: System): Promise<string[]> {
	const separator = system.platform === "win32" ? "\\" : "/";
	const present: string[] = [];
	for (const name of [".bash_profile", ".bash_login", ".profile"]) {
		const path = `${system.homeDir}${separator}${name}`;
		if ((await system.fs.info(path))?.isFile) present.push(path);
	}
	return present;
}

function baseName(path: string): string {
	return path.split(/[\\/]/).pop() || "file";
}
