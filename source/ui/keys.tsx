// One always-subscribed input handler, routed to the screen on display. Ink's useInput
// subscribes in a passive effect, so a key pressed right after a screen appears (fast
// typists, tests) could reach no one; a layout effect hands over before the next key.
import type { EventEmitter } from "node:events";
import { type Key, useInput, useStdin } from "ink";
import { createContext, type ReactNode, type RefObject, useContext, useLayoutEffect, useRef } from "react";

type KeyHandler = (input: string, key: Key) => void;

const RouterContext = createContext<RefObject<KeyHandler | undefined> | undefined>(undefined);

const guarded = new WeakSet<EventEmitter>();

/**
 * Ink 6's useInput throws on some escape sequences a paste can carry (a colour code such as
 * ESC[31m parses as a Ctrl key without a name), which would end the process. Such a sequence
 * means nothing to any screen: drop it instead. Anything else still throws.
 */
function dropUnparsableEscapes(emitter: EventEmitter | undefined): void {
	if (!emitter || guarded.has(emitter)) return;
	guarded.add(emitter);
	const emit = emitter.emit.bind(emitter);
	emitter.emit = (event: string | symbol, ...args: unknown[]) => {
		try {
			return emit(event, ...args);
		} catch (error) {
			const input = args[0];
			if (event === "input" && typeof input === "string" && input.startsWith("\u001b")) return false;
			throw error;
		}
	};
}

export function KeyRouter({ onKey, children }: { readonly onKey: KeyHandler; readonly children: ReactNode }) {
	dropUnparsableEscapes(useStdin().internal_eventEmitter);
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
