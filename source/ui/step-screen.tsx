// The screen of the wizard's current step: what App shows, and what --plain prints once.
import { Box } from "ink";
import type { Dispatch } from "react";
import type { DestinationDecision } from "../core/destination/destination.js";
import { claudeCodeNotes } from "../core/flow/claude-code-notes.js";
import { foreignDefinitions } from "../core/flow/rotation.js";
import type { WizardAction, WizardSettings, WizardState } from "../core/flow/wizard.js";
import { destinationChoices } from "../core/flow/wizard-destination.js";
import { offeredTargets } from "../core/plan/targets.js";
import type { System } from "../core/system.js";
import { AdviceView } from "./advice-view.js";
import { BillingScreen } from "./billing-screen.js";
import { Busy } from "./busy.js";
import { Choice } from "./choice.js";
import { DestinationScreen } from "./destination-screen.js";
import { DoneScreen } from "./done-screen.js";
import { DotfilesScreen } from "./dotfiles-screen.js";
import { ExistingScreen } from "./existing-screen.js";
import { KeyScreen } from "./key-screen.js";
import { KeychainShellScreen, PurgeScreen } from "./keychain-screens.js";
import { OthersScreen } from "./others-screen.js";
import { PolicyScreen } from "./policy-screen.js";
import { PreviewScreen } from "./preview-screen.js";
import { ShellScreen } from "./shell-screen.js";
import type { StepSettings } from "./step-work.js";
import { StoppedScreen } from "./stopped-screen.js";
import { TargetScreen } from "./target-screen.js";
import { Text } from "./text.js";
import { UntrackScreen } from "./untrack-screen.js";

export interface StepScreenProps {
	readonly state: WizardState;
	readonly settings: WizardSettings & StepSettings & { readonly destination: DestinationDecision };
	readonly system: System;
	/** A person's answer. */
	readonly takeAction: (action: WizardAction) => void;
	/** Something the screen reports that is no answer (typing began). */
	readonly dispatch: Dispatch<WizardAction>;
}

export function StepScreen({ state, settings, system, takeAction, dispatch }: StepScreenProps) {
	const { step } = state;
	switch (step.name) {
		case "key":
			return (
				<KeyScreen
					existing={state.environment?.existing ?? []}
					advice={step.advice}
					destination={settings.destination}
					onSubmit={(key) => takeAction({ type: "key-accepted", key })}
					onTyping={() => dispatch({ type: "typing" })}
					// Open the connection the check will use while the person reaches for Enter.
					onApiKeyLooksRight={() => settings.verify && system.api.preconnect?.()}
				/>
			);
		case "existing":
			return (
				<ExistingScreen
					existing={state.environment?.existing ?? []}
					onSubmit={(choice) => takeAction({ type: "existing-choice", choice })}
				/>
			);
		case "destination":
			return (
				<DestinationScreen
					decision={settings.destination}
					choices={destinationChoices(settings, step.leadsTo)}
					api={system.api}
					onSubmit={(choice) => takeAction({ type: "destination-answered", choice })}
				/>
			);
		case "keeping":
			return <Busy label="Testing the key you have with a tiny request to Claude…" />;
		case "others":
			return state.environment && state.key ? (
				<OthersScreen
					variable={state.key.variable}
					others={foreignDefinitions(state.environment.credentials, state.key.variable, state.key.key)}
					onAnswer={(yes) => takeAction({ type: "others-answered", yes })}
				/>
			) : null;
		case "checking":
			return <Busy label="Checking the key with the Anthropic API (no tokens used)…" />;
		case "unreachable":
			return <Unreachable step={step} takeAction={takeAction} />;
		case "target":
			if (!state.environment) return <Busy label="Looking at your system…" />;
			if (!state.keychainProbe && offeredTargets(state.environment.detected).includes("keychain"))
				return <Busy label="Checking whether the OS keychain works here…" />;
			return (
				<TargetScreen
					system={system}
					environment={state.environment}
					envFile={settings.envFile}
					token={state.key?.kind === "oauth-token"}
					keychain={state.keychainProbe}
					onSubmit={(targets) => takeAction({ type: "targets-chosen", targets })}
				/>
			);
		case "keychain-shell":
			return (
				<KeychainShellScreen onSubmit={(shellBlock) => takeAction({ type: "shell-choice", shellBlock })} />
			);
		case "planning":
			return <Busy label="Reading your files…" />;
		case "dotfiles":
			return (
				<DotfilesScreen
					system={system}
					plan={step.plan}
					onSubmit={(choice) => takeAction({ type: "dotfiles-choice", choice })}
				/>
			);
		case "billing":
			return (
				<BillingScreen
					plan={step.plan}
					onSubmit={(choice) => takeAction({ type: "billing-choice", choice })}
				/>
			);
		case "policy":
			return (
				<PolicyScreen
					plan={step.plan}
					failure={step.failure}
					onSubmit={(choice) => takeAction({ type: "policy-choice", choice })}
				/>
			);
		case "allowing":
			return <Busy label="Allowing PowerShell profiles for your account…" />;
		case "preview":
			return (
				<PreviewScreen
					plan={step.plan}
					claudeCode={
						state.environment && state.key
							? claudeCodeNotes(state.environment, step.plan, state.key.key, {})
							: undefined
					}
					dryRun={settings.dryRun}
					onAnswer={(yes) => takeAction({ type: "confirmed", yes })}
					onKeepModes={() => takeAction({ type: "keep-modes" })}
				/>
			);
		case "writing":
			return <Busy label="Writing…" />;
		case "untrack":
			return (
				<UntrackScreen
					system={system}
					plan={step.plan}
					onDone={(untracked) => takeAction({ type: "untrack-answered", untracked })}
				/>
			);
		case "proving":
			return <Busy label="Starting a fresh shell to read the key back…" />;
		case "testing":
			return <Busy label="Sending a tiny test request to Claude…" />;
		case "shell":
			return <ShellScreen onSubmit={(shell) => takeAction({ type: "shell-answered", shell })} />;
		case "old-keys":
			return <Busy label="Looking for the old key in commented-out lines and backups…" />;
		case "purge":
			return (
				<PurgeScreen found={step.found} onAnswer={(yes) => takeAction({ type: "purge-answered", yes })} />
			);
		case "purging":
			return <Busy label="Deleting the old key…" />;
		case "done":
			return (
				<DoneScreen
					state={state}
					dryRun={settings.dryRun}
					terminalValue={system.env[state.key?.variable ?? ""]}
				/>
			);
		case "exit":
			return <StoppedScreen code={step.code} written={state.written} />;
		case "failed":
			return (
				<Box flexDirection="column">
					<Text color="red">✗ {step.title}</Text>
					<Text>{step.message}</Text>
				</Box>
			);
	}
}

type UnreachableStep = Extract<WizardState["step"], { name: "unreachable" }>;

/** The API could not be reached: try again, save unchecked, or quit. */
function Unreachable({
	step,
	takeAction,
}: {
	readonly step: UnreachableStep;
	readonly takeAction: StepScreenProps["takeAction"];
}) {
	const options = [
		{ value: "retry", label: "Try again" },
		{ value: "save", label: "Save the key without checking it" },
		{ value: "quit", label: "Quit without saving" },
	] as const;
	return (
		<Box flexDirection="column">
			<AdviceView advice={step.advice} />
			{/* A quick failure again would otherwise leave the screen as it was: say it tried. */}
			{step.tries > 1 ? <Text color="yellow">Still failing after {step.tries} tries.</Text> : null}
			<Box marginTop={1} flexDirection="column">
				<Text bold>What now?</Text>
				<Choice
					options={options}
					defaultValue="retry"
					onSubmit={(choice) => takeAction({ type: "unreachable-choice", choice })}
				/>
			</Box>
		</Box>
	);
}
