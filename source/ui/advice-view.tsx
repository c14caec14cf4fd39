import { Box } from "ink";
import type { Advice } from "../core/advice/advice.js";
import { Text } from "./text.js";

export function AdviceView({ advice }: { readonly advice: Advice }) {
	return (
		<Box flexDirection="column">
			<Text color="red">✗ {advice.title}</Text>
			<Text>{advice.why}</Text>
			{advice.next.map((step) => (
				<Text key={step}>
					<Text color="yellow">→ </Text>
					{step}
				</Text>
			))}
			{advice.requestId ? <Text dimColor>request-id: {advice.requestId} (give this to support)</Text> : null}
		</Box>
	);
}
