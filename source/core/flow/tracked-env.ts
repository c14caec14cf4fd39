// A .env that git tracks never receives the key while it stays tracked: `git commit -a` would
// take the key along. The wizard asks to untrack it first; --key-stdin needs --untrack.
import { untrackFile } from "../edit/gitignore.js";
import type { Plan } from "../plan/plan.js";
import type { System } from "../system.js";
import type { JsonError } from "./json-report.js";

export interface TrackedRefusal {
	readonly title: string;
	readonly message: string;
	readonly command: string;
}

export function trackedRefusal(plan: Plan): TrackedRefusal {
	const tracked = plan.trackedSecretFile;
	const display = tracked?.display ?? ".env";
	const command = tracked?.command ?? "git rm --cached -- .env";
	return {
		title: `Nothing was written: git tracks ${display}`,
		message: `The key would go into your next commit. Run \`${command}\` (the file stays on disk; git stops tracking it), then run \`claude-setup\` again; or choose another target.`,
		command,
	};
}

/**
 * --key-stdin: without --untrack a tracked .env is refused; with it (and not a dry run) git
 * stops tracking it first. Returns the error to report, or undefined to go on.
 */
export async function settleTrackedEnv(
	system: System,
	plan: Plan,
	options: { readonly untrack?: boolean; readonly dryRun: boolean },
	print: (line: string) => void,
): Promise<(JsonError & { readonly command: string }) | undefined> {
	const tracked = plan.trackedSecretFile;
	if (!tracked) return undefined;
	if (!options.untrack) {
		const refusal = trackedRefusal(plan);
		print(`✗ ${refusal.title}. ${refusal.message}`);
		print("  → Or add --untrack to let claude-setup run it.");
		const next = [`Run \`${refusal.command}\`, then run \`claude-setup\` again.`, "Or add --untrack."];
		return {
			kind: "tracked",
			path: tracked.path,
			title: refusal.title,
			why: refusal.message,
			next,
			command: refusal.command,
		};
	}
	if (options.dryRun) {
		print(`• --untrack: ${tracked.command} would run first.`);
		return undefined;
	}
	if (!(await untrackFile(system.run, tracked))) {
		const message = `\`${tracked.command}\` failed, so git still tracks ${tracked.display}. Nothing was written: run it yourself to see why.`;
		print(`✗ ${message}`);
		const next = [`Run \`${tracked.command}\` yourself to see why.`];
		return { kind: "tracked", path: tracked.path, title: message, next, command: tracked.command };
	}
	print(
		`✓ git no longer tracks ${tracked.display} (${tracked.command}); the file stays. Commit that change.`,
	);
	return undefined;
}
