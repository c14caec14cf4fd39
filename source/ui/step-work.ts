// The work of each automatic step, as a function of the wizard's state: it returns the action
// that reports the outcome (or nothing, when the step must wait for detection).
import { applyPlan } from "../core/apply/apply.js";
import { ExitCode } from "../core/exit-codes.js";
import { claudeCodeNotes, claudeCodeProofs } from "../core/flow/claude-code-notes.js";
import { keychainGateFor } from "../core/flow/keychain-gate.js";
import { findPurgeable, purgeOld } from "../core/flow/purge-offer.js";
import { foreignDefinitions, keptKey, rotationPlanInput, staleWinners } from "../core/flow/rotation.js";
import { checkKeyLive, type LiveTest, runLiveTest } from "../core/flow/session.js";
import { liveTestPlanned, type WizardAction, type WizardState } from "../core/flow/wizard.js";
import { probeKeychain } from "../core/keychain/access.js";
import { planChanges } from "../core/plan/plan.js";
import { offeredTargets } from "../core/plan/targets.js";
import { proveChanges } from "../core/prove/proofs.js";
import type { System } from "../core/system.js";
import { allowProfiles } from "../core/windows/execution-policy.js";

export interface StepSettings {
	/** Whether the key is checked with the API (false with --no-verify). */
	readonly verify: boolean;
	readonly envFile?: string;
	readonly model?: string;
	readonly nodePath: string;
	readonly parentPid: number;
	/** --ask-claude-code: after saving, a real `claude -p` request from a fresh shell. */
	readonly askClaudeCode?: boolean;
}

/** Claude's answer does not depend on the shell: the live test starts with the proofs. */
export interface LiveTestHolder {
	current: Promise<LiveTest> | undefined;
}

export async function stepWork(
	system: System,
	settings: StepSettings,
	state: WizardState,
	liveTest: LiveTestHolder,
): Promise<WizardAction | undefined> {
	const startLiveTest = (key: string): Promise<LiveTest> => {
		if (!liveTest.current) {
			liveTest.current = runLiveTest(system, key, state.models, settings.model, "wizard");
			liveTest.current.catch(() => undefined); // awaited (and reported) at the testing step
		}
		return liveTest.current;
	};
	const { step, key, environment } = state;
	switch (step.name) {
		case "checking": {
			if (!key) return;
			const result = await checkKeyLive(system, key.key, "wizard");
			return result.ok
				? { type: "check-passed", models: result.models }
				: { type: "check-failed", advice: result.advice };
		}
		case "target": {
			// The keychain is offered only once a test item was stored, read back and deleted.
			if (!environment || state.keychainProbe || !offeredTargets(environment.detected).includes("keychain"))
				return;
			const probe = await probeKeychain(system);
			return {
				type: "keychain-probed",
				probe: probe.ok ? { ok: true } : { ok: false, reason: probe.reason },
			};
		}
		case "planning": {
			if (!key || !environment) return;
			// The keychain is probed (with deadlines) before it is used; never a silent fallback to a file.
			const usesKeychain = [...state.targets, ...environment.ourTargets].includes("keychain");
			const keychain = usesKeychain
				? await keychainGateFor(system, environment, state.targets, state.shellBlock !== false)
				: ({ ok: true, targets: state.targets } as const);
			if (!keychain.ok) return writeFailed(keychain.title, `${keychain.why} ${keychain.next.join(" ")}`);
			// Rotation: everywhere claude-setup wrote before gets the new key too.
			const { input: planInput } = rotationPlanInput(environment, {
				targets: keychain.targets,
				variable: key.variable,
				key: key.key,
				envFile: settings.envFile,
				disableOthers: state.disableOthers,
				// The preview shows it; answering yes there applies it like every other change.
				fixClaudeSettings: true,
				shellBlock: state.shellBlock,
			});
			const input =
				"store" in keychain && keychain.store ? { ...planInput, keychain: keychain.store } : planInput;
			const result = await planChanges(system, {
				...input,
				privateFile: state.privateFile,
				keepModes: state.keepModes,
			});
			return result.ok
				? { type: "planned", plan: result.plan }
				: writeFailed("Cannot write there", result.message);
		}
		case "keeping": {
			if (!environment) return;
			const kept = await keptKey(system, environment);
			if (!kept) {
				return {
					type: "failed",
					title: "No key to keep",
					message: "A new terminal gets no ANTHROPIC_API_KEY. Run `claude-setup` again to save one.",
					code: ExitCode.notProven,
				};
			}
			const result = await runLiveTest(system, kept.value, undefined, settings.model, "wizard");
			return { type: "kept", masked: kept.masked, where: kept.where, result };
		}
		case "allowing": {
			const failures: string[] = [];
			for (const blocked of step.plan.blockedProfiles) {
				const result = blocked.report.lockedByGroupPolicy
					? { ok: false as const, detail: blocked.report.explanation }
					: await allowProfiles(system.run, blocked.host);
				if (!result.ok) failures.push(`${blocked.label}: ${result.detail}`);
			}
			return { type: "profiles-allowed", failure: failures.length > 0 ? failures.join(" ") : undefined };
		}
		case "writing": {
			const result = await applyPlan(system, step.plan);
			return result.ok
				? { type: "written", written: result.written }
				: writeFailed("Nothing was written", result.message);
		}
		case "proving": {
			if (!key || !environment) return;
			if (liveTestPlanned(settings, state)) void startLiveTest(key.key);
			// Definitions it did not write that are still there: a shell that sees one names it.
			const left = staleWinners(foreignDefinitions(environment.credentials, key.variable, key.key), []);
			const proofs = await proveChanges(
				system,
				step.plan,
				environment.detected,
				key.key,
				settings.nodePath,
				left,
			);
			const notes = claudeCodeNotes(environment, step.plan, key.key, {});
			const ask = settings.askClaudeCode;
			proofs.push(...(await claudeCodeProofs(system, environment, step.plan, key.key, { notes, ask })));
			return { type: "proved", proofs };
		}
		case "testing": {
			if (!key) return;
			return { type: "tested", result: await startLiveTest(key.key) };
		}
		case "old-keys": {
			if (!key || !environment || !state.plan) return;
			const found = await findPurgeable(system, environment, state.plan, key);
			return { type: "old-keys-found", found };
		}
		case "purging":
			return { type: "purged", line: await purgeOld(system, step.found) };
		default:
			return;
	}
}

function writeFailed(title: string, message: string): WizardAction {
	return { type: "failed", title, message, code: ExitCode.writeFailed };
}
