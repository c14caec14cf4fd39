// `claude-setup run -- <command…>`: the command gets this terminal (stdin, stdout, stderr), the
// key in its environment only, and our exit code is its own (128 + n when a signal ended it).

import { spawn } from "node:child_process";
import { constants } from "node:os";
import type { RunAttached } from "../core/system.js";

const FORWARDED = ["SIGTERM", "SIGHUP", "SIGINT"] as const;

export const runAttached: RunAttached = (command, args, env) =>
	new Promise((resolve) => {
		const child = spawn(command, [...args], { env: { ...env }, stdio: "inherit" });
		// Ctrl-C at a terminal reaches the child already (same process group): forwarding it too
		// would deliver it twice. Sent to us alone (kill, a supervisor), it is passed on.
		const atTerminal = process.stdin.isTTY === true;
		const forward = (signal: NodeJS.Signals) => () => {
			if (signal === "SIGINT" && atTerminal) return;
			child.kill(signal);
		};
		const listeners = FORWARDED.map((signal) => [signal, forward(signal)] as const);
		for (const [signal, listener] of listeners) process.on(signal, listener);
		const done = (result: Awaited<ReturnType<RunAttached>>) => {
			for (const [signal, listener] of listeners) process.off(signal, listener);
			resolve(result);
		};
		child.on("error", (error: NodeJS.ErrnoException) => {
			done({ exitCode: error.code === "ENOENT" ? 127 : 126, notFound: error.code === "ENOENT" });
		});
		child.on("exit", (code, signal) => {
			const bySignal = signal ? 128 + (constants.signals[signal] ?? 0) : undefined;
			done({ exitCode: code ?? bySignal ?? 1, notFound: false, signal: signal ?? undefined });
		});
	});
