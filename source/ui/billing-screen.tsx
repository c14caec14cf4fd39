import { Box } from "ink";
import { holdsKey, type Plan } from "../core/plan/plan.js";
import { Choice, type ChoiceOption } from "./choice.js";
import { Text } from "./text.js";

type BillingChoice = "dotenv" | "go-on" | "quit";

interface Props {
	readonly plan: Plan;
	readonly onSubmit: (choice: BillingChoice) => void;
}

/** Before writing: a key for every terminal makes Claude Code bill it instead of the subscription. */
export function BillingScreen({ plan, onSubmit }: Props) {
	const places = [
		...plan.changes
			.filter((change) => holdsKey(change) && change.file.target !== "dotenv")
			.map((change) => change.file.label),
		...(plan.userVariable ? ["your Windows user environment"] : []),
	];
	const options: ChoiceOption<BillingChoice>[] = [
		{
			value: "dotenv",
			label: "Save it in this project's .env instead (recommended)",
			hint: "— Claude Code keeps your subscription; programs that load .env get the key",
		},
		{
			value: "go-on",
			label: `Go on: save it in ${places.join(", ")} (Claude Code uses and bills the key)`,
		},
		{ value: "quit", label: "Quit — nothing is written" },
	];
	return (
		<Box flexDirection="column">
			<Text color="yellow">
				! You are logged in to Claude Code with a subscription. With {plan.variable} set for every terminal,
				Claude Code will use — and bill — this API key instead.
			</Text>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Keep Claude Code on your subscription?</Text>
				<Choice options={options} defaultValue="dotenv" onSubmit={onSubmit} />
			</Box>
		</Box>
	);
}
