// The wizard's state machine: one reducer over an explicit step union. The app runs the
// side effect that belongs to each step and dispatches its outcome; screens only display.
import type { Advice } from "./advice.js";
import type { Written } from "./apply.js";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";
import type { KeyCheck } from "./key.js";
import type { Plan } from "./plan.js";
import type { Proof } from "./proofs.js";
import type { Environment, LiveTest } from "./session.js";
import type { ModelInfo } from "./system.js";
import type { TargetName } from "./targets.js";

export type AcceptedKey = Extract<KeyCheck, { ok: true }>;

export type Step =
	| { readonly name: "key"; readonly advice?: Advice }
	| { readonly name: "checking" }
	| { readonly name: "unreachable"; readonly advice: Advice }
	| { readonly name: "target" }
	| { readonly name: "planning" }
	| { readonly name: "policy"; readonly plan: Plan; readonly failure?: string }
	| { readonly name: "allowing"; readonly plan: Plan }
	| { readonly name: "preview"; readonly plan: Plan }
	| { readonly name: "writing"; readonly plan: Plan }
	| { readonly name: "untrack"; readonly plan: Plan }
	| { readonly name: "proving"; readonly plan: Plan }
	| { readonly name: "testing" }
	| { readonly name: "done" }
	| { readonly name: "failed"; readonly title: string; readonly message: string }
	| { readonly name: "exit"; readonly code: ExitCodeValue };

export interface WizardState {
	readonly step: Step;
	readonly environment?: Environment;
	readonly key?: AcceptedKey;
	readonly models?: readonly ModelInfo[];
	/** The user chose to save although the API could not be reached. */
	readonly unchecked: boolean;
	readonly targets: readonly TargetName[];
	readonly plan?: Plan;
	readonly written: readonly Written[];
	readonly untracked?: boolean;
	/** Why allowing PowerShell profiles did not work, shown when the policy question returns. */
	readonly policyFailure?: string;
	readonly proofs: readonly Proof[];
	readonly liveTest?: LiveTest;
	readonly exitCode: ExitCodeValue;
}

export interface WizardSettings {
	readonly presetTargets: readonly TargetName[];
	readonly verify: boolean;
	readonly dryRun: boolean;
}

export type WizardAction =
	| { readonly type: "detected"; readonly environment: Environment }
	| { readonly type: "key-accepted"; readonly key: AcceptedKey }
	| { readonly type: "check-passed"; readonly models: readonly ModelInfo[] }
	| { readonly type: "check-failed"; readonly advice: Advice }
	| { readonly type: "unreachable-choice"; readonly choice: "retry" | "save" | "quit" }
	| { readonly type: "targets-chosen"; readonly targets: readonly TargetName[] }
	| { readonly type: "planned"; readonly plan: Plan }
	| { readonly type: "policy-choice"; readonly choice: "windows" | "allow" | "keep" }
	| { readonly type: "profiles-allowed"; readonly failure?: string }
	| { readonly type: "confirmed"; readonly yes: boolean }
	| { readonly type: "written"; readonly written: readonly Written[] }
	| { readonly type: "untrack-answered"; readonly untracked: boolean }
	| { readonly type: "proved"; readonly proofs: readonly Proof[] }
	| { readonly type: "tested"; readonly result: LiveTest }
	| {
			readonly type: "failed";
			readonly title: string;
			readonly message: string;
			readonly code: ExitCodeValue;
	  }
	| { readonly type: "cancel" };

export function initialState(settings: WizardSettings): WizardState {
	return {
		// The key prompt comes first; detection finishes in the background meanwhile.
		step: { name: "key" },
		unchecked: false,
		targets: settings.presetTargets,
		written: [],
		proofs: [],
		exitCode: ExitCode.ok,
	};
}

/** The step each outcome belongs to: a late or stray action (a double Enter, a slow effect) is ignored. */
const STEP_FOR: Record<Exclude<WizardAction["type"], "detected" | "failed" | "cancel">, Step["name"]> = {
	"key-accepted": "key",
	"check-passed": "checking",
	"check-failed": "checking",
	"unreachable-choice": "unreachable",
	"targets-chosen": "target",
	planned: "planning",
	"policy-choice": "policy",
	"profiles-allowed": "allowing",
	confirmed: "preview",
	written: "writing",
	"untrack-answered": "untrack",
	proved: "proving",
	tested: "testing",
};
const FINAL_STEPS: readonly Step["name"][] = ["done", "failed", "exit"];

function accepts(step: Step["name"], action: WizardAction): boolean {
	if (FINAL_STEPS.includes(step)) return false;
	// The write is atomic and short; leaving halfway would skip the proof of what was written.
	if (action.type === "cancel") return step !== "writing";
	if (action.type === "failed" || action.type === "detected") return true;
	return STEP_FOR[action.type] === step;
}

export function wizardReducer(settings: WizardSettings) {
	return (state: WizardState, action: WizardAction): WizardState => {
		if (!accepts(state.step.name, action)) return state;
		switch (action.type) {
			case "detected": {
				const targets = state.targets.length > 0 ? state.targets : [action.environment.defaultTarget];
				return { ...state, environment: action.environment, targets };
			}
			case "key-accepted": {
				// OAuth tokens cannot be checked against the API as a key: go straight to saving.
				const check = settings.verify && action.key.kind === "api-key";
				return { ...state, key: action.key, step: check ? { name: "checking" } : afterCheck(settings) };
			}
			case "check-passed":
				return { ...state, models: action.models, step: afterCheck(settings) };
			case "check-failed":
				// A refused key goes back to the input; anything else may be passing: offer a choice.
				return action.advice.outcome === "rejected"
					? { ...state, key: undefined, step: { name: "key", advice: action.advice } }
					: { ...state, step: { name: "unreachable", advice: action.advice } };
			case "unreachable-choice":
				if (action.choice === "retry") return { ...state, step: { name: "checking" } };
				if (action.choice === "save") return { ...state, unchecked: true, step: afterCheck(settings) };
				// Nothing was saved: whatever the API said, it could not confirm the key.
				return exit(state, ExitCode.unreachable);
			case "targets-chosen":
				return { ...state, targets: action.targets, step: { name: "planning" } };
			case "planned": {
				// A PowerShell profile that the execution policy will not run: decide before writing.
				const blocked = action.plan.blockedProfiles.length > 0;
				const failure = state.policyFailure;
				const step: Step = blocked
					? { name: "policy", plan: action.plan, failure }
					: { name: "preview", plan: action.plan };
				return { ...state, plan: action.plan, policyFailure: undefined, step };
			}
			case "policy-choice": {
				if (state.step.name !== "policy") return state;
				const plan = state.step.plan;
				if (action.choice === "keep") return { ...state, step: { name: "preview", plan } };
				if (action.choice === "allow") return { ...state, step: { name: "allowing", plan } };
				const targets = [
					...new Set(state.targets.map((target) => (target === "powershell" ? "windows" : target))),
				];
				return { ...state, targets, step: { name: "planning" } };
			}
			case "profiles-allowed":
				// Plan again: the policy is read afresh, and the profile is checked once more.
				return { ...state, policyFailure: action.failure, step: { name: "planning" } };
			case "confirmed":
				if (state.step.name !== "preview") return state;
				if (!action.yes) return exit(state, ExitCode.cancelled);
				if (settings.dryRun) return { ...state, step: { name: "done" } };
				return { ...state, step: { name: "writing", plan: state.step.plan } };
			case "written": {
				if (state.step.name !== "writing") return state;
				const plan = state.step.plan;
				const next: Step = plan.trackedSecretFile ? { name: "untrack", plan } : { name: "proving", plan };
				return { ...state, written: action.written, step: next };
			}
			case "untrack-answered":
				if (state.step.name !== "untrack") return state;
				return { ...state, untracked: action.untracked, step: { name: "proving", plan: state.step.plan } };
			case "proved": {
				const failed = action.proofs.some((proof) => !proof.ok);
				// "Save without checking" means the API could not be reached: no live test either.
				const test = settings.verify && state.key?.kind === "api-key" && !state.unchecked;
				return {
					...state,
					proofs: action.proofs,
					exitCode: failed ? ExitCode.notProven : state.exitCode,
					step: test ? { name: "testing" } : { name: "done" },
				};
			}
			case "tested":
				return {
					...state,
					liveTest: action.result,
					exitCode: action.result.ok ? state.exitCode : exitCodeForAdvice(action.result.advice.outcome),
					step: { name: "done" },
				};
			case "failed":
				return {
					...state,
					exitCode: action.code,
					step: { name: "failed", title: action.title, message: action.message },
				};
			case "cancel":
				return exit(state, ExitCode.cancelled);
		}
	};
}

function afterCheck(settings: WizardSettings): Step {
	return settings.presetTargets.length > 0 ? { name: "planning" } : { name: "target" };
}

function exit(state: WizardState, code: ExitCodeValue): WizardState {
	return { ...state, exitCode: code, step: { name: "exit", code } };
}

export function exitCodeForAdvice(outcome: Advice["outcome"]): ExitCodeValue {
	switch (outcome) {
		case "rejected":
			return ExitCode.keyRejected;
		case "unreachable":
			return ExitCode.unreachable;
		default:
			return ExitCode.notProven;
	}
}
