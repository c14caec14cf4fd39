// Another process that holds claude-setup's write lock (a second run, caught mid-write):
// it creates the lock file the way claude-setup does and keeps it until it is killed.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

const HOLD = `
const fs = require("node:fs");
fs.writeFileSync(process.argv[1], JSON.stringify({ pid: process.pid, started: Date.now(), token: "child" }) + "\\n", { flag: "wx", mode: 0o600 });
process.stdout.write("held\\n");
setInterval(() => {}, 1 << 30);
`;

export interface LockHolder {
	readonly pid: number;
	/** SIGKILL: the holder dies without removing its lock, as a crashed run would. */
	kill(): Promise<void>;
}

const children: ChildProcess[] = [];

export async function holdLock(lockPath: string): Promise<LockHolder> {
	const child = spawn(process.execPath, ["-e", HOLD, lockPath], { stdio: ["ignore", "pipe", "inherit"] });
	children.push(child);
	let output = "";
	for await (const chunk of child.stdout) {
		output += String(chunk);
		if (output.includes("held")) break;
	}
	if (!output.includes("held") || child.pid === undefined) throw new Error("the lock holder did not start");
	return {
		pid: child.pid,
		async kill() {
			const exited = once(child, "exit");
			child.kill("SIGKILL");
			await exited;
		},
	};
}

/** A pid that certainly belongs to no process now: a child that has already exited. */
export async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
	await once(child, "exit");
	if (child.pid === undefined) throw new Error("no pid");
	return child.pid;
}

/** For afterAll: no holder outlives its test file. */
export function killHolders(): void {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
}
