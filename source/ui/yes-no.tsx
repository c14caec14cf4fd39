import { answered, useKeyState } from "./keys.js";
import { usePlainQuestion } from "./plain-context.js";
import { Text } from "./text.js";

interface Props {
	readonly defaultYes: boolean;
	readonly onAnswer: (yes: boolean) => void;
	/** Any other key, for a screen that offers one more choice (only one key handler is active). */
	readonly onOtherKey?: (input: string) => void;
}

/** y / n, or Enter for the default (shown in capitals). */
export function YesNo({ defaultYes, onAnswer, onOtherKey }: Props) {
	useKeyState<boolean | undefined>(
		undefined,
		(answer, input, key) => {
			if (key.return) return answered(defaultYes);
			if (input.toLowerCase() === "y") return answered(true);
			if (input.toLowerCase() === "n") return answered(false);
			onOtherKey?.(input);
			return answer;
		},
		(yes) => onAnswer(yes ?? defaultYes),
	);
	const ask = usePlainQuestion();
	if (ask) {
		ask({ kind: "yes-no", defaultYes, onAnswer });
		return <Text>(yes or no; Enter: {defaultYes ? "yes" : "no"})</Text>;
	}
	return <Text color="cyan">{defaultYes ? "Y/n" : "y/N"}</Text>;
}
