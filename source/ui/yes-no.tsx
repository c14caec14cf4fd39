import { Text } from "ink";
import { answered, useKeyState } from "./keys.js";
import { usePlainQuestion } from "./plain-context.js";

interface Props {
	readonly defaultYes: boolean;
	readonly onAnswer: (yes: boolean) => void;
}

/** y / n, or Enter for the default (shown in capitals). */
export function YesNo({ defaultYes, onAnswer }: Props) {
	useKeyState<boolean | undefined>(
		undefined,
		(answer, input, key) => {
			if (key.return) return answered(defaultYes);
			if (input.toLowerCase() === "y") return answered(true);
			if (input.toLowerCase() === "n") return answered(false);
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
