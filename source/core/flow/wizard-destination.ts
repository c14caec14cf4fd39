// The wizard's one question before the key first leaves for a host other than Anthropic's (or
// the reason it will not leave at all): where it would go, why, and what the person chooses.
import { ExitCode } from "../exit-codes.js";
import type { Step, WizardSettings, WizardState } from "./wizard-types.js";

export type DestinationChoice = "send" | "save" | "quit";

/** The step that sends the key (`leadsTo`), or the question first when one is owed. */
export function beforeSending(
	settings: WizardSettings,
	state: WizardState,
	leadsTo: "checking" | "keeping",
): Step {
	const verdict = settings.destination?.verdict ?? "send";
	if (verdict === "send" || (verdict === "ask" && state.destinationAllowed)) return { name: leadsTo };
	return { name: "destination", leadsTo };
}

/** What the question offers: sending only where it may go, saving unchecked only a new key. */
export function destinationChoices(
	settings: WizardSettings,
	leadsTo: "checking" | "keeping",
): readonly DestinationChoice[] {
	const choices: DestinationChoice[] = [];
	if (settings.destination?.verdict === "ask") choices.push("send");
	if (leadsTo === "checking") choices.push("save");
	choices.push("quit");
	return choices;
}

/** The state after the answer; `afterCheck` is where a key goes once checked (or not). */
export function answerDestination(
	settings: WizardSettings,
	state: WizardState,
	choice: DestinationChoice,
	afterCheck: Step,
): WizardState {
	if (state.step.name !== "destination") return state;
	const { leadsTo } = state.step;
	if (!destinationChoices(settings, leadsTo).includes(choice)) return state;
	if (choice === "send") return { ...state, destinationAllowed: true, step: { name: leadsTo } };
	if (choice === "save") return { ...state, unchecked: true, notSent: true, step: afterCheck };
	// Nothing was sent and nothing written: as --key-stdin without the opt-in.
	return { ...state, exitCode: ExitCode.usage, step: { name: "exit", code: ExitCode.usage } };
}
