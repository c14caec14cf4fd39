// Which Windows shell the person typed `npx claude-setup` into, which PowerShell hosts are
// installed, and which terminal hosts us. Facts are gathered once (they need PowerShell) and
// decided by a pure function, so every combination is a table row in the tests.

import { programName } from "../platform/pwsh.js";
import { envValue } from "../platform/windows-env.js";
import type { Env, RunCommand } from "../system.js";
import { invokePowerShell } from "./invoke.js";
import { type PowerShellHost, readMarker, SCRIPTS } from "./powershell.js";

export interface HostInfo {
	readonly host: PowerShellHost;
	readonly version: string;
}

export interface WindowsFacts {
	readonly env: Env;
	/** Process names from our parent upwards, nearest first ("cmd.exe", "node.exe", "pwsh.exe"). */
	readonly ancestors: readonly string[];
	readonly hosts: readonly HostInfo[];
}

export type WindowsShell = "powershell" | "pwsh" | "cmd" | "git-bash" | "unknown";

export interface WindowsContext {
	readonly shell: WindowsShell;
	readonly hosts: readonly HostInfo[];
	readonly vscode: boolean;
	readonly windowsTerminal: boolean;
}

const HOSTS: readonly PowerShellHost[] = ["powershell", "pwsh"];

async function hostVersion(run: RunCommand, env: Env, host: PowerShellHost): Promise<HostInfo | undefined> {
	const outcome = await invokePowerShell(run, host, SCRIPTS.version, { env });
	if (!outcome.ok || outcome.result.exitCode !== 0) return undefined;
	const marker = readMarker(outcome.result.stdout);
	return marker.marked && marker.value ? { host, version: marker.value.trim() } : undefined;
}

async function chainFrom(run: RunCommand, env: Env, host: PowerShellHost, parentPid: number) {
	const outcome = await invokePowerShell(run, host, SCRIPTS.parentChain(parentPid), { env });
	if (!outcome.ok || outcome.result.exitCode !== 0) return [];
	return outcome.result.stdout
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== "");
}

async function parentChain(
	run: RunCommand,
	env: Env,
	hosts: readonly HostInfo[],
	parentPid: number,
): Promise<string[]> {
	if (!Number.isSafeInteger(parentPid) || parentPid <= 0) return [];
	// Windows PowerShell first (it is on every Windows); when it cannot tell (no WMI), PowerShell 7,
	// whose Get-Process knows each process's parent.
	for (const { host } of hosts) {
		const chain = await chainFrom(run, env, host, parentPid);
		if (chain.length > 0) return chain;
	}
	return [];
}

/** Every probe may fail: a missing host is "not installed", a failed chain is "no ancestors". */
export async function gatherWindowsFacts(
	run: RunCommand,
	env: Env,
	parentPid: number,
): Promise<WindowsFacts> {
	const found = await Promise.all(HOSTS.map((host) => hostVersion(run, env, host)));
	const hosts = found.filter((info): info is HostInfo => info !== undefined);
	const ancestors = await parentChain(run, env, hosts, parentPid);
	return { env, ancestors, hosts };
}

// npm's own layers between the shell and us: node, and the cmd.exe that runs .cmd shims.
const NPM_LAYERS = new Set(["node", "npm", "npx", "corepack"]);
// The terminal itself: the shell, if any, was below it.
const BEYOND_SHELL = new Set([
	"explorer",
	"windowsterminal",
	"openconsole",
	"conhost",
	"code",
	"code - insiders",
	"services",
	"svchost",
	"wininit",
	"userinit",
]);
const SHELLS: Readonly<Record<string, WindowsShell>> = {
	pwsh: "pwsh",
	powershell: "powershell",
	bash: "git-bash",
	sh: "git-bash",
	zsh: "git-bash",
	mintty: "git-bash",
};

function fromAncestors(ancestors: readonly string[]): WindowsShell | undefined {
	let sawCmd = false;
	for (const raw of ancestors) {
		const name = programName(raw);
		if (NPM_LAYERS.has(name)) continue;
		// npx.cmd runs in a cmd.exe even when typed into PowerShell, and npm runs package bins
		// through one: a cmd counts only when no other shell started it.
		if (name === "cmd") {
			sawCmd = true;
			continue;
		}
		const shell = SHELLS[name];
		if (shell !== undefined) return shell;
		if (BEYOND_SHELL.has(name)) break;
	}
	return sawCmd ? "cmd" : undefined;
}

/**
 * PowerShell 7 adds `…\PowerShell\7\Modules` and `Documents\PowerShell\Modules` to PSModulePath;
 * Windows PowerShell adds the user's `Documents\WindowsPowerShell\Modules`. The system-wide
 * WindowsPowerShell entries are there in every process (cmd too), so they prove nothing.
 */
function fromModulePath(psModulePath: string | undefined): WindowsShell | undefined {
	const entries = (psModulePath ?? "").split(";").filter((entry) => entry.trim() !== "");
	const segments = (entry: string) => entry.toLowerCase().split(/[\\/]+/);
	if (entries.some((entry) => segments(entry).includes("powershell"))) return "pwsh";
	const userEntry = (entry: string) =>
		/\\WindowsPowerShell\\Modules\\?$/i.test(entry) && !/\\(system32|Program Files[^\\]*)\\/i.test(entry);
	return entries.some(userEntry) ? "powershell" : undefined;
}

export function detectWindows(facts: WindowsFacts): WindowsContext {
	const { env } = facts;
	const set = (name: string) => (envValue(env, name) ?? "") !== "";
	// Git Bash (MSYS2) exports MSYSTEM to everything started from it.
	const shell = set("MSYSTEM")
		? "git-bash"
		: (fromAncestors(facts.ancestors) ??
			(facts.ancestors.length === 0 ? fromModulePath(envValue(env, "PSModulePath")) : undefined) ??
			"unknown");
	return {
		shell,
		hosts: facts.hosts,
		vscode: envValue(env, "TERM_PROGRAM") === "vscode",
		windowsTerminal: set("WT_SESSION"),
	};
}
