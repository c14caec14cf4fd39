// Turns a file-system error into one sentence that names the file and the fix.
import { FILE_LIMITS } from "../system.js";
import { displayPath } from "./targets.js";

type Doing = "read" | "write";

// Each names the cause and the next step; the verb follows what was being done.
const FIXES: Record<string, (doing: Doing) => string> = {
	EACCES: (doing) =>
		`You don't have permission to ${doing === "read" ? "read" : "change"} it. Check its owner and mode (ls -l), or choose another target.`,
	EPERM: (doing) =>
		`The system refused to let it be ${doing === "read" ? "read" : "changed"} (permissions, an immutable flag, or another program holding it). Check it with ls -l (and lsattr on Linux), or choose another target.`,
	EROFS: () => "It is on a read-only file system. Choose another target.",
	ENOSPC: () => "The disk is full. Free some space and run `claude-setup` again.",
	EDQUOT: () => "Your disk quota is used up. Free some space and run `claude-setup` again.",
	EISDIR: () => "A folder is in the way where the file should be. Rename or remove it.",
	ENOTDIR: () => "A part of the path is a file, not a folder. Check the path.",
	EEXIST: () => "A file is in the way where a folder should be. Rename or remove it.",
	ENAMETOOLONG: () => "The path is too long. Choose a shorter path.",
	ENOENT: () => "A folder on the path does not exist and could not be created.",
	ELOOP: () => "It is a symbolic link that points to itself. Fix the link.",
	EBUSY: () => "Another program is using it. Close that program and try again.",
	[FILE_LIMITS.notRegularCode]: () =>
		"It is not a regular file (a named pipe, a device or a socket), and claude-setup reads and writes only regular files. Replace it with a plain file, or choose another target.",
	[FILE_LIMITS.tooLargeCode]: () =>
		`It is larger than ${FILE_LIMITS.maxBytes / 1024 / 1024} MB, far more than a startup file holds, so claude-setup did not read it. Check what it is (ls -l), or choose another target.`,
	[FILE_LIMITS.timedOutCode]: () =>
		"The file system did not answer in time (a network drive, or a disk that hangs). Try again, or choose another target.",
};

/** Codes claude-setup gives its own refusals: no system error to look up, so not shown. */
const OWN_CODES: readonly string[] = [FILE_LIMITS.notRegularCode, FILE_LIMITS.tooLargeCode];

export function errorCode(error: unknown): string | undefined {
	if (typeof error === "object" && error !== null && "code" in error) {
		const code = (error as { code: unknown }).code;
		return typeof code === "string" ? code : undefined;
	}
	return undefined;
}

export function describeFileError(
	error: unknown,
	path: string,
	home: string,
	doing: Doing = "write",
): string {
	const code = errorCode(error);
	const fix =
		(code && FIXES[code]?.(doing)) ??
		`Something unexpected went wrong while ${doing === "read" ? "reading" : "writing"} it. Run \`claude-setup\` again; if it happens again, choose another target.`;
	const where = path ? displayPath(path, home) : "a file";
	const shown = code !== undefined && !OWN_CODES.includes(code) ? ` (${code})` : "";
	return `Could not ${doing} ${where}${shown}. ${fix} Nothing was changed.`;
}
