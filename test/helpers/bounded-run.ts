// One command in a pseudo-terminal with a deadline, and one retry when it hangs: the Windows
// suite's guard against Wine 8 leaving node.exe waiting for good. Every wait is bounded, so a
// hang ends as a test failure with what was printed, never as a test timeout with a live process.
import pty from "@lydell/node-pty";

export interface BoundedRun {
	readonly exitCode: number;
	/** Everything written to the terminal. */
	readonly output: string;
	readonly hung: boolean;
}

export interface BoundedOptions {
	readonly cwd: string;
	readonly env: Record<string, string>;
	readonly timeoutMs: number;
	/** How long to wait for the exit after ending a hung run, before giving up on it. */
	readonly graceMs: number;
	/** Ends whatever the hung run left (for Wine: its wineserver, so nothing of it survives). */
	readonly onHang: () => void;
}

/** Longest a `withOneRetry(boundedRun…)` can take: two runs, each ended at its deadline. */
export const longestRun = (options: Pick<BoundedOptions, "timeoutMs" | "graceMs">): number =>
	2 * (options.timeoutMs + options.graceMs);

export function boundedRun(shellCommand: string, options: BoundedOptions): Promise<BoundedRun> {
	return new Promise((resolve) => {
		const child = pty.spawn("/bin/sh", ["-c", shellCommand], {
			name: "xterm-256color",
			cols: 200,
			rows: 50,
			cwd: options.cwd,
			env: options.env,
		});
		let output = "";
		let hung = false;
		let settled = false;
		const timers: NodeJS.Timeout[] = [];
		const settle = (exitCode: number) => {
			if (settled) return;
			settled = true;
			for (const timer of timers) clearTimeout(timer);
			resolve({ exitCode, output, hung });
		};
		child.onData((data) => {
			output += data;
		});
		child.onExit(({ exitCode }) => settle(exitCode));
		timers.push(
			setTimeout(() => {
				hung = true;
				options.onHang();
				child.kill("SIGKILL");
				// An exit that never arrives (a stuck pty) must not outlast the grace either.
				timers.push(setTimeout(() => settle(-1), options.graceMs));
			}, options.timeoutMs),
		);
	});
}

/** Runs `attempt` again once if it hung, saying so in the test log; a second hang is returned as is. */
export async function withOneRetry<T extends { hung: boolean }>(
	attempt: () => Promise<T>,
	label: string,
	log: (line: string) => void = console.warn,
): Promise<T> {
	const first = await attempt();
	if (!first.hung) return first;
	log(`${label}; ended and run again`);
	return attempt();
}
