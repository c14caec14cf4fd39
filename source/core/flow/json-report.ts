// The one shape of `--json` (test/e2e/json-output.schema.json): every command's object starts
// with schemaVersion and command, and every error has the same fields. Fields may be added
// within a schemaVersion; renaming or removing one means a new version.
import type { Advice } from "../advice/advice.js";

export const SCHEMA_VERSION = 1;

export type JsonCommand = "setup" | "status" | "remove";

export interface JsonError {
	/** What kind of failure, for scripts to branch on: a key format, an API outcome, "write", … */
	readonly kind: string;
	/** What happened, in one sentence. */
	readonly title: string;
	/** Why, when there is more to say than the title. */
	readonly why?: string;
	/** What to do next, in order. */
	readonly next: readonly string[];
	readonly requestId?: string;
	/** The file concerned, for a file that could not be read or written. */
	readonly path?: string;
}

export function adviceError(
	advice: Omit<Advice, "outcome"> & { outcome?: string },
	kind?: string,
): JsonError {
	return {
		kind: kind ?? advice.outcome ?? "api",
		title: advice.title,
		why: advice.why,
		next: advice.next,
		...(advice.requestId ? { requestId: advice.requestId } : {}),
	};
}

export function fileError(message: string, path?: string): JsonError {
	return { kind: "write", title: message, next: [], ...(path ? { path } : {}) };
}

/** A report with the fields every command's JSON starts with. */
export function versioned<T extends object>(command: JsonCommand, report: T) {
	return { schemaVersion: SCHEMA_VERSION, command, ...report };
}

/** The verb of each action, for what would happen. */
const VERB: Readonly<Record<string, string>> = {
	inserted: "insert",
	replaced: "replace",
	moved: "move",
	unchanged: "keep",
	disabled: "disable",
	removed: "remove",
	deleted: "delete",
};

/**
 * In a dry run (or a remove that was not confirmed) nothing happens: the action is what would
 * happen ("would-remove", not "removed"), and there is no backup.
 */
export function dryRunFile<T extends { action: string; backup?: string }>(file: T): Omit<T, "backup"> {
	const { backup: _never, ...rest } = file;
	return { ...rest, action: `would-${VERB[file.action] ?? file.action}` };
}
