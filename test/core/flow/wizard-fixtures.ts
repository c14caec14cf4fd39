// Small, valid values for every piece of wizard state, so reducer tables stay readable.
import { expect } from "vitest";
import type { Advice } from "../../../source/core/advice/advice.js";
import type { Purgeable } from "../../../source/core/flow/purge-offer.js";
import type { Environment, LiveTest } from "../../../source/core/flow/session.js";
import {
	type AcceptedKey,
	initialState,
	type Step,
	type WizardAction,
	type WizardSettings,
	type WizardState,
	wizardReducer,
} from "../../../source/core/flow/wizard.js";
import type { Plan } from "../../../source/core/plan/plan.js";
import type { TargetName } from "../../../source/core/plan/targets.js";
import type { Proof } from "../../../source/core/prove/proofs.js";

export const API_KEY: AcceptedKey = {
	ok: true,
	kind: "api-key",
	key: `sk-ant-api03-${"r".repeat(89)}RdcrAA`,
	variable: "ANTHROPIC_API_KEY",
	fixes: [],
};

export const OAUTH_TOKEN: AcceptedKey = {
	ok: true,
	kind: "oauth-token",
	key: `sk-ant-oat01-${"o".repeat(60)}`,
	variable: "CLAUDE_CODE_OAUTH_TOKEN",
	fixes: [],
	note: "A Claude Code token.",
};

export function environment(os: Environment["detected"]["os"], defaultTarget: TargetName): Environment {
	return {
		detected: { os, shell: "zsh", shellSource: "SHELL", home: "/home/ada" },
		defaultTarget,
		inGitRepo: false,
		existing: [],
		credentials: [],
		ourTargets: [],
		presentFiles: [],
	};
}

export function advice(outcome: Advice["outcome"]): Advice {
	return { title: `It went ${outcome}`, why: "Because.", next: [], outcome };
}

export const PLAN: Plan = {
	variable: "ANTHROPIC_API_KEY",
	masked: "sk-ant-api03-…RdcrAA",
	changes: [],
	blockedProfiles: [],
	backupDir: "/b",
};
export const TRACKED_PLAN: Plan = {
	...PLAN,
	trackedSecretFile: { path: "/p/.env", display: "./.env", command: "git rm --cached -- .env", cwd: "/p" },
};
/** A PowerShell profile that the Restricted execution policy would not run. */
export const BLOCKED_PLAN: Plan = {
	...PLAN,
	blockedProfiles: [
		{
			host: "pwsh",
			label: "PowerShell 7",
			report: {
				effective: "Restricted",
				decidedBy: "default",
				profilesRun: false,
				lockedByGroupPolicy: false,
				fixCommand: "Set-ExecutionPolicy -Scope CurrentUser RemoteSigned",
				explanation: "Restricted: PowerShell runs no scripts, profiles included.",
			},
		},
	],
};

export const proof = (ok: boolean): Proof => ({
	display: "~/.zshrc",
	target: "zsh",
	ok,
	detail: ok ? "" : "no",
});
export const PASSED: LiveTest = { ok: true, model: "claude-haiku-5-5", reply: "Hi!", ms: 12 };
export const failedTest = (outcome: Advice["outcome"]): LiveTest => ({ ok: false, advice: advice(outcome) });

export const INTERACTIVE: WizardSettings = { presetTargets: [], verify: true, dryRun: false };
export const PRESET: WizardSettings = { presetTargets: ["fish"], verify: true, dryRun: false };
export const NO_VERIFY: WizardSettings = { presetTargets: [], verify: false, dryRun: false };
export const NO_VERIFY_PRESET: WizardSettings = { presetTargets: ["bash"], verify: false, dryRun: false };
export const DRY_RUN: WizardSettings = { presetTargets: [], verify: true, dryRun: true };

/** What a proven rotation left of the old key. */
export const FOUND: Purgeable = {
	traces: { files: [], backups: ["/home/u/.config/claude-setup/backups/zshrc.1"] },
	count: { lines: 1, backups: 1 },
	what: "1 commented-out line and 1 backup",
	subject: "the old key",
	plural: false,
};

/** One state per step, with the key and plan the later steps would have by then. */
export const STEPS: Record<Step["name"], Step> = {
	existing: { name: "existing" },
	keeping: { name: "keeping" },
	key: { name: "key" },
	destination: { name: "destination", leadsTo: "checking" },
	checking: { name: "checking" },
	unreachable: { name: "unreachable", advice: advice("unreachable"), tries: 1 },
	target: { name: "target" },
	others: { name: "others" },
	planning: { name: "planning" },
	dotfiles: { name: "dotfiles", plan: PLAN },
	policy: { name: "policy", plan: BLOCKED_PLAN },
	billing: { name: "billing", plan: PLAN },
	allowing: { name: "allowing", plan: BLOCKED_PLAN },
	preview: { name: "preview", plan: PLAN },
	writing: { name: "writing", plan: PLAN },
	untrack: { name: "untrack", plan: TRACKED_PLAN },
	proving: { name: "proving", plan: PLAN },
	testing: { name: "testing" },
	shell: { name: "shell" },
	"keychain-shell": { name: "keychain-shell" },
	"old-keys": { name: "old-keys" },
	purge: { name: "purge", found: FOUND },
	purging: { name: "purging", found: FOUND },
	done: { name: "done" },
	failed: { name: "failed", title: "Broken", message: "It broke." },
	exit: { name: "exit", code: 130 },
};

export function at(settings: WizardSettings, step: Step, extra: Partial<WizardState> = {}): WizardState {
	return { ...initialState(settings), key: API_KEY, ...extra, step };
}

export interface Row {
	readonly name: string;
	readonly settings: WizardSettings;
	readonly state: WizardState;
	readonly action: WizardAction;
	readonly step: Step;
	readonly exitCode: number;
	/** Other fields of the new state that must hold. */
	readonly fields?: Partial<WizardState>;
}

export function checkRow({ settings, state, action, step, exitCode, fields }: Row): void {
	const next = wizardReducer(settings)(state, action);
	expect(next.step).toEqual(step);
	expect(next.exitCode).toBe(exitCode);
	if (fields) expect(next).toMatchObject(fields);
}
