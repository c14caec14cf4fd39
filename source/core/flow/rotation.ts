// Rotating a key: the places claude-setup wrote before get the new key too, definitions it
// did not write are offered for commenting out (a stale one that wins is the classic 401),
// and the person is reminded that the old key lives until it is revoked.
import { maskKey } from "../key/key.js";
import type { PlanInput } from "../plan/plan.js";
import type { Disable } from "../plan/plan-types.js";
import { offeredTargets, SHELL_TARGETS, type TargetName } from "../plan/targets.js";
import type { Detected } from "../platform/platform.js";
import type { Proof } from "../prove/proofs.js";
import { where as whereOf } from "../scan/issues.js";
import type { Finding } from "../scan/scan-types.js";
import { newTerminalValue, winningFindings } from "../scan/terminal-value.js";
import type { System } from "../system.js";
import type { Environment } from "./session.js";

/** Definitions of `variable` in files, not inside our block, holding anything but the new key. */
export function foreignDefinitions(
	credentials: readonly Finding[],
	variable: string,
	key: string,
): Finding[] {
	return credentials.filter(
		(finding) =>
			finding.variable === variable &&
			!finding.managed &&
			finding.source.kind === "file" &&
			finding.value !== key,
	);
}

function toDisable(findings: readonly Finding[]): Disable[] {
	return findings.flatMap((finding) =>
		finding.source.kind === "file"
			? [{ path: finding.source.path, line: finding.source.line, masked: finding.masked }]
			: [],
	);
}

/**
 * The chosen targets plus every target claude-setup wrote before that this system still has
 * (a pwsh profile only where pwsh is installed: planning it asks pwsh). With the keychain and
 * no shell block, the shells among those are unloaded instead: their blocks are taken out.
 */
function rotationTargets(
	choice: NewKeyChoice,
	ours: readonly TargetName[],
	detected: Detected,
): { targets: TargetName[]; unload: TargetName[] } {
	const available = offeredTargets(detected);
	const before = ours.filter((target) => available.includes(target) && !choice.targets.includes(target));
	const onRequest = choice.shellBlock === false && choice.targets.includes("keychain");
	const unload = onRequest ? before.filter((target) => SHELL_TARGETS.includes(target)) : [];
	const kept = before.filter((target) => !unload.includes(target));
	return { targets: [...new Set([...choice.targets, ...kept])], unload };
}

export interface NewKeyChoice {
	readonly targets: readonly TargetName[];
	readonly variable: string;
	readonly key: string;
	readonly envFile?: string;
	/** Comment out the definitions claude-setup did not write. */
	readonly disableOthers: boolean;
	/** Replace the key in the Claude Code settings.json files that hold another one. */
	readonly fixClaudeSettings?: boolean;
	/** With the keychain: false = new terminals do not load the key (only `claude-setup run` does). */
	readonly shellBlock?: boolean;
}

/** Claude Code settings files whose `env` sets `variable` to anything but the key: Claude Code sends that. */
export function staleClaudeSettings(
	credentials: readonly Finding[],
	variable: string,
	key: string,
): { writable: Finding[]; managed: Finding[] } {
	const stale = credentials.filter(
		(finding) =>
			finding.source.kind === "claude-settings" && finding.variable === variable && finding.value !== key,
	);
	const managed = stale.filter(
		(finding) =>
			finding.source.kind === "claude-settings" && /managed-settings\.json$/.test(finding.source.path),
	);
	return { writable: stale.filter((finding) => !managed.includes(finding)), managed };
}

function settingsPaths(findings: readonly Finding[]): string[] {
	return [
		...new Set(
			findings.flatMap((finding) => (finding.source.kind === "claude-settings" ? [finding.source.path] : [])),
		),
	];
}

/** What to plan for a new key (the wizard's and --key-stdin's), and the definitions it did not write. */
export function rotationPlanInput(
	environment: Environment,
	choice: NewKeyChoice,
): { input: PlanInput; others: Finding[]; settings: ReturnType<typeof staleClaudeSettings> } {
	const others = foreignDefinitions(environment.credentials, choice.variable, choice.key);
	const settings = staleClaudeSettings(environment.credentials, choice.variable, choice.key);
	const { targets, unload } = rotationTargets(choice, environment.ourTargets, environment.detected);
	const input: PlanInput = {
		targets,
		...(unload.length > 0 ? { unload } : {}),
		disable: choice.disableOthers ? toDisable(others) : [],
		variable: choice.variable,
		key: choice.key,
		envFile: choice.envFile,
		detected: environment.detected,
		windows: environment.windows,
		claudeSettings: choice.fixClaudeSettings ? settingsPaths(settings.writable) : [],
	};
	return { input, others, settings };
}

export interface StaleDefinition {
	readonly path: string;
	readonly line: number;
	/** Where it is, as said to a person: `~/.zlogin line 3`. */
	readonly where: string;
	readonly masked: string;
	/** The shells whose proof saw this key instead of the new one (`zsh -l -i`): there it still wins. */
	readonly winsIn: readonly string[];
}

/** Each definition left in place, and the shells in which it still wins over the new key. */
export function staleWinners(others: readonly Finding[], proofs: readonly Proof[]): StaleDefinition[] {
	return others.flatMap((finding) =>
		finding.source.kind === "file"
			? [
					{
						path: finding.source.path,
						line: finding.source.line,
						where: whereOf(finding.source),
						masked: finding.masked,
						winsIn: proofs
							.filter((proof) => !proof.ok && proof.sees === finding.masked)
							.flatMap((proof) => proof.shells ?? []),
					},
				]
			: [],
	);
}

export interface OldKey {
	readonly value: string;
	readonly masked: string;
	/** Checked live (GET /v1/models, no tokens): works, rejected, or not checked. */
	readonly checked?: "works" | "rejected";
}

/** The other keys that were set: revoking them is the last step of a rotation. */
export function oldKeys(credentials: readonly Finding[], variable: string, key: string): OldKey[] {
	const old = credentials.filter(
		(finding) => finding.variable === variable && finding.value.trim() !== "" && finding.value.trim() !== key,
	);
	const seen = new Map(old.map((finding) => [finding.value.trim(), finding.masked]));
	return [...seen].map(([value, masked]) => ({ value, masked }));
}

/** Said only as far as it was checked: a key that works stays valid; a rejected one has nothing to revoke. */
export function revokeReminder(keys: readonly OldKey[]): string[] {
	const lines: string[] = [];
	const list = (group: readonly OldKey[]) => group.map((key) => key.masked).join(", ");
	const plural = (group: readonly OldKey[]) => group.length > 1;
	const works = keys.filter((key) => key.checked === "works");
	const rejected = keys.filter((key) => key.checked === "rejected");
	const unchecked = keys.filter((key) => key.checked === undefined);
	if (works.length > 0) {
		lines.push(
			`The old key${plural(works) ? "s" : ""} (${list(works)}) still work${plural(works) ? "" : "s"} and stay${plural(works) ? "" : "s"} valid until revoked at console.anthropic.com → API keys — safe to do once every app and deployment uses the new one.`,
		);
	}
	if (rejected.length > 0) {
		lines.push(
			`The API already rejects the old key${plural(rejected) ? "s" : ""} (${list(rejected)}): there is nothing left to revoke.`,
		);
	}
	if (unchecked.length > 0) {
		lines.push(
			`The old key${plural(unchecked) ? "s" : ""} (${list(unchecked)}) ${plural(unchecked) ? "were" : "was"} not checked: if ${plural(unchecked) ? "they still work, revoke them" : "it still works, revoke it"} at console.anthropic.com → API keys once every app uses the new one.`,
		);
	}
	return lines;
}

/** Each old key checked live (no tokens), at most three, all at once. */
export async function checkOldKeys(
	keys: readonly OldKey[],
	check: (key: string) => Promise<{ ok: boolean; status?: number }>,
): Promise<OldKey[]> {
	return Promise.all(
		keys.map(async (key, index): Promise<OldKey> => {
			if (index >= 3) return key;
			const result = await check(key.value).catch(() => undefined);
			if (result?.ok) return { ...key, checked: "works" };
			return result?.status === 401 ? { ...key, checked: "rejected" } : key;
		}),
	);
}

/** The key a new terminal gets (else this terminal's), for "keep it and test it". */
export async function keptKey(
	system: System,
	environment: Environment,
): Promise<{ value: string; masked: string; where: string } | undefined> {
	const terminal = await newTerminalValue(
		system,
		environment.detected,
		environment.credentials,
		environment.windows,
	);
	const value = terminal.state === "set" ? terminal.value : system.env.ANTHROPIC_API_KEY;
	if (value === undefined || value.trim() === "") return undefined;
	const source =
		winningFindings(environment.credentials, terminal).at(-1) ??
		environment.credentials.find((finding) => finding.value === value && finding.source.kind !== "process");
	const where = source ? whereOf(source.source) : "this terminal";
	return { value, masked: maskKey(value.trim()), where };
}
