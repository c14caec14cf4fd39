// What a typed answer means in accessible mode: a number, a name or Enter for a choice; yes, no
// or Enter for a question. Pure, so every spelling people use is tested.
import type { PlainOption } from "../ui/plain-context.js";

/** The option an answer picks: its number, its value, or the start of its label; "" is the default. */
export function pickOption(
	answer: string,
	options: readonly PlainOption[],
	defaultValue: string,
): PlainOption | undefined {
	const typed = answer.trim().toLowerCase();
	if (typed === "") return options.find((option) => option.value === defaultValue);
	if (/^\d+$/.test(typed)) return options[Number(typed) - 1];
	return (
		options.find((option) => option.value.toLowerCase() === typed) ??
		options.find((option) => option.label.toLowerCase().startsWith(typed))
	);
}

/** yes / no (y, n, any case); "" is the default; anything else is no answer. */
export function yesOrNo(answer: string, defaultYes: boolean): boolean | undefined {
	const typed = answer.trim().toLowerCase();
	if (typed === "") return defaultYes;
	if (typed === "y" || typed === "yes") return true;
	if (typed === "n" || typed === "no") return false;
	return undefined;
}
