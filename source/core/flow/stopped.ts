// What a run stopped part-way says: what was written, where, and how to take it back. The
// screen shows only this message at that point, so it cannot lean on "shown above".
import type { Written } from "../apply/apply.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";

export function stoppedLines(code: ExitCodeValue, written: readonly Written[]): string[] {
	const how = code === ExitCode.cancelled ? "Cancelled" : "Stopped";
	if (written.length === 0) return [`${how}. Nothing was written.`];
	const files = [...new Set(written.map((entry) => entry.display))];
	return [
		`${how} after saving the key, before it was proven. Already written: ${files.join(", ")}.`,
		"To take it back, run `claude-setup remove` (it restores each file from its backup).",
	];
}
