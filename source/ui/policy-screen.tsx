import { Box } from "ink";
import type { Plan } from "../core/plan/plan.js";
import { Choice, type ChoiceOption } from "./choice.js";
import { Text } from "./text.js";

type PolicyChoice = "windows" | "allow" | "keep";

interface Props {
	readonly plan: Plan;
	readonly failure?: string;
	readonly onSubmit: (choice: PolicyChoice) => void;
}

/** PowerShell would not run the profile: say so before writing, and offer the ways forward. */
export function PolicyScreen({ plan, failure, onSubmit }: Props) {
	const locked = plan.blockedProfiles.some((blocked) => blocked.report.lockedByGroupPolicy);
	const command = plan.blockedProfiles[0]?.report.fixCommand ?? "";
	const options: ChoiceOption<PolicyChoice>[] = [
		{
			value: "windows",
			label: "Save it in the Windows user environment instead (recommended)",
			hint: "— works everywhere",
		},
		...(locked
			? []
			: [{ value: "allow" as const, label: `Allow profiles for your account: run ${command}` }]),
		{
			value: "keep",
			label: "Save it in the profile anyway",
			hint: "— it will not load until profiles are allowed",
		},
	];
	return (
		<Box flexDirection="column">
			{plan.blockedProfiles.map((blocked) => (
				<Text key={blocked.host} color="yellow">
					! {blocked.label}: {blocked.report.explanation}
				</Text>
			))}
			{failure ? <Text color="red">✗ Allowing profiles did not work: {failure}</Text> : null}
			<Box marginTop={1} flexDirection="column">
				<Text bold>What now?</Text>
				<Choice options={options} defaultValue="windows" onSubmit={onSubmit} />
			</Box>
		</Box>
	);
}
