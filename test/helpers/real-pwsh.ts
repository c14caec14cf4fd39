// The real PowerShell 7 (pwsh) for tests that let PowerShell itself judge our scripts and
// profiles. It must be installed: a missing pwsh FAILS these tests (CI cannot go green without
// it); `.ci/run` installs it with `dotnet tool install --global PowerShell --version 7.6.10`.
import { execFile } from "node:child_process";
import { accessSync, chmodSync, constants, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PWSH_VERSION = "7.6.10";
const INSTALL = `dotnet tool install --global PowerShell --version ${PWSH_VERSION}`;

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** pwsh on PATH, else where `dotnet tool install --global` puts it; throws a clear message. */
function requirePwsh(): string {
	const onPath = (process.env.PATH ?? "")
		.split(path.delimiter)
		.filter((dir) => dir !== "")
		.map((dir) => path.join(dir, "pwsh"));
	const candidates = [...onPath, path.join(os.homedir(), ".dotnet", "tools", "pwsh")];
	const found = candidates.find(executable);
	if (found === undefined) {
		throw new Error(
			`PowerShell 7 (pwsh) is not installed, and these tests need the real one. Install it with \`${INSTALL}\` and put ~/.dotnet/tools on PATH (.ci/run does both).`,
		);
	}
	return found;
}

export const PWSH = requirePwsh();
export const PWSH_DIR = path.dirname(PWSH);

/** An environment whose PATH finds this pwsh first, so the CLI's `pwsh` is the real one. */
export function withPwshOnPath(env: Record<string, string>): Record<string, string> {
	return { ...env, PATH: `${PWSH_DIR}${path.delimiter}${env.PATH ?? "/usr/bin:/bin"}` };
}

export interface PwshResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs pwsh with `args`, `input` on stdin; never throws for a non-zero exit. */
export function runPwsh(
	args: readonly string[],
	options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<PwshResult> {
	return new Promise((resolve, reject) => {
		const child = execFile(
			PWSH,
			[...args],
			{
				env: options.env ?? { PATH: process.env.PATH, HOME: os.homedir() },
				cwd: options.cwd,
				timeout: options.timeoutMs ?? 60_000,
				maxBuffer: 64 << 20,
				encoding: "utf8",
			},
			(error, stdout, stderr) => {
				if (error && typeof error.code !== "number") reject(error);
				else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
			},
		);
		child.stdin?.end(options.input ?? "");
	});
}

const HELPERS = fileURLToPath(new URL("./pwsh/", import.meta.url));

/** Runs one of test/helpers/pwsh/*.ps1 with JSON on stdin and parses the JSON it prints. */
export async function runPwshJson<T>(scriptName: string, input: unknown): Promise<T> {
	const result = await runPwsh(
		["-NoLogo", "-NoProfile", "-NonInteractive", "-File", path.join(HELPERS, scriptName)],
		{ input: JSON.stringify(input), timeoutMs: 120_000 },
	);
	if (result.code !== 0) {
		throw new Error(`pwsh ${scriptName} failed (exit ${result.code}): ${result.stderr.slice(0, 2000)}`);
	}
	return JSON.parse(result.stdout) as T;
}

export interface PwshWrapper {
	/** Put this folder first on PATH: its `pwsh` logs its argv, then runs the real one. */
	readonly folder: string;
	/** Every call's arguments, each -EncodedCommand decoded (the key must be in none). */
	readonly calls: () => { args: string[]; script?: string }[];
}

/** `env` whose `pwsh` is the real one behind a pwshWrapper made under `root`. */
export function withPwshWrapper(
	env: Record<string, string>,
	root: string,
): { env: Record<string, string>; wrapper: PwshWrapper } {
	const wrapper = pwshWrapper(root);
	const onPath = withPwshOnPath(env);
	return { env: { ...onPath, PATH: `${wrapper.folder}${path.delimiter}${onPath.PATH}` }, wrapper };
}

/** A `pwsh` that writes each call's arguments (as /proc/self/cmdline has them) to a log first. */
export function pwshWrapper(root: string): PwshWrapper {
	const folder = path.join(root, "pwsh-wrapper");
	mkdirSync(folder, { recursive: true });
	const log = path.join(folder, "argv.log");
	writeFileSync(log, "");
	// NUL-separated like /proc/<pid>/cmdline, one record per line, written at once (calls may run
	// side by side); then exec keeps stdin as it is.
	const script = [
		"#!/bin/sh",
		`printf '%s\\n' "$(tr '\\000' '\\037' < /proc/$$/cmdline)" >> '${log}'`,
		`exec '${PWSH}' "$@"`,
	];
	writeFileSync(path.join(folder, "pwsh"), `${script.join("\n")}\n`);
	chmodSync(path.join(folder, "pwsh"), 0o755);
	return {
		folder,
		calls: () =>
			readFileSync(log, "utf8")
				.split("\n")
				.filter((line) => line !== "")
				.map((line) => {
					const args = line
						.split("\x1f")
						.filter((arg) => arg !== "")
						.slice(2);
					const encoded = args[args.indexOf("-EncodedCommand") + 1];
					const script =
						args.includes("-EncodedCommand") && encoded
							? Buffer.from(encoded, "base64").toString("utf16le")
							: undefined;
					return script === undefined ? { args } : { args, script };
				}),
	};
}
