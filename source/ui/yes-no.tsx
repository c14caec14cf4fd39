import { useKeys } from "./keys.js";
import { Text } from "./text.js";

interface Props {
	readonly defaultYes: boolean;
	readonly onAnswer: (yes: boolean) => void;
}

/** y / n, or Enter for the default (shown in capitals). */
export function YesNo({ defaultYes, onAnswer }: Props) {
	useKeys((input, key) => {
		if (key.return) onAnswer(defaultYes);
		else if (input.toLowerCase() === "y") onAnswer(true);
		else if (input.toLowerCase() === "n") onAnswer(false);
	});
	return <Text color="cyan">{defaultYes ? "Y/n" : "y/N"}</Text>;
}
