// The real Claude Code (@anthropic-ai/claude-code, a devDependency) as the consumer of a saved
// key: started by a fresh real shell in a sandbox, talking to the fake API on loopback, with
// nothing sent elsewhere (no telemetry, no update check) and stdin closed so -p does not wait.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Sandbox } from "./sandbox.js";

const require = createRequire(import.meta.url);

/** The native binary: bin/claude once its postinstall ran (allowed in package.json), else the platform package's. */
export function claudeBinary(): string {
	const wrapper = dirname(require.resolve("@anthropic-ai/claude-code/package.json"));
	const installed = join(wrapper, "bin", "claude.exe");
	// Without its postinstall, bin/claude.exe is a 500-byte script saying so.
	if (existsSync(installed) && statSync(installed).size > 1_000_000) return installed;
	const libc = isMusl() ? "-musl" : "";
	const name = `@anthropic-ai/claude-code-${process.platform}-${process.arch}${libc}`;
	const native = join(dirname(require.resolve(`${name}/package.json`)), "claude");
	if (!existsSync(native))
		throw new Error(`Claude Code's native binary is missing: run npm ci (looked in ${name})`);
	return native;
}

function isMusl(): boolean {
	const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
	return process.platform === "linux" && report?.header?.glibcVersionRuntime === undefined;
}

/** A folder holding only `claude`, to put first on the sandbox's PATH, as an installed Claude Code is. */
export function claudeOnPath(sandbox: Sandbox): Record<string, string> {
	const bin = join(sandbox.root, "bin");
	if (!existsSync(join(bin, "claude"))) {
		mkdirSync(bin, { recursive: true });
		symlinkSync(claudeBinary(), join(bin, "claude"));
	}
	return {
		PATH: `${bin}:${sandbox.env.PATH}`,
		CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
		DISABLE_AUTOUPDATER: "1",
		// A refused key fails at once instead of being retried for a minute.
		CLAUDE_CODE_MAX_RETRIES: "0",
	};
}

export interface ClaudeRun {
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
	readonly ms: number;
}

const SCRIPT = "claude -p 'Say hello' </dev/null";
const SHELL_ARGS: Record<string, readonly string[]> = {
	zsh: ["-i", "-c", SCRIPT],
	bash: ["-i", "-c", SCRIPT],
	fish: ["-c", SCRIPT],
};

/** `claude -p` as a person runs it in a new terminal: a fresh interactive shell reads its startup files first. */
export function claudeInFreshShell(shell: string, sandbox: Sandbox): Promise<ClaudeRun> {
	const started = performance.now();
	return new Promise((resolve) => {
		execFile(
			shell,
			[...(SHELL_ARGS[shell] ?? [])],
			{ cwd: sandbox.project, env: { ...sandbox.env, ...claudeOnPath(sandbox) }, timeout: 60_000 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
				resolve({
					exitCode: code,
					stdout: stdout.trim(),
					stderr: stderr.trim(),
					ms: performance.now() - started,
				});
			},
		);
	});
}
