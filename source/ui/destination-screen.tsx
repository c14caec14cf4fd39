import { Box } from "ink";
import type { DestinationDecision } from "../core/destination/destination.js";
import { askExplanation, blockedExplanation } from "../core/destination/messages.js";
import type { DestinationChoice } from "../core/flow/wizard-destination.js";
import type { AnthropicApi } from "../core/system.js";
import { Choice } from "./choice.js";
import { Text } from "./text.js";

interface Props {
	readonly decision: DestinationDecision;
	readonly choices: readonly DestinationChoice[];
	/** Told of a yes first: the API client sends nothing there until it hears it too. */
	readonly api: AnthropicApi;
	readonly onSubmit: (choice: DestinationChoice) => void;
}

/** Asked once before the key first goes to a host other than Anthropic's (or why it cannot). */
export function DestinationScreen({ decision, choices, api, onSubmit }: Props) {
	const answer = (choice: DestinationChoice) => {
		if (choice === "send" && decision.verdict === "ask") api.consent?.(decision.destination.origin);
		onSubmit(choice);
	};
	const host = decision.verdict === "refuse" ? undefined : decision.destination.host;
	const labels: Record<DestinationChoice, string> = {
		send: `Send it to ${host ?? "that host"}`,
		save: "Save it without sending it anywhere (no check, no test)",
		quit: "Quit: nothing is sent, nothing is written",
	};
	const options = choices.map((value) => ({ value, label: labels[value] }));
	return (
		<Box flexDirection="column">
			<Explanation decision={decision} />
			<Box marginTop={1} flexDirection="column">
				<Text bold>What now?</Text>
				{/* Never the default: the key goes elsewhere only on a deliberate choice. */}
				<Choice
					options={options}
					defaultValue={choices.includes("save") ? "save" : "quit"}
					onSubmit={answer}
				/>
			</Box>
		</Box>
	);
}

function Explanation({ decision }: { readonly decision: DestinationDecision }) {
	if (decision.verdict === "ask") {
		const { title, why } = askExplanation(decision.destination);
		return (
			<Box flexDirection="column">
				<Text color="yellow">! {title}</Text>
				<Text>{why}</Text>
			</Box>
		);
	}
	const blocked = blockedExplanation(decision);
	if (!blocked) return null;
	return (
		<Box flexDirection="column">
			<Text color="red">✗ {blocked.title}</Text>
			<Text>{blocked.why}</Text>
			{blocked.next.map((step) => (
				<Text key={step}>
					<Text color="yellow">→ </Text>
					{step}
				</Text>
			))}
		</Box>
	);
}
