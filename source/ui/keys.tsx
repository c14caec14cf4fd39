// One always-subscribed input handler, routed to the screen on display. Ink's useInput
// subscribes in a passive effect, so a key pressed right after a screen appears (fast
// typists, tests) could reach no one; a layout effect hands over before the next key.
// Every read is split into keys (key-split.ts) and each screen applies them, in order, to its
// own state held outside React's render: an Enter read together with the arrows before it acts
// on where they moved to, however the terminal happened to batch them.
import type { EventEmitter } from "node:events";
import { type Key, useInput, useStdin } from "ink";
import {
	createContext,
	type ReactNode,
	type RefObject,
	useContext,
	useLayoutEffect,
	useRef,
	useState,
} from "react";
import { PASTE_END, PASTE_START, splitRead } from "./key-split.js";

type KeyHandler = (input: string, key: Key) => void;

const RouterContext = createContext<RefObject<KeyHandler | undefined> | undefined>(undefined);

const guarded = new WeakSet<EventEmitter>();

/**
 * Mends the ways Ink 6 misreads keys before any screen sees them:
 * - it splits what it reads only at escape sequences, so keys read together ("abc⏎", Enter then
 *   Ctrl-C) arrive as one string that is no key at all: each is delivered on its own instead;
 * - the bracketed-paste marks would reach the screens as text: they are kept back, and what is
 *   between them is delivered whole (a line break or Ctrl-C pasted is text);
 * - its useInput throws on some escape sequences a paste can carry (a colour code such as ESC[31m
 *   parses as a Ctrl key without a name), which would end the process: such a sequence means
 *   nothing to any screen, so it is dropped. Anything else still throws.
 */
function guardInput(emitter: EventEmitter | undefined): void {
	if (!emitter || guarded.has(emitter)) return;
	guarded.add(emitter);
	const emit = emitter.emit.bind(emitter);
	let pasting = false;
	const emitOne = (input: string): void => {
		if (input === PASTE_START || input === PASTE_END) return;
		try {
			emit("input", input);
		} catch (error) {
			if (!input.startsWith("\u001b")) throw error;
		}
	};
	emitter.emit = (event: string | symbol, ...args: unknown[]) => {
		const input = args[0];
		if (event !== "input" || typeof input !== "string") return emit(event, ...args);
		const read = splitRead(input, pasting);
		pasting = read.pasting;
		for (const key of read.keys) emitOne(key);
		return true;
	};
}

export function KeyRouter({ onKey, children }: { readonly onKey: KeyHandler; readonly children: ReactNode }) {
	guardInput(useStdin().internal_eventEmitter);
	const screenHandler = useRef<KeyHandler | undefined>(undefined);
	useInput((input, key) => {
		onKey(input, key);
		screenHandler.current?.(input, key);
	});
	return <RouterContext.Provider value={screenHandler}>{children}</RouterContext.Provider>;
}

/** The current screen's key handler; only one screen is active at a time. */
export function useKeys(handler: KeyHandler, isActive = true) {
	const router = useContext(RouterContext);
	useLayoutEffect(() => {
		if (!router || !isActive) return;
		router.current = handler;
		return () => {
			if (router.current === handler) router.current = undefined;
		};
	});
}

const ANSWERED = Symbol("answered");

/** What a screen's reducer returns for the key that answers it: its last state. */
export interface Answered<S> {
	readonly [ANSWERED]: true;
	readonly state: S;
}

export function answered<S>(state: S): Answered<S> {
	return { [ANSWERED]: true, state };
}

function isAnswered<S>(step: S | Answered<S>): step is Answered<S> {
	return typeof step === "object" && step !== null && ANSWERED in step;
}

const PLAIN_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** A printable key as the reducers see it: one character at a time, however it was read. */
function characters(input: string, key: Key): readonly [string, Key][] {
	const text = [...input];
	const printable = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab;
	return printable && text.length > 1 ? text.map((character) => [character, PLAIN_KEY]) : [[input, key]];
}

/**
 * A screen's state, changed only by its keys through `reduce`, one key at a time and each on the
 * state the previous one left (not on the last render). Once answered it calls `onAnswer` with that
 * state and takes no more keys: what follows in the same read was meant for the next screen,
 * which is not there yet.
 */
export function useKeyState<S>(
	initial: S | (() => S),
	reduce: (state: S, input: string, key: Key) => S | Answered<S>,
	onAnswer: (state: S) => void,
	isActive = true,
): S {
	const [shown, setShown] = useState(initial);
	const current = useRef({ state: shown, answered: false });
	useKeys((input, key) => {
		if (current.current.answered) return;
		for (const [character, pressed] of characters(input, key)) {
			const step = reduce(current.current.state, character, pressed);
			current.current = isAnswered(step)
				? { state: step.state, answered: true }
				: { state: step, answered: false };
			if (current.current.answered) break;
		}
		setShown(current.current.state);
		if (current.current.answered) onAnswer(current.current.state);
	}, isActive);
	return shown;
}
