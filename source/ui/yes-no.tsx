import { useKeys } from "./keys.js";
import { Text } from "./text.js";

interface Props {
	readonly defaultYes: boolean;
	readonly onAnswer: (yes: boolean) => void;
	/** Any other key, for a screen that offers one more choice (only one key handler is active). */
	readonly onOtherKey?: (input: string) => void;
}

/** y / n, or Enter for the default (shown in capitals). */
export function YesNo({ defaultYes, onAnswer, onOtherKey }: Props) {
	useKeys((input, key) => {
		if (key.return) onAnswer(defaultYes);
		else if (input.toLowerCase() === "y") onAnswer(true);
		else if (input.toLowerCase() === "n") onAnswer(false);
		else onOtherKey?.(input);
	});
	return <Text color="cyan">{defaultYes ? "Y/n" : "y/N"}</Text>;
}
