// The Windows user environment variable (HKCU\Environment) and the PowerShell profile: save,
// read, remove, and prove in a fresh process. The value only ever travels on standard input,
// and messages show it masked.

import { withoutVariables } from "../platform/windows-env.js";
import type { Env, RunCommand } from "../system.js";
import { type Done, exitDetail, invokeForDone, invokePowerShell, plainError } from "./invoke.js";
import { HOST_LABEL, type PowerShellHost, readMarker, SCRIPTS } from "./powershell.js";

export type Proof = { ok: true } | { ok: false; reason: "missing" | "different" | "failed"; detail: string };
type Mask = (secret: string) => string;

// Saving broadcasts WM_SETTINGCHANGE to every window, which can be slow; profiles can be slow too.
const SAVE_TIMEOUT_MS = 30_000;
const PROFILE_TIMEOUT_MS = 30_000;
// Set by `powershell -ExecutionPolicy Bypass`; new windows don't have it, so the proof must not.
const POLICY_OVERRIDE = "PSExecutionPolicyPreference";
const POLICY_ERROR =
	/running scripts is disabled|is not digitally signed|PSSecurityException|UnauthorizedAccess/i;

export async function setUserVariable(
	run: RunCommand,
	host: PowerShellHost,
	name: string,
	value: string,
): Promise<Done> {
	const script = SCRIPTS.setUserVariable(name);
	// One line on stdin: a line break inside would cut the value short.
	if (value === "" || /[\r\n]/.test(value)) {
		return { ok: false, detail: `${name} was not saved: the value is empty or spans several lines.` };
	}
	const failed = `Windows did not save ${name} in your user environment`;
	return invokeForDone(run, host, script, failed, { input: `${value}\n`, timeoutMs: SAVE_TIMEOUT_MS }, value);
}

/** `value: undefined` when the user environment has no such variable. */
export async function readUserVariable(
	run: RunCommand,
	host: PowerShellHost,
	name: string,
): Promise<{ ok: true; value: string | undefined } | { ok: false; detail: string }> {
	const outcome = await invokePowerShell(run, host, SCRIPTS.readUserVariable(name));
	const failed = `Could not read ${name} from your user environment`;
	if (!outcome.ok) return { ok: false, detail: `${failed}: ${outcome.detail}` };
	const marker = readMarker(outcome.result.stdout);
	if (outcome.result.exitCode !== 0 || !marker.marked) {
		return { ok: false, detail: `${failed}: ${exitDetail(outcome.result)}.` };
	}
	return { ok: true, value: marker.value };
}

export async function removeUserVariable(run: RunCommand, host: PowerShellHost, name: string): Promise<Done> {
	const failed = `Windows did not remove ${name} from your user environment`;
	return invokeForDone(run, host, SCRIPTS.removeUserVariable(name), failed, { timeoutMs: SAVE_TIMEOUT_MS });
}

function seen(value: string, mask: Mask): string {
	return value === "" ? "an empty value" : `a different value (${mask(value)})`;
}

/** A fresh process reads the saved value straight from the user environment. */
export async function proveUserVariable(
	run: RunCommand,
	host: PowerShellHost,
	name: string,
	expected: string,
	mask: Mask,
): Promise<Proof> {
	const read = await readUserVariable(run, host, name);
	if (!read.ok) return { ok: false, reason: "failed", detail: read.detail };
	if (read.value === undefined) {
		return {
			ok: false,
			reason: "missing",
			detail: `Your Windows user environment has no ${name}, so new windows will not get it.`,
		};
	}
	if (read.value !== expected) {
		return {
			ok: false,
			reason: "different",
			detail: `Your Windows user environment holds ${seen(read.value, mask)} for ${name}: something else changed it.`,
		};
	}
	return { ok: true };
}

/**
 * A new PowerShell, profile loaded, with `name` removed from its environment (otherwise it
 * would inherit ours) says what $env:NAME is.
 */
export async function proveProfile(
	run: RunCommand,
	host: PowerShellHost,
	name: string,
	expected: string,
	baseEnv: Env,
	mask: Mask,
	/** Off Windows no execution policy stops a profile: the other causes are named instead. */
	windows = true,
): Promise<Proof> {
	const label = windows ? `A new ${HOST_LABEL[host]} window` : "A new pwsh";
	const env = withoutVariables(baseEnv, [name, POLICY_OVERRIDE]);
	const outcome = await invokePowerShell(run, host, SCRIPTS.readVariableAfterProfile(name), {
		loadProfile: true,
		env,
		timeoutMs: PROFILE_TIMEOUT_MS,
		windows,
	});
	if (!outcome.ok) {
		const hung = outcome.why === "timed-out";
		return {
			ok: false,
			reason: "failed",
			detail: hung ? `${outcome.detail} Something in your profile may be waiting for input.` : outcome.detail,
		};
	}
	const { result } = outcome;
	const marker = readMarker(result.stdout);
	if (!marker.marked) {
		return {
			ok: false,
			reason: "failed",
			detail: `${label} stopped before it could report ${name}: ${exitDetail(result, expected, mask)}.`,
		};
	}
	if (marker.value === undefined) {
		const error = plainError(result.stderr, expected, mask);
		const detail = !windows
			? `${label} does not see ${name}: something later in your profile removes it, or pwsh does not read this file${error === undefined ? "" : ` (pwsh said "${error}")`}.`
			: error !== undefined && POLICY_ERROR.test(error)
				? `${label} refused to run your profile because of the execution policy ("${error}"), so it does not see ${name}.`
				: `${label} does not see ${name}. The most likely cause is the execution policy, which stops PowerShell from running your profile at all (check it with Get-ExecutionPolicy -List)${error === undefined ? "" : `; PowerShell also said "${error}"`}.`;
		return { ok: false, reason: "missing", detail };
	}
	if (marker.value !== expected) {
		return {
			ok: false,
			reason: "different",
			detail: `${label} sees ${seen(marker.value, mask)} for ${name}: a later line in one of your profiles sets it again.`,
		};
	}
	return { ok: true };
}
