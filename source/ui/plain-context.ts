// Accessible mode (--plain): each screen is printed once, as text, and its question is asked on
// a line of its own. The screens' interactive parts say what they ask through this context
// instead of reading keys.
import { createContext, useContext } from "react";
import type { AcceptedKey } from "../core/flow/wizard.js";

export interface PlainOption {
	readonly value: string;
	readonly label: string;
	readonly hint?: string;
}

export type PlainQuestion =
	| {
			readonly kind: "choice";
			readonly options: readonly PlainOption[];
			readonly defaultValue: string;
			readonly onSubmit: (value: string) => void;
	  }
	| { readonly kind: "yes-no"; readonly defaultYes: boolean; readonly onAnswer: (yes: boolean) => void }
	| { readonly kind: "key"; readonly onSubmit: (key: AcceptedKey) => void };

export const PlainQuestions = createContext<((question: PlainQuestion) => void) | undefined>(undefined);

/** In accessible mode: where the screen's question goes. */
export function usePlainQuestion(): ((question: PlainQuestion) => void) | undefined {
	return useContext(PlainQuestions);
}
