import { Box } from "ink";
import type { ExistingKey } from "../core/flow/session.js";
import { Choice } from "./choice.js";
import { Text } from "./text.js";

type ExistingChoice = "replace" | "keep" | "quit";

interface Props {
	readonly existing: readonly ExistingKey[];
	readonly onSubmit: (choice: ExistingChoice) => void;
}

/** A key is already set somewhere: rotate it, or keep it and prove it still works. */
export function ExistingScreen({ existing, onSubmit }: Props) {
	return (
		<Box flexDirection="column">
			<Text bold>An Anthropic API key is already set:</Text>
			{existing.map((place) => (
				<Text key={`${place.source}${place.masked}`}>
					{"  "}
					{place.masked} <Text dimColor>in {place.source}</Text>
				</Text>
			))}
			<Box marginTop={1} flexDirection="column">
				<Choice
					options={[
						{
							value: "replace",
							label: "Replace it with a new key",
							// Only claude-setup's own blocks are replaced; a line of the person's is asked about later.
							hint: existing.some((place) => place.managed)
								? "— everywhere claude-setup wrote it"
								: "— you choose where it goes",
						},
						{ value: "keep", label: "Keep it and test it" },
						{ value: "quit", label: "Quit" },
					]}
					defaultValue="replace"
					onSubmit={onSubmit}
				/>
			</Box>
		</Box>
	);
}
