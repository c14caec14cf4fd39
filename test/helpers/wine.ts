// A Windows machine for the Windows suite: Wine running the real Windows node.exe and the real
// Windows PowerShell 7, in a prefix `.ci/wine-prefix` builds (it is also how the suite finds
// it). A missing Wine or prefix FAILS these tests, saying how to set up; they never skip.
// Each machine is a copy of that prefix (its 700 MB of DLLs hard-linked, the registry and the
// user's folder copied), so tests cannot change it or each other.
import { execFileSync, spawnSync } from "node:child_process";
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { boundedRun, longestRun, withOneRetry } from "./bounded-run.js";
import { CLI_PATH, openTerminal, type Terminal } from "./terminal.js";

const SETUP = path.resolve(process.cwd(), ".ci/wine-prefix");
const HOW =
	"run `.ci/wine-prefix` (it installs Debian's wine and wine64, then builds the prefix; `.ci/run` does it)";

function requirePrefix(): string {
	const root = execFileSync("bash", [SETUP, "--where"], { encoding: "utf8" }).trim();
	const wine = spawnSync("wine", ["--version"], { encoding: "utf8", timeout: SYNC_TIMEOUT_MS });
	if (wine.error !== undefined || wine.status !== 0) {
		throw new Error(`The Windows suite needs Wine, and \`wine\` is not installed: ${HOW}.`);
	}
	if (!existsSync(path.join(root, "ready"))) {
		throw new Error(`The Windows suite needs its Wine prefix, and ${root} is not built: ${HOW}.`);
	}
	return path.join(root, "prefix");
}

export interface WineResult {
	readonly exitCode: number;
	readonly stdout: string;
	/** What reached the terminal (stderr, and Wine's console codes), escape codes removed. */
	readonly terminal: string;
}

export interface WineMachine {
	/** The Unix path of a Windows path under C:\ ("C:\\users\\…" → ".../drive_c/users/…"). */
	readonly unix: (windowsPath: string) => string;
	/** C:\users\<name> */
	readonly userProfile: string;
	/** C:\users\<name>\project: the folder every command starts in. */
	readonly project: string;
	/** The environment to start `wine` with (a Windows process gets it too, as Wine passes it on). */
	readonly env: Record<string, string>;
	/** The built CLI under `wine node.exe`, `input` on stdin. */
	readonly cli: (args: readonly string[], input?: string) => Promise<WineResult>;
	/** The built CLI under `wine node.exe` in a pseudo-terminal, as a person runs it. */
	readonly terminal: (args: readonly string[]) => Terminal;
	/** A Windows program started by node.exe (as claude-setup starts them), its output captured. */
	readonly spawn: (command: string, args: readonly string[]) => Promise<WineResult>;
	/** `wine reg query HKCU\Environment /v name`: the value, or undefined when there is none. */
	readonly userVariable: (name: string) => string | undefined;
	readonly close: () => void;
}

// A run takes 20–50 s on a busy 2-core machine. Now and then (about 1 run in 15 here) Wine 8
// leaves node.exe waiting with no child left, for good: such a run is ended (with the machine's
// wineserver, so nothing of it survives) and started once more, and the test log says so.
const RUN_LIMITS = { timeoutMs: 100_000, graceMs: 10_000 } as const;
/** Synchronous Wine commands (reg query, wineserver -k) block the event loop: bound them too. */
const SYNC_TIMEOUT_MS = 30_000;

/**
 * A test's timeout for `runs` calls of `cli` or `spawn` (plus `reg query`s): every call may hang
 * twice and still end at its deadline, so the test fails saying so, never at vitest's timeout.
 */
export function wineTestTimeout(runs: number): number {
	return runs * longestRun(RUN_LIMITS) + 4 * SYNC_TIMEOUT_MS;
}

function endWine(env: Record<string, string>): void {
	spawnSync("wineserver", ["-k"], { env, timeout: SYNC_TIMEOUT_MS, killSignal: "SIGKILL" });
}
const ANSI = new RegExp(`${String.fromCharCode(27)}(\\[[0-9;?]*[A-Za-z]|\\][^\\x07]*\\x07)`, "g");

// Runs a small program in node.exe that starts `command` and prints its result as JSON: pwsh.exe
// under Wine prints nothing unless a Windows process with a console starts it.
const SPAWN_JS = [
	"const { spawnSync } = require('node:child_process');",
	"const [command, ...args] = JSON.parse(process.argv[2]);",
	"const r = spawnSync(command, args, { encoding: 'utf8', windowsHide: true });",
	"process.stdout.write(JSON.stringify({ status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error && r.error.code }));",
].join("\n");

export function createWineMachine(extraEnv: Record<string, string> = {}): WineMachine {
	const base = requirePrefix();
	const dir = mkdtempSync(path.join(os.tmpdir(), "claude-setup-wine-"));
	const prefix = path.join(dir, "prefix");
	execFileSync("cp", ["-al", base, prefix]);
	// Whatever Wine or the tests change must be a file of this machine's own.
	for (const file of ["system.reg", "user.reg", "userdef.reg"]) {
		rmSync(path.join(prefix, file));
		copyFileSync(path.join(base, file), path.join(prefix, file));
	}
	rmSync(path.join(prefix, "drive_c", "users"), { recursive: true });
	execFileSync("cp", ["-a", path.join(base, "drive_c", "users"), path.join(prefix, "drive_c", "users")]);
	const user = os.userInfo().username;
	const unix = (windowsPath: string) =>
		path.join(prefix, "drive_c", ...windowsPath.replace(/^C:\\/i, "").split("\\"));
	const userProfile = `C:\\users\\${user}`;
	const project = `${userProfile}\\project`;
	mkdirSync(unix(project), { recursive: true });
	mkdirSync(unix("C:\\app"), { recursive: true });
	// The entry, cli.cjs, loads main.js and its chunks: the whole of dist/ goes.
	cpSync(path.dirname(CLI_PATH), unix("C:\\app"), { recursive: true });
	writeFileSync(unix("C:\\app\\spawn.js"), SPAWN_JS);
	const home = path.join(dir, "home");
	mkdirSync(home);
	const env: Record<string, string> = {
		PATH: "/usr/bin:/bin",
		HOME: home,
		USER: user,
		// Without TERM Wine's console leaves pwsh.exe waiting forever.
		TERM: "xterm-256color",
		LANG: "C.UTF-8",
		WINEPREFIX: prefix,
		WINEDEBUG: "-all",
		// A crash ends the process instead of waiting for a debugger.
		WINEDLLOVERRIDES: "winedbg.exe=d",
		...extraEnv,
	};
	// No persistent wineserver (`wineserver -p`): with one, runs of the CLI hung at random. Wine
	// keeps its server 3 s after the last process, so commands in a row still share it.
	let count = 0;

	// node.exe reads Unix pipes badly (EBADF): stdin and stdout are files. stderr is a terminal,
	// so Wine gives the process a console (the Windows programs it starts print nothing without).
	const runOnce = async (program: string[], input: string) => {
		count++;
		const stdin = path.join(dir, `stdin-${count}`);
		const stdout = path.join(dir, `stdout-${count}`);
		writeFileSync(stdin, input);
		const quoted = program.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(" ");
		const result = await boundedRun(`exec wine ${quoted} <'${stdin}' >'${stdout}'`, {
			cwd: unix(project),
			env,
			...RUN_LIMITS,
			onHang: () => endWine(env),
		});
		return {
			hung: result.hung,
			exitCode: result.exitCode,
			stdout: existsSync(stdout) ? readFileSync(stdout, "utf8") : "",
			terminal: result.output.replace(ANSI, "").replace(/\r/g, ""),
		};
	};

	const run = async (program: string[], input: string): Promise<WineResult> => {
		const label = `Wine: ${program.slice(1).join(" ")} hung for ${RUN_LIMITS.timeoutMs / 1000} s`;
		const result = await withOneRetry(() => runOnce(program, input), label);
		if (!result.hung) return result;
		return {
			...result,
			terminal: `${result.terminal}\n[hung twice: ended after ${RUN_LIMITS.timeoutMs / 1000} s]`,
		};
	};

	return {
		unix,
		userProfile,
		project,
		env,
		cli: (args, input = "") => run(["C:\\node\\node.exe", "C:\\app\\cli.cjs", ...args], input),
		terminal: (args) =>
			openTerminal("wine", ["C:\\node\\node.exe", "C:\\app\\cli.cjs", ...args], { env, cwd: unix(project) }),
		spawn: async (command, args) => {
			const result = await run(
				["C:\\node\\node.exe", "C:\\app\\spawn.js", JSON.stringify([command, ...args])],
				"",
			);
			const parsed = JSON.parse(result.stdout) as { status: number; stdout: string; stderr: string };
			return { exitCode: parsed.status, stdout: parsed.stdout, terminal: parsed.stderr };
		},
		userVariable: (name) => {
			const result = spawnSync("wine", ["reg", "query", "HKCU\\Environment", "/v", name], {
				env,
				cwd: unix(project),
				encoding: "utf8",
				timeout: SYNC_TIMEOUT_MS,
				killSignal: "SIGKILL",
			});
			if (result.error !== undefined) {
				endWine(env);
				throw new Error(`wine reg query ${name} did not finish in ${SYNC_TIMEOUT_MS / 1000} s`);
			}
			if (result.status !== 0) return undefined;
			const line = result.stdout.split(/\r?\n/).find((row) => row.trim().startsWith(`${name} `));
			const match = line === undefined ? null : /^\s*\S+\s+REG_\w+\s{4}(.*)$/.exec(line);
			return match ? match[1] : line === undefined ? undefined : "";
		},
		close: () => {
			endWine(env);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
