import { Box, useApp } from "ink";
import { Fragment, useEffect, useMemo, useReducer, useRef } from "react";
import { decideDestination } from "./core/destination/destination.js";
import type { ExitCodeValue } from "./core/exit-codes.js";
import { initialState, type WizardSettings, wizardReducer } from "./core/flow/wizard.js";
import type { System } from "./core/system.js";
import { invocationOf } from "./core/wording/voice.js";
import { Header } from "./ui/header.js";
import { KeyRouter } from "./ui/keys.js";
import { Invocation } from "./ui/paragraph.js";
import { StepScreen } from "./ui/step-screen.js";
import type { StepSettings } from "./ui/step-work.js";
import { useStepEffects } from "./ui/use-step-effects.js";

export interface AppProps {
	readonly system: System;
	readonly settings: WizardSettings & StepSettings;
	readonly onExit: (code: ExitCodeValue) => void;
}

export function App({ system, settings: given, onExit }: AppProps) {
	// Where the key would go, from the same variables the API client reads (main.tsx passes it).
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
					<Fragment key={shown.current.id}>
						<StepScreen
							state={state}
							settings={settings}
							system={system}
							takeAction={takeAction}
							dispatch={dispatch}
						/>
					</Fragment>
				</Box>
			</Invocation.Provider>
		</KeyRouter>
	);
}
