import { Box } from "ink";
import type { AskedShell } from "../core/windows/guidance.js";
import { Choice, type ChoiceOption } from "./choice.js";
import { Text } from "./text.js";

const OPTIONS: readonly ChoiceOption<AskedShell>[] = [
	{ value: "powershell", label: "PowerShell", hint: "— Windows PowerShell or PowerShell 7" },
	{ value: "cmd", label: "Command Prompt (cmd)" },
	{ value: "git-bash", label: "Git Bash" },
];

/** Windows could not tell which shell started us (no WMI, no PowerShell 7): ask, never guess. */
export function ShellScreen({ onSubmit }: { readonly onSubmit: (shell: AskedShell) => void }) {
	return (
		<Box flexDirection="column">
			<Text>The key is saved. One question so the next steps fit how you work:</Text>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Which shell do you type commands into?</Text>
				<Choice options={OPTIONS} defaultValue="powershell" onSubmit={onSubmit} />
			</Box>
		</Box>
	);
}
