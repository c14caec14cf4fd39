// Carries out a Plan: backups first, then atomic writes; on any failure, puts back
// every file already written so the user's files are as they were. One run at a time:
// the whole re-read, compare, write and put-back sequence holds claude-setup's write lock.
import { pruneBackups } from "../plan/backups.js";
import { describeFileError } from "../plan/file-errors.js";
import {
	forgetWritten,
	type ManifestEntry,
	readManifest,
	recordWritten,
	stateDirectory,
	USER_ENVIRONMENT_PATH,
} from "../plan/manifest.js";
import type { FileChange, Plan } from "../plan/plan.js";
import { displayPath } from "../plan/targets.js";
import type { System } from "../system.js";
import { type DecodedText, encodeText, type TextEncodingKind } from "../text/text-encoding.js";
import { removeUserVariable, setUserVariable } from "../windows/user-env.js";
import { applyKeychain, keychainManifestEntries } from "./apply-keychain.js";
import { findChangedSince } from "./changed-since.js";
import { busyMessage, lockFile } from "./write-lock.js";

export interface Written {
	readonly display: string;
	readonly path: string;
	readonly action: FileChange["action"] | "gitignore" | "user-variable";
	readonly backupPath?: string;
	readonly backupDisplay?: string;
}

export type ApplyResult =
	| { readonly ok: true; readonly written: readonly Written[] }
	| { readonly ok: false; readonly path: string; readonly message: string };

const SECRET_FILE_MODE = 0o600;
const PLAIN_FILE_MODE = 0o644;

export async function applyPlan(system: System, plan: Plan): Promise<ApplyResult> {
	if (!system.lock) return applyLocked(system, plan);
	const path = lockFile(system);
	let taken: Awaited<ReturnType<typeof system.lock>>;
	try {
		await system.fs.makeDirectory(stateDirectory(system), 0o700);
		taken = await system.lock(path);
	} catch (error) {
		return { ok: false, path, message: describeFileError(error, path, system.homeDir) };
	}
	if (!taken.ok) {
		const message =
			taken.reason === "stopping"
				? "claude-setup is stopping. Nothing was written."
				: busyMessage(taken.holderPid, displayPath(path, system.homeDir));
		return { ok: false, path, message };
	}
	try {
		return await applyLocked(system, plan);
	} finally {
		await taken.lock.release().catch(() => undefined);
	}
}

async function applyLocked(system: System, plan: Plan): Promise<ApplyResult> {
	const undo: Array<() => Promise<void>> = [];
	const written: Written[] = [];
	let current = "";
	try {
		const stale = await findChangedSince(system, plan, (path) => {
			current = path;
		});
		if (stale) {
			return {
				ok: false,
				path: stale,
				message: `${displayPath(stale, system.homeDir)} changed while claude-setup was running (another program or a second run?). Nothing was written; run \`claude-setup\` again.`,
			};
		}
		if (plan.keychain) {
			await applyKeychain(system, plan.keychain, {
				current: (path) => {
					current = path;
				},
				undo,
				backup: (path, text) => writeBackup(system, plan.backupDir, path, { text, encoding: "bytes" }),
				fail: (message) => new StepFailed(message),
			});
			const { settings } = plan.keychain;
			if (settings?.backupPath) {
				const { path, backupPath, backupDisplay, display } = settings;
				written.push({ display, path, action: "replaced", backupPath, backupDisplay });
			}
		}
		// The .gitignore goes first: the secret file must never exist un-ignored.
		if (plan.gitignore) {
			const { path, before, after, display } = plan.gitignore;
			current = path;
			await writeFile(system, path, { text: after, encoding: "bytes" }, PLAIN_FILE_MODE);
			undo.push(() => restore(system, path, before, "bytes"));
			written.push({ display, path, action: "gitignore" });
		}
		for (const change of plan.changes) {
			if (change.action === "unchanged") continue;
			current = change.file.path;
			if (change.backupPath && change.before !== undefined) {
				// A failing backup is named as such, not as the file it was meant to protect.
				current = change.backupPath;
				await writeBackup(system, plan.backupDir, change.backupPath, {
					text: change.before,
					encoding: change.encoding,
				});
				current = change.file.path;
			}
			if (change.after === undefined) await system.fs.remove(change.file.path);
			else
				await writeFile(
					system,
					change.file.path,
					{ text: change.after, encoding: change.encoding },
					SECRET_FILE_MODE,
					change.modeChange?.to,
				);
			const from = change.modeChange?.from;
			undo.push(() => restore(system, change.file.path, change.before, change.encoding, from));
			written.push({
				display: change.display,
				path: change.file.path,
				action: change.action,
				backupPath: change.backupPath,
				backupDisplay: change.backupDisplay,
			});
		}
		// Last: it is the one change that cannot be written atomically with the files.
		const variable = plan.userVariable;
		if (variable && variable.action !== "unchanged") {
			if (variable.backupPath && variable.previous !== undefined) {
				current = variable.backupPath;
				await writeBackup(system, plan.backupDir, variable.backupPath, {
					text: variable.previous,
					encoding: "bytes",
				});
			}
			const set =
				variable.action === "remove"
					? await removeUserVariable(system.run, variable.host, plan.variable)
					: await setUserVariable(system.run, variable.host, plan.variable, variable.value);
			if (!set.ok) throw new StepFailed(`${set.detail} Nothing was changed.`);
			written.push({
				display: variable.display,
				path: variable.display,
				action: "user-variable",
				backupPath: variable.backupPath,
				backupDisplay: variable.backupDisplay,
			});
		}
		const recorded = plan.removal
			? forgetWritten(system, plan.removal.entries)
			: recordManifest(system, plan);
		await recorded.catch(() => undefined);
		const backups = written.flatMap((item) => (item.backupPath ? [item.backupPath] : []));
		if (backups.length > 0) await pruneBackups(system, plan.backupDir, backups);
		return { ok: true, written };
	} catch (error) {
		for (const step of undo.reverse()) {
			await step().catch(() => undefined);
		}
		const message =
			error instanceof StepFailed ? error.message : describeFileError(error, current, system.homeDir);
		return { ok: false, path: current, message };
	}
}

/** A file whose block was taken out (or that was deleted) holds nothing of ours: its record goes. */
async function recordManifest(system: System, plan: Plan): Promise<void> {
	const gone = new Set(plan.changes.filter(leavesNothing).map((change) => change.file.path));
	if (gone.size > 0)
		await forgetWritten(
			system,
			(await readManifest(system)).filter((entry) => gone.has(entry.path)),
		);
	await recordWritten(system, manifestEntries(plan));
}

const leavesNothing = (change: FileChange) => change.action === "removed" || change.action === "deleted";

/** What `remove` needs to take this back later: where, which variable, and what we created. */
function manifestEntries(plan: Plan): ManifestEntry[] {
	const entries: ManifestEntry[] = plan.changes
		.filter((change) => change.action !== "unchanged" && !leavesNothing(change))
		.map((change) => ({
			target: change.file.target,
			path: change.file.path,
			variable: plan.variable,
			created: change.before === undefined,
			// Only stale lines commented out: the next rotation must not save the key there.
			...(change.action === "disabled" ? { disabledOnly: true } : {}),
		}));
	if (plan.userVariable && plan.userVariable.action !== "unchanged") {
		const created = plan.userVariable.previous === undefined;
		entries.push({ target: "windows", path: USER_ENVIRONMENT_PATH, variable: plan.variable, created });
	}
	if (plan.keychain) entries.push(...keychainManifestEntries(plan.keychain));
	return entries;
}

/** A failure that already says what happened in plain words (not a file-system error). */
class StepFailed extends Error {}

async function writeFile(
	system: System,
	path: string,
	content: DecodedText,
	modeIfNew: number,
	mode?: number,
) {
	const folder = path.slice(0, Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")));
	// claude-setup's own folder holds secrets (the private key file, backups): owner only.
	const folderMode = path.startsWith(stateDirectory(system)) ? 0o700 : 0o755;
	if (folder && !(await system.fs.info(folder))) await system.fs.makeDirectory(folder, folderMode);
	await system.fs.writeAtomic(path, encodeText(content), modeIfNew, mode);
}

/** Backups hold the old secret: owner-only folder and file. */
async function writeBackup(system: System, backupDir: string, path: string, content: DecodedText) {
	await system.fs.makeDirectory(backupDir, 0o700);
	await system.fs.writeAtomic(path, encodeText(content), SECRET_FILE_MODE);
}

/** Puts the old bytes back, and the old mode when the write changed it. */
async function restore(
	system: System,
	path: string,
	before: string | undefined,
	encoding: TextEncodingKind,
	mode?: number,
) {
	if (before === undefined) await system.fs.remove(path);
	else await system.fs.writeAtomic(path, encodeText({ text: before, encoding }), SECRET_FILE_MODE, mode);
}
