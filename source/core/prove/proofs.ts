// Proves what was written: a fresh real shell, Node's own .env loader, a fresh PowerShell
// or the Windows user environment reads the key back; git confirms the .env is ignored.
import { gitFacts, isIgnored } from "../edit/gitignore.js";
import { maskKey } from "../key/key.js";
import { type FileChange, holdsKey, type Plan } from "../plan/plan.js";
import type { TargetName } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { Detected } from "../platform/platform.js";
import type { System } from "../system.js";
import { HOST_LABEL } from "../windows/powershell.js";
import { proveProfile, proveUserVariable } from "../windows/user-env.js";
import { proveKeychain } from "./keychain-proof.js";
import { proveTarget } from "./prove.js";

export interface Proof {
	readonly display: string;
	readonly target: TargetName;
	readonly ok: boolean;
	/** What was proven (ok) or what is wrong and what to do (not ok), in one sentence. */
	readonly detail: string;
}

/** A fresh real shell (or Node's own .env loader) reads every written file back. */
export async function proveChanges(
	system: System,
	plan: Plan,
	detected: Detected,
	key: string,
	nodePath: string,
): Promise<Proof[]> {
	// The keychain item first: the shells' blocks read it.
	const proofs: Proof[] = plan.keychain ? await proveKeychain(system, plan.keychain, key) : [];
	// A file where stale lines were only commented out holds no key to prove; a private key
	// file is proven through the startup files that source it.
	for (const change of plan.changes.filter(holdsKey)) {
		if (change.file.host) {
			proofs.push(await proveProfileChange(system, change, plan.variable, key));
			continue;
		}
		if (change.file.target === "windows" || change.file.target === "powershell") continue;
		if (change.file.target === "keychain") continue;
		const result = await proveTarget(system.run, {
			target: change.file.target,
			os: detected.os,
			variable: plan.variable,
			expected: key,
			baseEnv: system.env,
			envFilePath: change.file.path,
			nodePath,
			cwd: system.cwd,
			mask: maskKey,
		});
		const reader = change.file.target === "dotenv" ? ".env loader" : change.file.target;
		proofs.push({
			display: change.display,
			target: change.file.target,
			ok: result.ok,
			detail: result.ok ? `A fresh ${reader} reads the key from ${change.display}` : result.detail,
		});
		if (
			change.file.target === "dotenv" &&
			(await gitFacts(system.run, pathsFor(system.platform).dirname(change.file.path))).inRepo
		) {
			proofs.push(await proveIgnored(system, change.file.path, change.display));
		}
	}
	if (plan.userVariable) {
		const result = await proveUserVariable(system.run, plan.userVariable.host, plan.variable, key, maskKey);
		proofs.push({
			display: plan.userVariable.display,
			target: "windows",
			ok: result.ok,
			detail: result.ok ? `A fresh process reads the key from ${plan.userVariable.display}` : result.detail,
		});
	}
	return proofs;
}

async function proveProfileChange(
	system: System,
	change: FileChange,
	variable: string,
	key: string,
): Promise<Proof> {
	const host = change.file.host ?? "powershell";
	const windows = system.platform === "win32";
	const result = await proveProfile(system.run, host, variable, key, system.env, maskKey, windows);
	return {
		display: change.display,
		target: "powershell",
		ok: result.ok,
		detail: result.ok ? `A fresh ${HOST_LABEL[host]} reads the key from ${change.display}` : result.detail,
	};
}

/** Re-asks git after writing: a later `!.env` rule elsewhere could still un-ignore the file. */
async function proveIgnored(system: System, path: string, display: string): Promise<Proof> {
	const ignored = await isIgnored(system.run, path);
	return {
		display: `${display} (git)`,
		target: "dotenv",
		ok: ignored,
		detail: ignored
			? `git ignores ${display}`
			: `git does not ignore ${display}: a rule elsewhere (e.g. "!.env") un-ignores it. Check with: git check-ignore -v ${display}`,
	};
}
