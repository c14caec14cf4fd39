// One always-subscribed input handler, routed to the screen on display. Ink's useInput
// subscribes in a passive effect, so a key pressed right after a screen appears (fast
// typists, tests) could reach no one; a layout effect hands over before the next key.
import { type Key, useInput } from "ink";
import { createContext, type ReactNode, type RefObject, useContext, useLayoutEffect, useRef } from "react";

export type KeyHandler = (input: string, key: Key) => void;

const RouterContext = createContext<RefObject<KeyHandler | undefined> | undefined>(undefined);

export function KeyRouter({ onKey, children }: { readonly onKey: KeyHandler; readonly children: ReactNode }) {
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
