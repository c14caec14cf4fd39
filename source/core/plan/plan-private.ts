// Which startup files get only a line that sources claude-setup's private key file, and the
// planned change of that private file itself (0600, one per shell syntax).

import { pathsFor } from "../platform/paths.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";
import { stateDirectory } from "./manifest.js";
import { type FileContext, type FilePlan, planFile } from "./plan-file.js";
import type { FileChange } from "./plan-types.js";
import {
	canUsePrivateFile,
	type PrivateSyntax,
	privateFilePath,
	sourceLine,
	sourcesPrivateFile,
} from "./private-file.js";
import { displayPath, type FileOwner, type TargetFile } from "./targets.js";
import { findTrackedDotfile, type TrackedDotfile } from "./tracked-dotfile.js";

export interface PrivatePlan {
	/** Startup file path → the line that sources the private file, for files that use it. */
	readonly sourceLines: ReadonlyMap<string, string>;
	/** The private files' own changes, to apply before the startup files that source them. */
	readonly changes: readonly FileChange[];
	readonly tracked: readonly TrackedDotfile[];
}

/**
 * `privateFile`: true = every shell target sources the private file; false = none does;
 * undefined = only those whose block already sources it (a rotation keeps a tracked file as it is).
 */
export async function planPrivateFiles(
	system: System,
	files: readonly TargetFile[],
	privateFile: boolean | undefined,
	context: FileContext,
): Promise<{ ok: true; plan: PrivatePlan } | Extract<FilePlan, { ok: false }>> {
	const sourceLines = new Map<string, string>();
	const tracked: TrackedDotfile[] = [];
	const users = new Map<PrivateSyntax, TargetFile[]>();
	for (const file of files) {
		if (!canUsePrivateFile(file, system)) continue;
		const syntax = file.syntax as PrivateSyntax;
		const line = sourceLine(syntax, privateFilePath(system, syntax), system);
		const use =
			line !== undefined &&
			(privateFile === true || (privateFile === undefined && (await alreadySources(system, file, line))));
		const found = await findTrackedDotfile(system, file.path);
		if (found) tracked.push({ ...found, private: use });
		if (!use || line === undefined) continue;
		sourceLines.set(file.path, line);
		users.set(syntax, [...(users.get(syntax) ?? []), file]);
	}
	const changes: FileChange[] = [];
	for (const [syntax, sources] of users) {
		const first = sources[0];
		if (first === undefined) continue;
		const path = privateFilePath(system, syntax);
		const target: TargetFile = {
			target: first.target,
			path,
			syntax,
			ownsWholeFile: true,
			label: `private key file — ${displayPath(path, system.homeDir)}`,
		};
		const planned = await planFile(system, target, context);
		if (!planned.ok) return planned;
		const keyFileFor = sources.map((file) => displayPath(file.path, system.homeDir));
		changes.push({ ...planned.change, supporting: true, keyFileFor });
	}
	const ignore =
		changes[0] === undefined ? undefined : await ignoreStateFolder(system, changes[0].file.target);
	return { ok: true, plan: { sourceLines, changes: ignore ? [ignore, ...changes] : changes, tracked } };
}

const IGNORE_ALL = "# claude-setup's private files (your key, backups): git must never pick them up.\n*\n";

/** A repository in $HOME holds ~/.local/state too: a `*` .gitignore keeps the whole folder out of it. */
async function ignoreStateFolder(system: System, target: FileOwner): Promise<FileChange | undefined> {
	const path = pathsFor(system.platform).join(stateDirectory(system), ".gitignore");
	const bytes = await system.fs.read(path).catch(() => undefined);
	const before = bytes === undefined ? undefined : decodeText(bytes).text;
	if (before?.split(/\r?\n/).includes("*")) return undefined;
	const display = displayPath(path, system.homeDir);
	return {
		file: { target, path, syntax: "posix", ownsWholeFile: true, label: display },
		display,
		before,
		after: before === undefined ? IGNORE_ALL : `${before.replace(/[^\n]$/, "$&\n")}*\n`,
		encoding: "bytes",
		action: before === undefined ? "create" : "replaced",
		previewLines: ["*"],
		otherDefinitions: [],
		backupPath: undefined,
		backupDisplay: undefined,
		supporting: true,
	};
}

async function alreadySources(system: System, file: TargetFile, line: string): Promise<boolean> {
	const bytes = await system.fs.read(file.path).catch(() => undefined);
	if (bytes === undefined) return false;
	return sourcesPrivateFile(decodeText(bytes).text, file.syntax as PrivateSyntax, line);
}
