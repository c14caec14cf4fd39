// The wizard's state machine: one reducer over an explicit step union. The app runs the
// side effect that belongs to each step and dispatches its outcome; screens only display.
import { exitCodeForAdvice } from "../advice/advice.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import type { Plan } from "../plan/plan.js";
import { SHELL_TARGETS } from "../plan/targets.js";
import { claudeCodeNotes } from "./claude-code-notes.js";
import { askShellFor } from "./describe.js";
import { withAnsweredShell } from "./session.js";
import { trackedRefusal } from "./tracked-env.js";
import { answerDestination, beforeSending } from "./wizard-destination.js";
import { afterLiveTest, afterPurgeAnswer, afterTargets } from "./wizard-old-keys.js";
import type { Step, WizardAction, WizardSettings, WizardState } from "./wizard-types.js";

export type { AcceptedKey, Step, WizardAction, WizardSettings, WizardState } from "./wizard-types.js";

export function initialState(settings: WizardSettings): WizardState {
	return {
		// The key prompt comes first; detection finishes in the background meanwhile.
		step: { name: "key" },
		unchecked: false,
		targets: settings.presetTargets,
		written: [],
		proofs: [],
		exitCode: ExitCode.ok,
		typing: false,
		disableOthers: true,
	};
}

/** The step each outcome belongs to: a late or stray action (a double Enter, a slow effect) is ignored. */
const STEP_FOR: Record<Exclude<WizardAction["type"], "detected" | "failed" | "cancel">, Step["name"]> = {
	typing: "key",
	"existing-choice": "existing",
	kept: "keeping",
	"others-answered": "others",
	"key-accepted": "key",
	"destination-answered": "destination",
	"check-passed": "checking",
	"check-failed": "checking",
	"unreachable-choice": "unreachable",
	"keychain-probed": "target",
	"targets-chosen": "target",
	"shell-choice": "keychain-shell",
	planned: "planning",
	"dotfiles-choice": "dotfiles",
	"policy-choice": "policy",
	"billing-choice": "billing",
	"profiles-allowed": "allowing",
	confirmed: "preview",
	"keep-modes": "preview",
	written: "writing",
	"untrack-answered": "untrack",
	proved: "proving",
	tested: "testing",
	"shell-answered": "shell",
	"old-keys-found": "old-keys",
	"purge-answered": "purge",
	purged: "purging",
};
const FINAL_STEPS: readonly Step["name"][] = ["done", "failed", "exit"];

function accepts(step: Step["name"], action: WizardAction): boolean {
	if (FINAL_STEPS.includes(step)) return false;
	// The write is atomic and short; leaving halfway would skip the proof of what was written.
	if (action.type === "cancel") return step !== "writing" && step !== "purging";
	if (action.type === "failed" || action.type === "detected") return true;
	return STEP_FOR[action.type] === step;
}

export function wizardReducer(settings: WizardSettings) {
	return (state: WizardState, action: WizardAction): WizardState => {
		if (!accepts(state.step.name, action)) return state;
		switch (action.type) {
			case "detected": {
				const targets = state.targets.length > 0 ? state.targets : [action.environment.defaultTarget];
				const detected = { ...state, environment: action.environment, targets };
				// A key is already set: offer to replace, keep and test, or quit — unless typing began.
				const untouched = state.step.name === "key" && !state.step.advice && !state.typing;
				return untouched && action.environment.existing.length > 0
					? { ...detected, step: { name: "existing" } }
					: detected;
			}
			case "typing":
				return state.typing ? state : { ...state, typing: true };
			case "existing-choice":
				if (action.choice === "replace") return { ...state, typing: true, step: { name: "key" } };
				if (action.choice === "keep") return { ...state, step: beforeSending(settings, state, "keeping") };
				return exit(state, ExitCode.ok);
			case "kept": {
				// A kept key the API rejects goes back to the key prompt, where "paste the key again" can be done.
				if (!action.result.ok && action.result.advice.outcome === "rejected") {
					return { ...state, typing: true, step: { name: "key", advice: action.result.advice } };
				}
				const exitCode = action.result.ok ? ExitCode.ok : exitCodeForAdvice(action.result.advice.outcome);
				const kept = { masked: action.masked, where: action.where };
				return { ...state, kept, liveTest: action.result, exitCode, step: { name: "done" } };
			}
			case "others-answered":
				return { ...state, disableOthers: action.yes, step: { name: "planning" } };
			case "key-accepted": {
				// OAuth tokens cannot be checked against the API as a key: go straight to saving.
				const check = settings.verify && action.key.kind === "api-key";
				const step = check ? beforeSending(settings, state, "checking") : afterCheck(settings);
				return { ...state, key: action.key, step };
			}
			case "destination-answered":
				return answerDestination(settings, state, action.choice, afterCheck(settings));
			case "check-passed":
				return { ...state, models: action.models, step: afterCheck(settings) };
			case "check-failed":
				// A refused key goes back to the input; anything else may be passing: offer a choice.
				return action.advice.outcome === "rejected"
					? { ...state, key: undefined, step: { name: "key", advice: action.advice } }
					: {
							...state,
							step: { name: "unreachable", advice: action.advice, tries: failedChecks(state) + 1 },
						};
			case "unreachable-choice":
				if (action.choice === "retry") {
					const tries = state.step.name === "unreachable" ? state.step.tries : 0;
					return { ...state, step: { name: "checking", tries } };
				}
				if (action.choice === "save") return { ...state, unchecked: true, step: afterCheck(settings) };
				// Nothing was saved: whatever the API said, it could not confirm the key.
				return exit(state, ExitCode.unreachable);
			case "keychain-probed":
				// The same step: the target screen now knows whether to offer the keychain.
				return { ...state, keychainProbe: action.probe };
			case "targets-chosen":
				// A shell chosen beside the keychain answers the question: its new terminals load the key.
				return action.targets.includes("keychain") &&
					!action.targets.some((target) => SHELL_TARGETS.includes(target))
					? { ...state, targets: action.targets, step: { name: "keychain-shell" } }
					: afterTargets({ ...state, targets: action.targets });
			case "shell-choice":
				return afterTargets({ ...state, shellBlock: action.shellBlock });
			case "planned": {
				// A target file under version control: ask before a secret goes into it.
				const tracked = action.plan.trackedDotfiles?.some((file) => !file.private);
				if (tracked && state.privateFile === undefined) {
					return { ...state, plan: action.plan, step: { name: "dotfiles", plan: action.plan } };
				}
				// Claude Code would bill the key instead of the subscription: say so, offer the .env.
				if (state.billing === undefined && billsKey(state, action.plan)) {
					return { ...state, plan: action.plan, step: { name: "billing", plan: action.plan } };
				}
				// A PowerShell profile that the execution policy will not run: decide before writing.
				const blocked = action.plan.blockedProfiles.length > 0;
				const failure = state.policyFailure;
				const step: Step = blocked
					? { name: "policy", plan: action.plan, failure }
					: { name: "preview", plan: action.plan };
				return { ...state, plan: action.plan, policyFailure: undefined, step };
			}
			case "dotfiles-choice":
				if (action.choice === "quit") return exit(state, ExitCode.cancelled);
				// Plan again: with the private file, or with the answer recorded so it is not asked twice.
				return { ...state, privateFile: action.choice === "private", step: { name: "planning" } };
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
			case "billing-choice": {
				if (action.choice === "quit") return exit(state, ExitCode.cancelled);
				const targets = action.choice === "dotenv" ? ["dotenv" as const] : state.targets;
				return { ...state, billing: action.choice, targets, step: { name: "planning" } };
			}
			case "profiles-allowed":
				// Plan again: the policy is read afresh, and the profile is checked once more.
				return { ...state, policyFailure: action.failure, step: { name: "planning" } };
			case "confirmed":
				if (state.step.name !== "preview") return state;
				if (!action.yes) return exit(state, ExitCode.cancelled);
				if (settings.dryRun) return { ...state, step: { name: "done" } };
				// A .env git tracks never gets the key while it stays tracked: untrack first, or stop.
				if (state.step.plan.trackedSecretFile)
					return { ...state, step: { name: "untrack", plan: state.step.plan } };
				return { ...state, step: { name: "writing", plan: state.step.plan } };
			case "keep-modes":
				// Plan again without making files that others can read 0600.
				return { ...state, keepModes: true, step: { name: "planning" } };
			case "written":
				if (state.step.name !== "writing") return state;
				return { ...state, written: action.written, step: { name: "proving", plan: state.step.plan } };
			case "untrack-answered": {
				if (state.step.name !== "untrack") return state;
				const plan = state.step.plan;
				if (action.untracked) return { ...state, untracked: true, step: { name: "writing", plan } };
				const refusal = trackedRefusal(plan);
				return {
					...state,
					untracked: false,
					exitCode: ExitCode.writeFailed,
					step: { name: "failed", title: refusal.title, message: refusal.message },
				};
			}
			case "proved": {
				const failed = action.proofs.some((proof) => !proof.ok);
				return {
					...state,
					proofs: action.proofs,
					exitCode: failed ? ExitCode.notProven : state.exitCode,
					step: liveTestPlanned(settings, state) ? { name: "testing" } : finish(state),
				};
			}
			case "tested":
				return {
					...state,
					liveTest: action.result,
					exitCode: action.result.ok ? state.exitCode : exitCodeForAdvice(action.result.advice.outcome),
					step: afterLiveTest(state, action.result, finish(state)),
				};
			case "old-keys-found":
				return { ...state, step: action.found ? { name: "purge", found: action.found } : finish(state) };
			case "purge-answered":
				return afterPurgeAnswer(state, action.yes, finish(state));
			case "purged":
				return { ...state, purge: { done: true, line: action.line }, step: finish(state) };
			case "shell-answered":
				return state.environment
					? {
							...state,
							environment: withAnsweredShell(state.environment, action.shell),
							step: { name: "done" },
						}
					: { ...state, step: { name: "done" } };
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

/** Whether a live request to Claude follows the proofs (it may start alongside them). */
export function liveTestPlanned(settings: Pick<WizardSettings, "verify">, state: WizardState): boolean {
	// "Save without checking" means the API could not be reached: no live test either.
	return settings.verify && state.key?.kind === "api-key" && !state.unchecked;
}

/** Checks of the current key that failed before the one under way. */
function failedChecks(state: WizardState): number {
	return state.step.name === "checking" ? (state.step.tries ?? 0) : 0;
}

function afterCheck(settings: WizardSettings): Step {
	return settings.presetTargets.length > 0 ? { name: "planning" } : { name: "target" };
}

/** After the proofs: the summary, unless its guidance needs the shell nothing could detect. */
function finish(state: WizardState): Step {
	const { environment, plan } = state;
	const ask = environment && plan && askShellFor(plan, environment.detected, environment.windows);
	return ask ? { name: "shell" } : { name: "done" };
}

function exit(state: WizardState, code: ExitCodeValue): WizardState {
	return { ...state, exitCode: code, step: { name: "exit", code } };
}

/** The plan saves the key for every terminal where Claude Code is logged in with a subscription. */
function billsKey(state: WizardState, plan: Plan): boolean {
	if (!state.environment || !state.key || state.targets.every((target) => target === "dotenv")) return false;
	return claudeCodeNotes(state.environment, plan, state.key.key, {}).billing;
}
