import { Box, Text, useApp } from "ink";
import { Fragment, useEffect, useMemo, useReducer, useRef } from "react";
import { decideDestination } from "./core/destination/destination.js";
import type { ExitCodeValue } from "./core/exit-codes.js";
import { foreignDefinitions } from "./core/flow/rotation.js";
import { initialState, type WizardSettings, wizardReducer } from "./core/flow/wizard.js";
import { destinationChoices } from "./core/flow/wizard-destination.js";
import type { System } from "./core/system.js";
import { invocationOf } from "./core/wording/voice.js";
import { AdviceView } from "./ui/advice-view.js";
import { Busy } from "./ui/busy.js";
import { Choice } from "./ui/choice.js";
import { DestinationScreen } from "./ui/destination-screen.js";
import { DoneScreen } from "./ui/done-screen.js";
import { DotfilesScreen } from "./ui/dotfiles-screen.js";
import { ExistingScreen } from "./ui/existing-screen.js";
import { Header } from "./ui/header.js";
import { KeyScreen } from "./ui/key-screen.js";
import { KeyRouter } from "./ui/keys.js";
import { OthersScreen } from "./ui/others-screen.js";
import { Invocation } from "./ui/paragraph.js";
import { PolicyScreen } from "./ui/policy-screen.js";
import { PreviewScreen } from "./ui/preview-screen.js";
import type { StepSettings } from "./ui/step-work.js";
import { StoppedScreen } from "./ui/stopped-screen.js";
import { TargetScreen } from "./ui/target-screen.js";
import { UntrackScreen } from "./ui/untrack-screen.js";
import { useStepEffects } from "./ui/use-step-effects.js";

export interface AppProps {
	readonly system: System;
	readonly settings: WizardSettings & StepSettings;
	readonly onExit: (code: ExitCodeValue) => void;
}

export function App({ system, settings: given, onExit }: AppProps) {
	// Where the key would go, from the same variables the API client reads (cli.tsx passes it).
	const settings = useMemo(
		() => ({ ...given, destination: given.destination ?? decideDestination(system.env) }),
		[given, system],
	);
	const reducer = useMemo(() => wizardReducer(settings), [settings]);
	const [state, dispatch] = useReducer(reducer, settings, initialState);
	const { exit } = useApp();
	const { takeAction, cancel } = useStepEffects(system, settings, state, dispatch, reducer);
	const { step } = state;
	// Every step is a fresh screen (a refused key gets an empty prompt, a failed retry its choice
	// afresh), even when an answer came back too fast for a busy frame to show in between.
	const shown = useRef({ step, id: 0 });
	if (shown.current.step !== step) shown.current = { step, id: shown.current.id + 1 };

	const finished = step.name === "done" || step.name === "failed";
	const exitCode = state.exitCode;
	useEffect(() => {
		if (finished || step.name === "exit") {
			onExit(exitCode);
			exit();
		}
	}, [finished, step, exitCode, onExit, exit]);

	return (
		// Esc or Ctrl-C leave at any moment, except mid-write (which is atomic and short).
		<KeyRouter
			onKey={(input, key) => {
				if (key.escape || (key.ctrl && input === "c")) cancel();
			}}
		>
			<Invocation.Provider value={invocationOf(system.env)}>
				<Box flexDirection="column" paddingX={1}>
					<Header state={state} baseURL={state.environment?.baseURL} />
					<Fragment key={shown.current.id}>{screen()}</Fragment>
				</Box>
			</Invocation.Provider>
		</KeyRouter>
	);

	function screen() {
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
				return unreachable();
			case "target":
				return !state.environment ? (
					<Busy label="Looking at your system…" />
				) : (
					<TargetScreen
						system={system}
						environment={state.environment}
						envFile={settings.envFile}
						onSubmit={(targets) => takeAction({ type: "targets-chosen", targets })}
					/>
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
						dryRun={settings.dryRun}
						onAnswer={(yes) => takeAction({ type: "confirmed", yes })}
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

	function unreachable() {
		if (step.name !== "unreachable") return null;
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
}
