// Keeps a .env with the key out of git: asks real git whether the file is ignored or
// tracked, and plans the smallest .gitignore change that protects it.

import path from "node:path";
import type { FileSystem, RunCommand } from "../system.js";
import { bytesToText } from "../text/bytes.js";
import { escapeRegExp } from "../text/escape-regexp.js";
import { runGit } from "./git.js";

const COMMENT = "# Added by claude-setup: keeps your API key out of git";

/** Path rules follow the file's system: a `C:\…` path is split the Windows way, even on Linux (tests). */
function pathsOf(file: string): path.PlatformPath {
	return /^[A-Za-z]:[\\/]|^\\\\/.test(file) ? path.win32 : path.posix;
}

function git(run: RunCommand, dir: string, args: string[]) {
	return runGit(run, ["-C", dir, ...args]);
}

export async function gitFacts(run: RunCommand, dir: string): Promise<{ inRepo: boolean; root?: string }> {
	const result = await git(run, dir, ["rev-parse", "--show-toplevel"]);
	const root = result?.exitCode === 0 ? result.stdout.trim() : "";
	return root === "" ? { inRepo: false } : { inRepo: true, root };
}

/**
 * Whether git's ignore rules cover the file. Outside a repository git cannot tell, so this is false.
 * --no-index: without it a tracked file never counts as ignored, whatever the rules say.
 */
export async function isIgnored(run: RunCommand, file: string): Promise<boolean> {
	const args = ["check-ignore", "-q", "--no-index", "--", pathsOf(file).basename(file)];
	const result = await git(run, pathsOf(file).dirname(file), args);
	return result?.exitCode === 0;
}

/** A tracked file stays in git even once it is ignored. */
export async function isTracked(run: RunCommand, file: string): Promise<boolean> {
	const result = await git(run, pathsOf(file).dirname(file), [
		"ls-files",
		"--error-unmatch",
		"--",
		pathsOf(file).basename(file),
	]);
	return result?.exitCode === 0;
}

/** `git rm --cached`: git stops tracking the file (it stays on disk). True when git did it. */
export async function untrackFile(run: RunCommand, tracked: { path: string; cwd: string }): Promise<boolean> {
	const result = await runGit(run, ["rm", "--cached", "--quiet", "--", tracked.path], { cwd: tracked.cwd });
	return result?.exitCode === 0;
}

/** A .gitignore pattern matching exactly this name in the .gitignore's own folder. */
export function gitignoreEntry(fileName: string): string {
	const escaped = fileName.replace(/[*?[\]\\]/g, "\\$&").replace(/ $/, "\\ ");
	return `/${escaped}`;
}

/** `current` with the entry appended (same line endings), or unchanged when it already ignores the file. */
export function gitignoreAddition(currentGitignore: string | undefined, fileName: string): string {
	const current = currentGitignore ?? "";
	const entry = gitignoreEntry(fileName);
	// Already ignored by these lines (last match wins): adding would be a duplicate.
	if (ignoredByText(current, fileName)) return current;
	const eol = current.includes("\r\n") ? "\r\n" : "\n";
	const separator = current === "" || current.endsWith("\n") ? "" : eol;
	return `${current}${separator}${COMMENT}${eol}${entry}${eol}`;
}

function globToRegExp(glob: string): RegExp {
	let source = "";
	for (let index = 0; index < glob.length; index++) {
		const char = glob[index] ?? "";
		if (char === "\\") source += escapeRegExp(glob[++index] ?? "");
		else if (char === "*") source += "[^/]*";
		else if (char === "?") source += "[^/]";
		else if (char === "[") {
			const close = glob.indexOf("]", index + 1);
			if (close === -1) source += "\\[";
			else {
				source += `[${glob.slice(index + 1, close).replace(/^!/, "^")}]`;
				index = close;
			}
		} else source += escapeRegExp(char);
	}
	return new RegExp(`^${source}$`);
}

function matchesGlob(glob: string, name: string): boolean {
	try {
		return globToRegExp(glob).test(name);
	} catch {
		return false; // A malformed class such as "[z-a]": git would not match it either.
	}
}

/**
 * Outside a repository git refuses to evaluate patterns, so read the .gitignore beside the
 * file ourselves. Only patterns for that one folder matter (last match wins, `!` negates).
 */
export function ignoredByText(gitignore: string, fileName: string): boolean {
	let ignored = false;
	for (const raw of gitignore.split(/\r?\n/)) {
		const line = raw.replace(/(?<!\\)\s+$/, "");
		if (line === "" || line.startsWith("#")) continue;
		const negated = line.startsWith("!");
		const pattern = (negated ? line.slice(1) : line).replace(/^\*\*\//, "").replace(/^\//, "");
		if (pattern.includes("/") || pattern.endsWith("/")) continue;
		if (matchesGlob(pattern, fileName)) ignored = !negated;
	}
	return ignored;
}

export interface GitignoreFacts {
	file: string;
	inRepo: boolean;
	ignored: boolean;
	tracked: boolean;
	/** Text (one char per byte) of the .gitignore beside the file, undefined when absent. */
	gitignore: string | undefined;
	/** The folder the person runs commands from (for the untrack command). */
	from?: string;
}

export interface GitignorePlan {
	/** The .gitignore beside the file and its new text; absent when nothing needs adding. */
	addition?: {
		path: string;
		before: string | undefined;
		after: string;
		entry: string;
		createsFile: boolean;
	};
	/** The file is committed: ignoring it is not enough, it must be untracked. */
	tracked?: { path: string; command: string; cwd: string };
}

function shellQuote(word: string): string {
	return /^[A-Za-z0-9_.,/+=:@%-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

export function decideGitignore(facts: GitignoreFacts): GitignorePlan {
	const paths = pathsOf(facts.file);
	const dir = paths.dirname(facts.file);
	const name = paths.basename(facts.file);
	const plan: GitignorePlan = {};
	if (facts.tracked) {
		// The exact command from where the person is: `-C` when the file lives elsewhere (a link's target).
		const where = facts.from === undefined || facts.from === dir ? "" : `-C ${shellQuote(dir)} `;
		plan.tracked = { path: facts.file, command: `git ${where}rm --cached -- ${shellQuote(name)}`, cwd: dir };
	}
	// Outside a repository git cannot answer, so read the .gitignore beside the file; still add
	// the entry there, so a later `git init` (or a copy into a repo) cannot pick up the key.
	const ignored = facts.inRepo
		? facts.ignored
		: facts.gitignore !== undefined && ignoredByText(facts.gitignore, name);
	if (ignored) return plan;
	const after = gitignoreAddition(facts.gitignore, name);
	if (after !== facts.gitignore) {
		plan.addition = {
			path: paths.join(dir, ".gitignore"),
			before: facts.gitignore,
			after,
			entry: gitignoreEntry(name),
			createsFile: facts.gitignore === undefined,
		};
	}
	return plan;
}

/**
 * Gathers the git facts for `file` and decides what to change. `file` is where the bytes land:
 * for a link, its target (git ignores or tracks the target, not the link's name).
 */
export async function planGitignore(
	run: RunCommand,
	file: string,
	fs: Pick<FileSystem, "read">,
	from?: string,
): Promise<GitignorePlan> {
	const paths = pathsOf(file);
	const dir = paths.dirname(file);
	const { inRepo } = await gitFacts(run, dir);
	const bytes = await fs.read(paths.join(dir, ".gitignore")).catch(() => undefined);
	return decideGitignore({
		file,
		inRepo,
		ignored: inRepo && (await isIgnored(run, file)),
		tracked: inRepo && (await isTracked(run, file)),
		gitignore: bytes === undefined ? undefined : bytesToText(bytes),
		from,
	});
}
