// Proves what was written: a fresh real shell, Node's own .env loader, a fresh PowerShell
// or the Windows user environment reads the key back; git confirms the .env is ignored.
import { gitFacts, isIgnored } from "../edit/gitignore.js";
import { maskKey } from "../key/key.js";
import { type FileChange, holdsKey, type Plan } from "../plan/plan.js";
import type { FileTargetName, TargetName } from "../plan/targets.js";
import { pathsFor } from "../platform/paths.js";
import type { Detected } from "../platform/platform.js";
import type { System } from "../system.js";
import { HOST_LABEL } from "../windows/powershell.js";
import { proveProfile, proveUserVariable } from "../windows/user-env.js";
import { proveKeychain } from "./keychain-proof.js";
import { type Definition, proveTarget } from "./prove.js";
import { proofModes, type ShellMode } from "./prove-command.js";

export interface Proof {
	readonly display: string;
	/** claude-code: the real Claude Code said which credential it will use. */
	readonly target: TargetName | "claude-code";
	readonly ok: boolean;
	/** What was proven (ok) or what is wrong and what to do (not ok), in one sentence. */
	readonly detail: string;
	/** The shells started to check it: `zsh -i`, `zsh -l -i` (login and interactive read different files). */
	readonly shells?: readonly string[];
	/** Not ok because a shell sees another key: that key, masked (names the definition that wins). */
	readonly sees?: string;
}

/** A fresh real shell (or Node's own .env loader) reads every written file back. */
export async function proveChanges(
	system: System,
	plan: Plan,
	detected: Detected,
	key: string,
	nodePath: string,
	definitions: readonly Definition[] = [],
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
		const target = change.file.target;
		if (target === "windows" || target === "powershell" || target === "claude-settings") continue;
		if (target === "keychain") continue;
		const context = { variable: plan.variable, detected, key, nodePath, definitions };
		proofs.push(...(await proveFileChange(system, change, target, context)));
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

const SHELL_FLAGS: Record<ShellMode, string> = { interactive: "-i", login: "-l -i" };

/**
 * A fresh shell of every kind a person opens reads the key back: for zsh and bash on Linux both
 * an interactive and a login shell (they read different files). One proof when all agree.
 */
async function proveFileChange(
	system: System,
	change: FileChange,
	target: FileTargetName,
	context: {
		variable: string;
		detected: Detected;
		key: string;
		nodePath: string;
		definitions: readonly Definition[];
	},
): Promise<Proof[]> {
	const { variable, detected, key, nodePath, definitions } = context;
	const modes = proofModes(target, detected.os);
	const results = await Promise.all(
		modes.map((mode) =>
			proveTarget(system.run, {
				target,
				os: detected.os,
				variable,
				expected: key,
				baseEnv: system.env,
				envFilePath: change.file.path,
				nodePath,
				cwd: system.cwd,
				mask: maskKey,
				mode,
				definitions,
			}),
		),
	);
	const reader = target === "dotenv" ? ".env loader" : target;
	const shells = target === "dotenv" ? undefined : modes.map((mode) => `${target} ${SHELL_FLAGS[mode]}`);
	const proof = (ok: boolean, detail: string, checked = shells, sees?: string): Proof => ({
		display: change.display,
		target,
		ok,
		detail,
		...(checked ? { shells: checked } : {}),
		...(sees !== undefined ? { sees } : {}),
	});
	if (results.every((result) => result.ok)) {
		const both = modes.length > 1 ? " (login shells too)" : "";
		return [proof(true, `A fresh ${reader} reads the key from ${change.display}${both}`)];
	}
	return results.map((result, index) => {
		const shell = shells?.slice(index, index + 1);
		if (!result.ok) return proof(false, result.detail, shell, result.sees);
		const login = modes[index] === "login" && modes.length > 1 ? "login " : "";
		return proof(true, `A fresh ${login}${reader} reads the key from ${change.display}`, shell);
	});
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
