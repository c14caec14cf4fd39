import { Spinner } from "@inkjs/ui";
import { Text } from "ink";
import { usePlainQuestion } from "./plain-context.js";

export function Busy({ label }: { readonly label: string }) {
	// Accessible mode prints it once: no animation for a screen reader to repeat.
	return usePlainQuestion() ? <Text>{label}</Text> : <Spinner label={label} />;
}
