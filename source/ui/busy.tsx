import { Spinner } from "@inkjs/ui";
import { visible } from "../core/text/visible.js";
import { usePlainQuestion } from "./plain-context.js";
import { Text } from "./text.js";

export function Busy({ label }: { readonly label: string }) {
	// Accessible mode prints it once: no animation for a screen reader to repeat.
	return usePlainQuestion() ? <Text>{label}</Text> : <Spinner label={visible(label)} />;
}
