import { type Dispatch, useEffect, useRef } from "react";
import { ExitCode } from "../core/exit-codes.js";
import { scrubSecrets } from "../core/scrub.js";
import { detectEnvironment } from "../core/session.js";
import type { System } from "../core/system.js";
import type { Step, WizardAction, WizardState } from "../core/wizard.js";
import { type LiveTestHolder, type StepSettings, stepWork } from "./step-work.js";

/**
 * Steps that only read or ask (no file is written, nothing is changed): when one follows
 * another step without a question in between, it starts at once, and if it ends within
 * QUICK_MS both outcomes reach the screen in one frame instead of flashing its busy line.
 */
const LOOK_AHEAD: ReadonlySet<Step["name"]> = new Set(["planning", "proving", "testing"]);
const QUICK_MS = 50;

interface Ahead {
	readonly step: Step["name"];
	readonly work: Promise<WizardAction | undefined>;
}

/** Runs the one side effect that belongs to the current step and reports its outcome. */
export function useStepEffects(
	system: System,
	settings: StepSettings,
	state: WizardState,
	dispatch: Dispatch<WizardAction>,
	reducer: (state: WizardState, action: WizardAction) => WizardState,
) {
	const { step } = state;
	const liveTest = useRef<LiveTestHolder["current"]>(undefined);
	// A step whose work was started before its frame was shown (see LOOK_AHEAD).
	const ahead = useRef<Ahead>(undefined);
	// Planning and proving need what detection finds: they start (again) once it lands.
	const waitsForDetection =
		(step.name === "planning" || step.name === "proving") && state.environment === undefined;
	// Detection runs once, behind the key prompt, so the prompt appears at once.
	// biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
	useEffect(() => {
		let live = true;
		detectEnvironment(system, settings.parentPid).then(
			(environment) => live && dispatch({ type: "detected", environment }),
			(error: unknown) => live && dispatch(unexpectedFailure("Could not look at your system", error)),
		);
		return () => {
			live = false;
		};
	}, []);
	// biome-ignore lint/correctness/useExhaustiveDependencies: each step runs its effect once, when it is entered (or once detection lands)
	useEffect(() => {
		let live = true;
		const outcomes: WizardAction[] = [];
		const report = () => {
			if (live) for (const action of outcomes.splice(0)) dispatch(action);
		};
		const work = (current: WizardState) => stepWork(system, settings, current, liveTest);
		const run = async () => {
			const started = ahead.current?.step === step.name ? ahead.current.work : work(state);
			ahead.current = undefined;
			let current = state;
			let action = await started;
			while (action) {
				outcomes.push(action);
				const next = reducer(current, action);
				if (next.step === current.step || !LOOK_AHEAD.has(next.step.name)) break;
				const following = work(next);
				const quick = await settlesWithin(following, QUICK_MS);
				if (!quick) {
					following.catch(() => undefined); // reported by that step's own run
					ahead.current = { step: next.step.name, work: following };
					break;
				}
				current = next;
				action = await following;
			}
			report(); // React renders the lot once
		};
		run().catch((error: unknown) => {
			outcomes.push(unexpectedFailure("Something unexpected went wrong", error, state.key?.key ?? ""));
			report();
		});
		return () => {
			live = false;
		};
	}, [step, waitsForDetection]);
}

/** A thrown error as the step's failure, its message cleared of any key. */
function unexpectedFailure(title: string, error: unknown, ...secrets: readonly string[]): WizardAction {
	const message = error instanceof Error ? error.message : String(error);
	return { type: "failed", title, message: scrubSecrets(message, ...secrets), code: ExitCode.unexpected };
}

/** Whether `work` settles within `ms`; the timer never outlives the answer. */
function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => resolve(false), ms);
		work.then(
			() => {
				clearTimeout(timer);
				resolve(true);
			},
			(error: unknown) => {
				clearTimeout(timer);
				reject(error);
			},
		);
	});
}
