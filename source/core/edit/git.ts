// Every git that claude-setup starts goes through here. Asking git about a file must never run
// code from the repository: a repository's config can name an fsmonitor hook (run on every
// index read) and hooks (post-index-change runs on `git rm --cached`). Command-line config
// beats the repository's, so these two settings switch both off (git 2.x honours both).
// The runner (system/node-run.ts) already removes every credential from a child's environment.
import type { RunCommand, RunOptions, RunResult } from "../system.js";

export const GIT_SAFETY = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null"] as const;

const GIT_TIMEOUT_MS = 10_000;

/** git with repository hooks and fsmonitor off and a deadline; undefined when it could not start. */
export async function runGit(
	run: RunCommand,
	args: readonly string[],
	options: RunOptions = {},
): Promise<RunResult | undefined> {
	try {
		return await run("git", [...GIT_SAFETY, ...args], { timeoutMs: GIT_TIMEOUT_MS, ...options });
	} catch {
		return undefined;
	}
}
