import { Box } from "ink";
import { stateDirectory } from "../core/plan/manifest.js";
import type { Plan } from "../core/plan/plan.js";
import { displayPath } from "../core/plan/targets.js";
import { pathsFor } from "../core/platform/paths.js";
import type { System } from "../core/system.js";
import { Choice, type ChoiceOption } from "./choice.js";
import { Text } from "./text.js";

type DotfilesChoice = "private" | "inline" | "quit";

interface Props {
	readonly system: System;
	readonly plan: Plan;
	readonly onSubmit: (choice: DotfilesChoice) => void;
}

/** A target file is under version control: a secret written there ends up in commits and pushes. */
export function DotfilesScreen({ system, plan, onSubmit }: Props) {
	const tracked = (plan.trackedDotfiles ?? []).filter((file) => !file.private);
	const files = tracked.map((file) => file.display).join(" and ");
	// The folder, not env.sh itself: fish gets env.fish there, pwsh env.ps1.
	const keyFolder = `${displayPath(stateDirectory(system), system.homeDir)}${pathsFor(system.platform).sep}`;
	const options: ChoiceOption<DotfilesChoice>[] = [
		{
			value: "private",
			label: `Keep the key in a private file that ${files} loads (recommended)`,
			hint: `— ${keyFolder}, readable only by you`,
		},
		{
			value: "inline",
			label: `Write the key into ${files} anyway`,
			hint: "— keep it out of commits yourself",
		},
		{ value: "quit", label: "Quit without saving" },
	];
	return (
		<Box flexDirection="column">
			{tracked.map((file) => (
				<Text key={file.path} color="yellow">
					! {file.why}: a key written there ends up in commits and pushes.
				</Text>
			))}
			<Text dimColor>With the private file, changing the key later never touches {files} again.</Text>
			<Box marginTop={1} flexDirection="column">
				<Text bold>Where should the key itself go?</Text>
				<Choice options={options} defaultValue="private" onSubmit={onSubmit} />
			</Box>
		</Box>
	);
}
