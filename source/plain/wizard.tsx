// The wizard in accessible mode (--plain, TERM=dumb): the same steps, reducer and work as the
// Ink app, but each screen is printed once as text and each question asked on a line of its own
// — no spinner, no redraw, nothing a screen reader would read twice.
import { renderToString } from "ink";
import type { ReactElement } from "react";
import type { ExitCodeValue } from "../core/exit-codes.js";
import { detectEnvironment } from "../core/flow/session.js";
import { initialState, type WizardAction, type WizardState, wizardReducer } from "../core/flow/wizard.js";
import { checkKey, maskKey } from "../core/key/key.js";
import type { System } from "../core/system.js";
import { Header } from "../ui/header.js";
import { type PlainQuestion, PlainQuestions } from "../ui/plain-context.js";
import { StepScreen, type StepScreenProps } from "../ui/step-screen.js";
import { type LiveTestHolder, stepWork } from "../ui/step-work.js";
import { pickOption, yesOrNo } from "./answers.js";
import type { LineInput } from "./line-input.js";

export interface PlainIo {
	readonly input: LineInput;
	readonly write: (text: string) => void;
	readonly columns: number;
	/** Receives what to say if the run is stopped now (a signal): the goodbye of the current step. */
	readonly onGoodbye?: (goodbye: () => string) => void;
}

const ASKING: ReadonlySet<WizardState["step"]["name"]> = new Set([
	"key",
	"existing",
	"destination",
	"unreachable",
	"target",
	"keychain-shell",
	"others",
	"dotfiles",
	"policy",
	"billing",
	"preview",
	"untrack",
	"purge",
]);

export async function runPlainWizard(
	system: System,
	settings: StepScreenProps["settings"],
	io: PlainIo,
): Promise<ExitCodeValue> {
	const reducer = wizardReducer(settings);
	const print = (element: ReactElement, question?: (asked: PlainQuestion) => void) => {
		const text = renderToString(
			<PlainQuestions.Provider value={question ?? (() => undefined)}>{element}</PlainQuestions.Provider>,
			{ columns: io.columns },
		);
		if (text.trim() !== "") io.write(`${text.trimEnd()}\n`);
	};
	const printed = new Set<string>();
	/** The header's lines not said yet (the system after detection, the key once accepted). */
	const header = (state: WizardState) => {
		const lines = renderToString(<Header state={state} baseURL={state.environment?.baseURL} />, {
			columns: io.columns,
		}).split("\n");
		const fresh = lines.filter((line) => line.trim() !== "" && !printed.has(line));
		for (const line of fresh) printed.add(line);
		if (fresh.length > 0) io.write(`${fresh.join("\n")}\n\n`);
	};

	let state = initialState(settings);
	// Stopped by a signal (Ctrl-C at a question): say what a cancel now means, as the app does.
	io.onGoodbye?.(() =>
		renderToString(
			<StepScreen
				state={reducer(state, { type: "cancel" })}
				settings={settings}
				system={system}
				takeAction={() => undefined}
				dispatch={() => undefined}
			/>,
			{ columns: io.columns },
		),
	);
	header(state);
	try {
		state = reducer(state, {
			type: "detected",
			environment: await detectEnvironment(system, settings.parentPid),
		});
	} catch {
		// As the Ink app: the wizard goes on; what needs the environment says so.
	}
	const liveTest: LiveTestHolder = { current: undefined };
	for (;;) {
		header(state);
		const { step } = state;
		const props = { state, settings, system, dispatch: () => undefined };
		if (step.name === "done" || step.name === "failed" || step.name === "exit") {
			print(<StepScreen {...props} takeAction={() => undefined} />);
			return state.exitCode;
		}
		if (!ASKING.has(step.name)) {
			print(<StepScreen {...props} takeAction={() => undefined} />);
			const action = await stepWork(system, settings, state, liveTest);
			state = reducer(state, action ?? { type: "cancel" });
			continue;
		}
		// A question may first need a look of its own (the keychain's probe, before the list of targets).
		const looked = await stepWork(system, settings, state, liveTest);
		const after = looked ? reducer(state, looked) : state;
		if (after !== state) {
			state = after;
			continue;
		}
		let asked: PlainQuestion | undefined;
		let answer: (action: WizardAction) => void = () => undefined;
		const answered = new Promise<WizardAction>((resolve) => {
			answer = resolve;
		});
		print(<StepScreen {...props} takeAction={(action) => answer(action)} />, (question) => {
			asked = question;
		});
		const leave = asked ? !(await ask(asked, io)) : true;
		state = reducer(state, leave ? { type: "cancel" } : await answered);
	}
}

/** Asks `question` until it has an answer; false when the person left instead. */
async function ask(question: PlainQuestion, io: PlainIo): Promise<boolean> {
	for (;;) {
		switch (question.kind) {
			case "key": {
				const typed = await io.input.readHidden(() => io.write("Key (hidden, then Enter): "));
				io.write("\n");
				if (typed === undefined) return false;
				const check = checkKey(typed);
				if (!check.ok) {
					io.write(`✗ ${check.message}\n${check.hint}\n`);
					continue;
				}
				io.write(`→ ${check.kind === "api-key" ? "an API key" : "an OAuth token"}: ${maskKey(check.key)}\n`);
				if (check.kind === "oauth-token") {
					io.write(`! ${check.note}\nSave it as CLAUDE_CODE_OAUTH_TOKEN instead? (yes or no; Enter: yes) `);
					const yes = yesOrNo((await io.input.readLine()) ?? "n", true);
					if (!yes) continue;
				}
				question.onSubmit(check);
				return true;
			}
			case "choice": {
				const fallback = question.options.find((option) => option.value === question.defaultValue);
				io.write(`Type a number or a name (Enter: ${fallback?.label ?? "the first"}): `);
				const typed = await io.input.readLine();
				if (typed === undefined) return false;
				const picked = pickOption(typed, question.options, question.defaultValue);
				if (!picked) {
					io.write(`"${typed.trim()}" is not one of them: type 1 to ${question.options.length}.\n`);
					continue;
				}
				io.write(`→ ${picked.label}\n\n`);
				question.onSubmit(picked.value);
				return true;
			}
			case "yes-no": {
				io.write("Type yes or no: ");
				const typed = await io.input.readLine();
				if (typed === undefined) return false;
				const yes = yesOrNo(typed, question.defaultYes);
				if (yes === undefined) {
					io.write("Please type yes or no.\n");
					continue;
				}
				io.write(`→ ${yes ? "yes" : "no"}\n\n`);
				question.onAnswer(yes);
				return true;
			}
		}
	}
}
