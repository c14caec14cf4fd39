// The wizard's steps around the keychain's shell question and the old key's traces.
import { stillIn } from "./purge-offer.js";
import { foreignDefinitions } from "./rotation.js";
import type { LiveTest } from "./session.js";
import type { Step, WizardState } from "./wizard-types.js";

/** Definitions claude-setup did not write: ask whether to comment them out first. */
export function afterTargets(state: WizardState): WizardState {
	const others =
		state.environment && state.key
			? foreignDefinitions(state.environment.credentials, state.key.variable, state.key.key)
			: [];
	return { ...state, step: { name: others.length > 0 ? "others" : "planning" } };
}

/** Only a key Claude answered to is proven: then the old one's traces may go (asked first). */
/** `then`: where the wizard goes when there is nothing to offer (the summary, or a last question). */
export function afterLiveTest(state: WizardState, result: LiveTest, then: Step): Step {
	const proven = result.ok && state.proofs.every((proof) => proof.ok) && state.written.length > 0;
	return proven ? { name: "old-keys" } : then;
}

export function afterPurgeAnswer(state: WizardState, yes: boolean, then: Step): WizardState {
	if (state.step.name !== "purge") return state;
	const found = state.step.found;
	if (yes) return { ...state, step: { name: "purging", found } };
	const line = `${stillIn(found)} (kept, as you asked).`;
	return { ...state, purge: { done: false, line }, step: then };
}
