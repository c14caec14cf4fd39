// How Windows PowerShell 5.1 and PowerShell 7 answer claude-setup's scripts on the fake
// machine: each script is recognised by its exact text (SCRIPTS.*) and answered from state.

import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { withoutSecrets } from "../../../source/core/platform/child-env.js";
import { envValue } from "../../../source/core/platform/windows-env.js";
import type { RunResult } from "../../../source/core/system.js";
import { decodeText } from "../../../source/core/text/text-encoding.js";
import type { Policy } from "../../../source/core/windows/execution-policy.js";
import { type PowerShellHost, SCRIPTS } from "../../../source/core/windows/powershell.js";
import { marked, type RecordedCall } from "../scripted-runner.js";

export type PolicyScope = "MachinePolicy" | "UserPolicy" | "Process" | "CurrentUser" | "LocalMachine";
const SCOPES: readonly PolicyScope[] = [
	"MachinePolicy",
	"UserPolicy",
	"Process",
	"CurrentUser",
	"LocalMachine",
];

export interface HostState {
	readonly hosts: Partial<Record<PowerShellHost, string>>;
	readonly ancestors: readonly string[];
	/** false: Win32_Process fails (WMI off, as under Wine); only pwsh's Get-Process walks the chain. */
	readonly wmi: boolean;
	readonly policies: Record<PowerShellHost, Partial<Record<PolicyScope, Policy>>>;
	readonly profilePaths: Readonly<Record<PowerShellHost, string>>;
	readonly registry: Record<string, string>;
	readonly failSetVariable?: string;
	readonly env: Readonly<Record<string, string>>;
	readonly read: (path: string) => Uint8Array | undefined;
}

export interface Answer {
	readonly label: string;
	readonly result: Partial<RunResult>;
}

const ok = (stdout: string): Partial<RunResult> => ({ exitCode: 0, stdout });
const failed = (stderr: string): Partial<RunResult> => ({ exitCode: 1, stderr: `${stderr}\r\n` });

/** A scope's policy as this process sees it: Process comes from the variable `-ExecutionPolicy` sets. */
function scopePolicy(state: HostState, host: PowerShellHost, scope: PolicyScope, env: RecordedCall["env"]) {
	if (scope === "Process") {
		const fromEnv = envValue(env ?? state.env, "PSExecutionPolicyPreference");
		return (fromEnv as Policy | undefined) ?? state.policies[host].Process ?? "Undefined";
	}
	return state.policies[host][scope] ?? "Undefined";
}

function effectivePolicy(state: HostState, host: PowerShellHost, env: RecordedCall["env"]): Policy {
	const set = SCOPES.map((scope) => scopePolicy(state, host, scope, env)).find((p) => p !== "Undefined");
	return set ?? "Restricted"; // The Windows client default.
}

/** What a profile-loading PowerShell prints on stderr when the policy refuses the profile. */
function refusal(path: string, policy: Policy): string {
	const why =
		policy === "AllSigned"
			? `File ${path} cannot be loaded. The file ${path} is not digitally signed. You cannot run this script on the current system.`
			: `File ${path} cannot be loaded because running scripts is disabled on this system.`;
	return [
		`. : ${why} For more information, see about_Execution_Policies at https:/go.microsoft.com/fwlink/?LinkID=135170.`,
		"At line:1 char:3",
		`+ . '${path}'`,
		"+   ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
		"    + CategoryInfo          : SecurityError: (:) [], PSSecurityException",
		"    + FullyQualifiedErrorId : UnauthorizedAccess",
	].join("\r\n");
}

/** `$env:NAME` in a new process: its profile (when the policy lets it run) or what it inherited. */
function afterProfile(state: HostState, host: PowerShellHost, call: RecordedCall, name: string) {
	// As the real runner: no child inherits a credential (system/node-run.ts).
	const env = withoutSecrets(call.env ?? state.env);
	const inherited = envValue(env, name);
	const path = state.profilePaths[host];
	const bytes = call.args.includes("-NoProfile") ? undefined : state.read(path);
	if (bytes === undefined) return ok(marked(inherited));
	const policy = effectivePolicy(state, host, call.env);
	if (policy !== "RemoteSigned" && policy !== "Unrestricted" && policy !== "Bypass") {
		return { exitCode: 0, stdout: marked(inherited), stderr: `${refusal(path, policy)}\r\n` };
	}
	const decoded = decodeText(bytes);
	// SetEnvironmentVariable(…, 'User' or 'Machine') changes the registry, not this process.
	const definitions = findDefinitions(decoded.text, "powershell", name).filter(
		(definition) => !/^SetEnvironmentVariable (User|Machine)$/i.test(definition.syntax),
	);
	const value = definitions.at(-1)?.value;
	return ok(marked(value === undefined ? inherited : asHostReads(value, decoded, host)));
}

/**
 * A value from a file read as bytes, as the host decodes it: pwsh reads UTF-8, and so does 5.1
 * when the file starts with a UTF-8 BOM; without one 5.1 reads the ANSI code page (one byte, one letter).
 */
function asHostReads(value: string, decoded: ReturnType<typeof decodeText>, host: PowerShellHost): string {
	if (decoded.encoding !== "bytes") return value;
	if (host === "powershell" && !decoded.text.startsWith("\xEF\xBB\xBF")) return value;
	return Buffer.from(value, "latin1").toString("utf8");
}

function setVariable(state: HostState, call: RecordedCall, name: string): Partial<RunResult> {
	const value = (call.input ?? "").split(/\r?\n/)[0] ?? "";
	if (value === "") return failed("No value arrived on standard input.");
	if (state.failSetVariable !== undefined) return failed(state.failSetVariable);
	state.registry[name] = value;
	return ok("");
}

function allowProfiles(state: HostState, host: PowerShellHost): Partial<RunResult> {
	state.policies[host].CurrentUser = "RemoteSigned";
	const overriddenBy = (["MachinePolicy", "UserPolicy"] as const).find(
		(scope) => (state.policies[host][scope] ?? "Undefined") !== "Undefined",
	);
	if (overriddenBy === undefined) return ok("");
	return failed(
		"Windows PowerShell updated your execution policy successfully, but the setting is overridden by a policy defined at a more specific scope.",
	);
}

/** WMI names processes "cmd.exe"; Get-Process "cmd". Without WMI 5.1 prints nothing (no .Parent). */
function parentChain(state: HostState, host: PowerShellHost): string {
	if (state.wmi) return state.ancestors.map((process) => `${process}\r\n`).join("");
	if (host === "powershell") return "";
	return state.ancestors.map((process) => `${process.replace(/\.exe$/i, "")}\r\n`).join("");
}

type NamedScript = (name: string) => string;
const NAMED: ReadonlyArray<[string, NamedScript]> = [
	["setUserVariable", SCRIPTS.setUserVariable],
	["readUserVariable", SCRIPTS.readUserVariable],
	["removeUserVariable", SCRIPTS.removeUserVariable],
	["readVariableAfterProfile", SCRIPTS.readVariableAfterProfile],
];

/** Which of claude-setup's scripts this is, and for which variable or process id. */
function recognise(script: string): { kind: string; name?: string; pid?: number } | undefined {
	for (const kind of [
		"version",
		"executionPolicyList",
		"allowProfiles",
		"profilePath",
		"parseTexts",
	] as const) {
		if (script === SCRIPTS[kind]) return { kind };
	}
	const pid = Number(/^\t\$id = (\d+)$/m.exec(script)?.[1]);
	if (Number.isSafeInteger(pid) && pid > 0 && script === SCRIPTS.parentChain(pid)) {
		return { kind: "parentChain", pid };
	}
	for (const [, name] of script.matchAll(/(?:'|\$env:)([A-Za-z_][A-Za-z0-9_]*)/g)) {
		const found = NAMED.find(([, make]) => name !== undefined && make(name) === script);
		if (found && name !== undefined) return { kind: found[0], name };
	}
	return undefined;
}

const REGISTRY_KEY = (state: HostState, name: string) =>
	Object.keys(state.registry).find((key) => key.toUpperCase() === name.toUpperCase());

export function answerPowerShell(state: HostState, call: RecordedCall): Answer | undefined {
	const host = call.command as PowerShellHost;
	const version = state.hosts[host];
	const script = call.script === undefined ? undefined : recognise(call.script);
	if (version === undefined) return { label: `${host} (not installed)`, result: { notFound: true } };
	if (script === undefined) return undefined;
	const label = `${host} ${script.kind}${script.name ? ` ${script.name}` : ""}`;
	const name = script.name ?? "";
	const existing = REGISTRY_KEY(state, name);
	const answer = (): Partial<RunResult> => {
		switch (script.kind) {
			case "version":
				return ok(marked(version));
			case "parentChain":
				return ok(parentChain(state, host));
			case "executionPolicyList":
				return ok(
					SCOPES.map((scope) => `${scope}=${scopePolicy(state, host, scope, call.env)}\r\n`).join(""),
				);
			case "allowProfiles":
				return allowProfiles(state, host);
			case "profilePath":
				return ok(marked(state.profilePaths[host]));
			case "parseTexts":
				// The fake machine's profiles are ones claude-setup wrote or a test gave: both parse.
				return ok(marked("ok|ok"));
			case "readUserVariable":
				return ok(marked(existing === undefined ? undefined : state.registry[existing]));
			case "setUserVariable":
				return setVariable(state, call, existing ?? name);
			case "removeUserVariable":
				if (existing !== undefined) delete state.registry[existing];
				return ok("");
			default:
				return afterProfile(state, host, call, name);
		}
	};
	return { label, result: answer() };
}
