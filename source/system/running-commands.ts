// Children started in their own process group: an interrupt must end them (and what they
// started), or a hung proof shell would outlive claude-setup. Apart from node-run.ts, so the
// signal handlers, installed before the first frame, load nothing of execa.

const running = new Set<number>();

export function killProcessGroup(pid: number): void {
	try {
		process.kill(-pid, "SIGKILL");
	} catch {
		// Already gone.
	}
}

/** `pid` leads a process group that an interrupt must end, until `forget(pid)`. */
export function remember(pid: number): void {
	running.add(pid);
}

export function forget(pid: number): void {
	running.delete(pid);
}

/** Kills every command still running (each with its whole process group). */
export function stopRunningCommands(): void {
	for (const pid of running) killProcessGroup(pid);
	running.clear();
}
