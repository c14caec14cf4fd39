// One always-subscribed input handler, routed to the screen on display. Ink's useInput
// subscribes in a passive effect, so a key pressed right after a screen appears (fast
// typists, tests) could reach no one; a layout effect hands over before the next key.
import type { EventEmitter } from "node:events";
import { type Key, useInput, useStdin } from "ink";
import { createContext, type ReactNode, type RefObject, useContext, useLayoutEffect, useRef } from "react";

type KeyHandler = (input: string, key: Key) => void;

const RouterContext = createContext<RefObject<KeyHandler | undefined> | undefined>(undefined);

const guarded = new WeakSet<EventEmitter>();
const CTRL_C = "\u0003";
const PASTE_START = "\u001b[200~";
const PASTE_END = "\u001b[201~";

/**
 * Mends two ways Ink 6 loses keys before any screen sees them:
 * - its useInput throws on some escape sequences a paste can carry (a colour code such as ESC[31m
 *   parses as a Ctrl key without a name), which would end the process: such a sequence means
 *   nothing to any screen, so it is dropped. Anything else still throws.
 * - it splits what it reads only at escape sequences, so keys read together (typed ahead while the
 *   process was busy, Enter then Ctrl-C) arrive as one string that is no key at all: Ctrl-C would
 *   be swallowed. Outside a bracketed paste, each Ctrl-C is delivered as a key of its own.
 */
function guardInput(emitter: EventEmitter | undefined): void {
	if (!emitter || guarded.has(emitter)) return;
	guarded.add(emitter);
	const emit = emitter.emit.bind(emitter);
	let pasting = false;
	const emitOne = (input: unknown): boolean => {
		try {
			return emit("input", input);
		} catch (error) {
			if (typeof input === "string" && input.startsWith("\u001b")) return false;
			throw error;
		}
	};
	emitter.emit = (event: string | symbol, ...args: unknown[]) => {
		if (event !== "input") return emit(event, ...args);
		const input = args[0];
		if (input === PASTE_START) pasting = true;
		else if (input === PASTE_END) pasting = false;
		if (pasting || typeof input !== "string" || input === CTRL_C || !input.includes(CTRL_C)) {
			return emitOne(input);
		}
		const parts = input.split(CTRL_C);
		parts.forEach((part, index) => {
			if (part !== "") emitOne(part);
			if (index < parts.length - 1) emitOne(CTRL_C);
		});
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
