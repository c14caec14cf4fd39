// What claude-setup wrote and where, so `remove` takes back exactly that: the marked blocks
// carry their own markers, but a .env line and a Windows user variable cannot. Never a secret.
import { pathsFor, xdgFolder } from "../platform/paths.js";
import type { System } from "../system.js";
import { CLAUDE_SETTINGS, type FileOwner, TARGET_NAMES, type TargetName } from "./targets.js";

export interface ManifestEntry {
	/** claude-settings: a Claude Code settings.json whose `env` value claude-setup replaced. */
	readonly target: FileOwner;
	/** The file, or "user-environment" for the Windows user variable. */
	readonly path: string;
	readonly variable: string;
	/** claude-setup created the file (or the variable): removing ours deletes it. */
	readonly created: boolean;
	/** claude-setup only commented out stale definitions here: remove restores them, but it is not a target. */
	readonly disabledOnly?: boolean;
	/** The person's own apiKeyHelper that the keychain's replaced: remove puts it back. */
	readonly replacedHelper?: string;
}

export const USER_ENVIRONMENT_PATH = "user-environment";

export function stateDirectory(system: System): string {
	const { join } = pathsFor(system.platform);
	if (system.platform === "win32") {
		return join(system.env.LOCALAPPDATA || join(system.homeDir, "AppData", "Local"), "claude-setup");
	}
	return join(xdgFolder(system.env, "XDG_STATE_HOME", system.homeDir, system.platform), "claude-setup");
}

function manifestFile(system: System): string {
	return pathsFor(system.platform).join(stateDirectory(system), "written.json");
}

export async function readManifest(system: System): Promise<ManifestEntry[]> {
	try {
		const bytes = await system.fs.read(manifestFile(system));
		if (!bytes) return [];
		const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
		return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
	} catch {
		// A damaged manifest only costs precision: remove still finds the marked blocks.
		return [];
	}
}

/** Adds entries (a file created once stays "created" when written again later). */
export async function recordWritten(system: System, entries: readonly ManifestEntry[]): Promise<void> {
	const merged = await readManifest(system);
	for (const entry of entries) {
		const index = merged.findIndex((known) => sameEntry(known, entry));
		if (index === -1) merged.push(entry);
		else {
			const known = merged[index];
			// Once claude-setup saved the key in a file, it stays a target.
			const disabledOnly = known?.disabledOnly === true && entry.disabledOnly === true;
			merged[index] = {
				...entry,
				created: known?.created === true || entry.created,
				// A later run finds our helper there: the person's own is still the one to put back.
				replacedHelper: entry.replacedHelper ?? known?.replacedHelper,
				...(disabledOnly ? { disabledOnly } : { disabledOnly: undefined }),
			};
		}
	}
	await save(system, merged);
}

export async function forgetWritten(system: System, entries: readonly ManifestEntry[]): Promise<void> {
	const kept = (await readManifest(system)).filter(
		(known) => !entries.some((entry) => sameEntry(known, entry)),
	);
	await save(system, kept);
}

async function save(system: System, entries: readonly ManifestEntry[]): Promise<void> {
	await system.fs.makeDirectory(stateDirectory(system), 0o700);
	const text = `${JSON.stringify(entries, null, 2)}\n`;
	await system.fs.writeAtomic(manifestFile(system), new TextEncoder().encode(text), 0o600);
}

function sameEntry(a: ManifestEntry, b: ManifestEntry): boolean {
	return a.target === b.target && a.path === b.path && a.variable === b.variable;
}

function isEntry(value: unknown): value is ManifestEntry {
	if (typeof value !== "object" || value === null) return false;
	const entry = value as Record<string, unknown>;
	return (
		(TARGET_NAMES.includes(entry.target as TargetName) || entry.target === CLAUDE_SETTINGS) &&
		typeof entry.path === "string" &&
		typeof entry.variable === "string" &&
		typeof entry.created === "boolean"
	);
}
