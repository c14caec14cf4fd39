// Whether PowerShell will run a profile at all. Windows PowerShell 5.1 on client editions
// defaults to Restricted, so a profile claude-setup writes would be silently ignored; PowerShell 7
// ships RemoteSigned (LocalMachine, in powershell.config.json) unless a policy overrides it. Ask
// each host, before writing, and explain it in words a newcomer can act on.

import type { RunCommand } from "../system.js";
import { type Done, invokeForDone, invokePowerShell } from "./invoke.js";
import { HOST_LABEL, type PowerShellHost, SCRIPTS } from "./powershell.js";

export type Policy = "Restricted" | "AllSigned" | "RemoteSigned" | "Unrestricted" | "Bypass" | "Undefined";

export const FIX_COMMAND = "Set-ExecutionPolicy -Scope CurrentUser RemoteSigned";

export interface PolicyReport {
	/** What `Get-ExecutionPolicy` says for a process started like ours. */
	readonly effective: Policy;
	/** The scope that set it, or "default" when every scope is Undefined. */
	readonly decidedBy: string;
	/** Whether a NEW PowerShell window will run the (unsigned) profile we write. */
	readonly profilesRun: boolean;
	readonly lockedByGroupPolicy: boolean;
	readonly fixCommand: typeof FIX_COMMAND;
	readonly explanation: string;
}

// Highest precedence first.
const SCOPES = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"] as const;
const GROUP_POLICY = new Set<string>(["MachinePolicy", "UserPolicy"]);
const POLICIES: readonly Policy[] = [
	"Restricted",
	"AllSigned",
	"RemoteSigned",
	"Unrestricted",
	"Bypass",
	"Undefined",
];

function policyNamed(raw: string): Policy | undefined {
	const lower = raw.toLowerCase();
	// "Default" means Restricted on Windows client editions (RemoteSigned only on servers).
	if (lower === "default") return "Restricted";
	return POLICIES.find((policy) => policy.toLowerCase() === lower);
}

/** Reads `Scope=Policy` lines (our script) or PowerShell's own `Scope  ExecutionPolicy` table. */
export function parsePolicyList(stdout: string): Map<string, Policy> {
	const list = new Map<string, Policy>();
	const line = new RegExp(`^\\s*(${SCOPES.join("|")})\\s*(?:=|\\s)\\s*([A-Za-z]+)\\s*$`, "i");
	for (const text of stdout.split(/\r?\n/)) {
		const match = line.exec(text);
		if (match === null) continue;
		const scope = SCOPES.find((name) => name.toLowerCase() === (match[1] ?? "").toLowerCase());
		const policy = policyNamed(match[2] ?? "");
		if (scope !== undefined && policy !== undefined) list.set(scope, policy);
	}
	return list;
}

function firstDefined(
	list: Map<string, Policy>,
	scopes: readonly string[],
): { policy: Policy; scope: string } | undefined {
	for (const scope of scopes) {
		const policy = list.get(scope);
		if (policy !== undefined && policy !== "Undefined") return { policy, scope };
	}
	return undefined;
}

const runsUnsignedProfile = (policy: Policy) =>
	policy === "RemoteSigned" || policy === "Unrestricted" || policy === "Bypass";

function setBy(found: { policy: Policy; scope: string } | undefined): string {
	return found === undefined
		? "Restricted (no policy is set, so Windows uses its default)"
		: `${found.policy} (set for ${found.scope})`;
}

function why(policy: Policy): string {
	if (policy === "AllSigned") {
		return "it runs only scripts signed by a trusted publisher, and your profile is not signed";
	}
	return "it does not run any script, your profile included";
}

export function evaluatePolicy(list: Map<string, Policy>): PolicyReport {
	const decided = firstDefined(list, SCOPES);
	// The Process scope lives only as long as this window (`powershell -ExecutionPolicy Bypass`):
	// the windows the person opens later use the other scopes.
	const forNewWindows = firstDefined(
		list,
		SCOPES.filter((scope) => scope !== "Process"),
	);
	const newWindowPolicy = forNewWindows?.policy ?? "Restricted";
	const profilesRun = runsUnsignedProfile(newWindowPolicy);
	const lockedByGroupPolicy = forNewWindows !== undefined && GROUP_POLICY.has(forNewWindows.scope);
	const sentences: string[] = [];
	if (decided?.scope === "Process") {
		sentences.push(
			`This window runs with ${decided.policy} only for this session; new windows use ${setBy(forNewWindows)}.`,
		);
	} else {
		sentences.push(`Your PowerShell execution policy is ${setBy(decided)}.`);
	}
	if (profilesRun) {
		sentences.push("PowerShell will run your profile.");
	} else if (lockedByGroupPolicy) {
		sentences.push(
			`Your organisation set it through Group Policy, so you cannot change it yourself, and ${why(newWindowPolicy)}: PowerShell will not run your profile. Save the key as a Windows user variable instead.`,
		);
	} else {
		sentences.push(
			`PowerShell will not run your profile: ${why(newWindowPolicy)}. To allow scripts you write yourself, for your account only, run: ${FIX_COMMAND}`,
		);
	}
	if (profilesRun && lockedByGroupPolicy) sentences.push("Your organisation set it through Group Policy.");
	return {
		effective: decided?.policy ?? "Restricted",
		decidedBy: decided?.scope ?? "default",
		profilesRun,
		lockedByGroupPolicy,
		fixCommand: FIX_COMMAND,
		explanation: sentences.join(" "),
	};
}

/** Each host keeps its own policy (5.1 in the registry, 7 in powershell.config.json): ask it. */
export async function readExecutionPolicy(
	run: RunCommand,
	host: PowerShellHost,
): Promise<PolicyReport | undefined> {
	const outcome = await invokePowerShell(run, host, SCRIPTS.executionPolicyList);
	if (!outcome.ok || outcome.result.exitCode !== 0) return undefined;
	const list = parsePolicyList(outcome.result.stdout);
	return list.size === 0 ? undefined : evaluatePolicy(list);
}

/** Runs FIX_COMMAND for one host. Only when the person explicitly chose to. */
export async function allowProfiles(run: RunCommand, host: PowerShellHost): Promise<Done> {
	const failed = `${HOST_LABEL[host]} could not change the execution policy`;
	return invokeForDone(run, host, SCRIPTS.allowProfiles, failed);
}
