import { type Dispatch, useEffect, useRef } from "react";
import { applyPlan } from "../core/apply.js";
import { ExitCode } from "../core/exit-codes.js";
import { planChanges } from "../core/plan.js";
import { proveChanges } from "../core/proofs.js";
import { foreignDefinitions, keptKey, rotationTargets, toDisable } from "../core/rotation.js";
import { scrubSecrets } from "../core/scrub.js";
import { checkKeyLive, detectEnvironment, type LiveTest, runLiveTest } from "../core/session.js";
import type { System } from "../core/system.js";
import { allowProfiles } from "../core/windows/execution-policy.js";
import { liveTestPlanned, type WizardAction, type WizardState } from "../core/wizard.js";

/** The live test, started alongside the proofs; `result` once Claude has answered. */
interface LiveTestRun {
	readonly promise: Promise<LiveTest>;
	readonly result?: LiveTest;
}

export interface EffectSettings {
	/** Whether the key is checked with the API (false with --no-verify). */
	readonly verify: boolean;
	readonly envFile?: string;
	readonly model?: string;
	readonly nodePath: string;
	readonly parentPid: number;
}

/** Runs the one side effect that belongs to the current step and reports its outcome. */
export function useStepEffects(
	system: System,
	settings: EffectSettings,
	state: WizardState,
	dispatch: Dispatch<WizardAction>,
) {
	const { step } = state;
	// Claude's answer does not depend on the shell: the live test starts with the proofs.
	const liveTest = useRef<LiveTestRun>(undefined);
	// Planning and proving need what detection finds: they start (again) once it lands.
	const waitsForDetection =
		(step.name === "planning" || step.name === "proving") && state.environment === undefined;
	// Detection runs once, behind the key prompt, so the prompt appears at once.
	// biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
	useEffect(() => {
		let live = true;
		detectEnvironment(system, settings.parentPid).then(
			(environment) => live && dispatch({ type: "detected", environment }),
			(error: unknown) =>
				live &&
				dispatch({
					type: "failed",
					title: "Could not look at your system",
					message: scrubSecrets(error instanceof Error ? error.message : String(error)),
					code: ExitCode.unexpected,
				}),
		);
		return () => {
			live = false;
		};
	}, []);
	// biome-ignore lint/correctness/useExhaustiveDependencies: each step runs its effect once, when it is entered (or once detection lands)
	useEffect(() => {
		let live = true;
		const send = (action: WizardAction) => {
			if (live) dispatch(action);
		};
		const unexpected = (error: unknown) =>
			send({
				type: "failed",
				title: "Something unexpected went wrong",
				message: scrubSecrets(error instanceof Error ? error.message : String(error), state.key?.key ?? ""),
				code: ExitCode.unexpected,
			});
		run(system, settings, state, send, liveTest).catch(unexpected);
		return () => {
			live = false;
		};
	}, [step, waitsForDetection]);
}

async function run(
	system: System,
	settings: EffectSettings,
	state: WizardState,
	send: (action: WizardAction) => void,
	liveTest: { current: LiveTestRun | undefined },
): Promise<void> {
	const startLiveTest = (key: string): LiveTestRun => {
		if (!liveTest.current) {
			const run: LiveTestRun = { promise: runLiveTest(system, key, state.models, settings.model) };
			// Awaited (and reported) at the testing step; kept here for when the proofs end later.
			run.promise.then(
				(result) => Object.assign(run, { result }),
				() => undefined,
			);
			liveTest.current = run;
		}
		return liveTest.current;
	};
	const { step, key, environment } = state;
	switch (step.name) {
		case "checking": {
			if (!key) return;
			const result = await checkKeyLive(system, key.key);
			send(
				result.ok
					? { type: "check-passed", models: result.models }
					: { type: "check-failed", advice: result.advice },
			);
			return;
		}
		case "planning": {
			if (!key || !environment) return;
			// Rotation: everywhere claude-setup wrote before gets the new key too.
			const others = foreignDefinitions(environment.credentials, key.variable, key.key);
			const result = await planChanges(system, {
				targets: rotationTargets(state.targets, environment.ourTargets, environment.detected.os),
				variable: key.variable,
				key: key.key,
				envFile: settings.envFile,
				detected: environment.detected,
				windows: environment.windows,
				disable: state.disableOthers ? toDisable(others) : [],
				privateFile: state.privateFile,
			});
			send(
				result.ok
					? { type: "planned", plan: result.plan }
					: {
							type: "failed",
							title: "Cannot write there",
							message: result.message,
							code: ExitCode.writeFailed,
						},
			);
			return;
		}
		case "keeping": {
			if (!environment) return;
			const kept = await keptKey(system, environment);
			if (!kept) {
				send({
					type: "failed",
					title: "No key to keep",
					message: "A new terminal gets no ANTHROPIC_API_KEY. Run claude-setup again to save one.",
					code: ExitCode.notProven,
				});
				return;
			}
			const result = await runLiveTest(system, kept.value, undefined, settings.model);
			send({ type: "kept", masked: kept.masked, where: kept.where, result });
			return;
		}
		case "allowing": {
			const failures: string[] = [];
			for (const blocked of step.plan.blockedProfiles) {
				const result = blocked.report.lockedByGroupPolicy
					? { ok: false as const, detail: blocked.report.explanation }
					: await allowProfiles(system.run, blocked.host);
				if (!result.ok) failures.push(`${blocked.label}: ${result.detail}`);
			}
			send({ type: "profiles-allowed", failure: failures.length > 0 ? failures.join(" ") : undefined });
			return;
		}
		case "writing": {
			const result = await applyPlan(system, step.plan);
			send(
				result.ok
					? { type: "written", written: result.written }
					: {
							type: "failed",
							title: "Nothing was written",
							message: result.message,
							code: ExitCode.writeFailed,
						},
			);
			return;
		}
		case "proving": {
			if (!key || !environment) return;
			const test = liveTestPlanned(settings, state) ? startLiveTest(key.key) : undefined;
			const proofs = await proveChanges(system, step.plan, environment.detected, key.key, settings.nodePath);
			send({ type: "proved", proofs });
			// Claude answered first: both land in one render, with no "testing" frame in between.
			if (test?.result) send({ type: "tested", result: test.result });
			return;
		}
		case "testing": {
			if (!key) return;
			send({ type: "tested", result: await startLiveTest(key.key).promise });
			return;
		}
		default:
			return;
	}
}
