import { type Dispatch, useEffect, useRef } from "react";
import { ExitCode } from "../core/exit-codes.js";
import { detectEnvironment } from "../core/flow/session.js";
import type { Step, WizardAction, WizardState } from "../core/flow/wizard.js";
import { scrubSecrets } from "../core/key/scrub.js";
import type { System } from "../core/system.js";
import { type LiveTestHolder, type StepSettings, stepWork } from "./step-work.js";

/**
 * Steps that only read or ask (no file is written, nothing is changed): when one follows
 * another step without a question in between, it starts at once, and if it ends within
 * QUICK_MS both outcomes reach the screen in one frame instead of flashing its busy line.
 */
const LOOK_AHEAD: ReadonlySet<Step["name"]> = new Set(["planning", "proving", "testing", "old-keys"]);
/**
 * Steps that do work instead of asking: when a person's answer leads to one, its work starts
 * before React has seen the answer, and a quick outcome shares the next step's frame.
 */
const AUTOMATIC: ReadonlySet<Step["name"]> = new Set([
	"checking",
	"keeping",
	"planning",
	"allowing",
	"writing",
	"proving",
	"testing",
	"old-keys",
	"purging",
]);
const QUICK_MS = 50;

interface Ahead {
	readonly step: Step["name"];
	/** The key it works with: work for another key is never taken for this one's. */
	readonly key: string | undefined;
	readonly work: Promise<WizardAction | undefined>;
}

/** Outcomes of a step's work (started by an answer, or by the step's own run) not yet dispatched. */
interface Chain {
	readonly outcomes: WizardAction[];
	delivered: number;
	/** Whether React is still on the step this chain reports for. */
	readonly live: () => boolean;
}

/**
 * Runs the one side effect that belongs to the current step and reports its outcome. Returns
 * what a person does: `takeAction` (an answer: Enter on a key starts checking it, Enter on the
 * preview starts writing, at once; done within QUICK_MS, the outcome reaches the screen with what
 * follows, without a "checking" or "writing" frame) and `cancel` (Esc, Ctrl-C).
 */
export function useStepEffects(
	system: System,
	settings: StepSettings,
	state: WizardState,
	dispatch: Dispatch<WizardAction>,
	reducer: (state: WizardState, action: WizardAction) => WizardState,
) {
	const { step } = state;
	const liveTest = useRef<LiveTestHolder["current"]>(undefined);
	// A step whose work was started before its frame was shown (see LOOK_AHEAD, takeAction).
	const ahead = useRef<Ahead>(undefined);
	// Chains whose outcomes React has not all been given (an answer's, and its step's own run).
	const chains = useRef(new Set<Chain>());
	// The step a person's answer has already been taken for (a second Enter changes nothing).
	const answered = useRef<Step>(undefined);
	// Planning, proving and the keychain's probe need what detection finds: they start (again) once it lands.
	const waitsForDetection =
		(step.name === "planning" || step.name === "proving" || step.name === "target") &&
		state.environment === undefined;
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
	const work = (current: WizardState) => stepWork(system, settings, current, liveTest);
	/** Collects the outcome of `started` (the work of `from`'s step), then of quick read-only steps after it. */
	const follow = async (from: WizardState, started: Promise<WizardAction | undefined>, into: Chain) => {
		let current = from;
		let action = await started;
		while (action) {
			into.outcomes.push(action);
			const next = reducer(current, action);
			if (next.step === current.step || !LOOK_AHEAD.has(next.step.name)) return;
			const following = work(next);
			if (!(await settlesWithin(following, QUICK_MS))) {
				following.catch(() => undefined); // reported by that step's own run
				ahead.current = { step: next.step.name, key: next.key?.key, work: following };
				return;
			}
			current = next;
			action = await following;
		}
	};
	/** Hands what React has not seen of `into` over in one go (one render). */
	const deliver = (into: Chain) => {
		for (const action of into.outcomes.slice(into.delivered)) dispatch(action);
		into.delivered = into.outcomes.length;
	};
	/** Delivers `into` once `running` ends, after a failure of it if any; until then Esc may. */
	const report = (running: Promise<unknown>, into: Chain) => {
		chains.current.add(into);
		return running
			.catch((error: unknown) => {
				into.outcomes.push(unexpectedFailure("Something unexpected went wrong", error, state.key?.key ?? ""));
			})
			.then(() => {
				if (into.live()) deliver(into);
			})
			.finally(() => chains.current.delete(into));
	};
	// biome-ignore lint/correctness/useExhaustiveDependencies: each step runs its effect once, when it is entered (or once detection lands)
	useEffect(() => {
		let live = true;
		// Work started for this step is taken over; work for another step is left to that one's
		// run (an answer may be taken before this step's effect has run, with its frame on screen).
		const early = ahead.current;
		const adopted = early?.step === step.name && early.key === state.key?.key ? early : undefined;
		if (adopted) ahead.current = undefined;
		const started = adopted ? adopted.work : work(state);
		const into: Chain = { outcomes: [], delivered: 0, live: () => live };
		void report(follow(state, started, into), into);
		return () => {
			live = false;
		};
	}, [step, waitsForDetection]);

	function takeAction(action: WizardAction): void {
		if (answered.current === state.step) return;
		const next = reducer(state, action);
		if (next.step === state.step || !AUTOMATIC.has(next.step.name)) {
			dispatch(action);
			return;
		}
		answered.current = state.step;
		const started = work(next);
		started.catch(() => undefined); // reported below, or by the step's own run
		// Should the step's frame show before its outcome is in (slow work, or Esc handing the
		// answer over), the step's own run takes this work over instead of starting it again.
		const adoptable: Ahead = { step: next.step.name, key: next.key?.key, work: started };
		ahead.current = adoptable;
		const into: Chain = { outcomes: [action], delivered: 0, live: () => true };
		const running = settlesWithin(started, QUICK_MS).then((quick) => {
			// Slow, or Esc handed the answer to React: the step's own run owns this work (even
			// before its effect has run) and reports it.
			if (!quick || into.delivered > 0) return;
			if (ahead.current === adoptable) ahead.current = undefined;
			return follow(next, started, into);
		});
		void report(running, into);
	}

	function cancel(): void {
		// What was started or done (a write, say) reaches the state first: the reducer then lets
		// a write under way finish, and the goodbye says what was written.
		for (const into of chains.current) if (into.live()) deliver(into);
		dispatch({ type: "cancel" });
	}

	return { takeAction, cancel };
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
