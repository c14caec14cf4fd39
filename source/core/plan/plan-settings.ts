// A Claude Code settings.json whose `env` holds another key: the value is replaced in place
// (jsonc-parser: formatting, key order and comments stay), with the same backup, atomic write,
// lock and `remove` as every other file.
import { readJsonObject, setJsonValue } from "../edit/json-edit.js";
import { maskKey } from "../key/key.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";
import { type BackupPlace, backupPath, fileBackupName } from "./backups.js";
import { describeFileError } from "./file-errors.js";
import type { FilePlan } from "./plan-file.js";
import { CLAUDE_SETTINGS, displayPath } from "./targets.js";

export async function planSettingsKey(
	system: System,
	path: string,
	context: BackupPlace & { readonly variable: string; readonly key: string },
): Promise<FilePlan> {
	const display = displayPath(path, system.homeDir);
	let bytes: Uint8Array | undefined;
	try {
		bytes = await system.fs.read(path);
	} catch (error) {
		return { ok: false, path, message: describeFileError(error, path, system.homeDir, "read") };
	}
	if (bytes === undefined)
		return { ok: false, path, message: `${display} is gone. Run \`claude-setup\` again.` };
	const decoded = decodeText(bytes);
	const env = readJsonObject(decoded.text)?.env;
	const previous =
		typeof env === "object" && env !== null ? (env as Record<string, unknown>)[context.variable] : undefined;
	const edited = setJsonValue(decoded.text, ["env", context.variable], context.key);
	if (!edited.ok) {
		const message = `${display} could not be edited: ${edited.reason}. Fix it, or remove ${context.variable} from its "env" by hand.`;
		return { ok: false, path, message };
	}
	const backup = backupPath(context, fileBackupName(path));
	const was = typeof previous === "string" && previous.trim() !== "" ? maskKey(previous.trim()) : "empty";
	return {
		ok: true,
		change: {
			file: { target: CLAUDE_SETTINGS, path, syntax: "json", ownsWholeFile: false, label: display },
			display,
			before: decoded.text,
			after: edited.text,
			encoding: decoded.encoding,
			action: edited.text === decoded.text ? "unchanged" : "replaced",
			previewLines: [`"env": { "${context.variable}": "${maskKey(context.key)}" }   (was ${was})`],
			otherDefinitions: [],
			backupPath: backup,
			backupDisplay: displayPath(backup, system.homeDir),
		},
	};
}
