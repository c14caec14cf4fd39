import { Box, Text } from "ink";
import type { Environment } from "../core/session.js";
import type { System } from "../core/system.js";
import { displayPath, resolveTarget, TARGET_NAMES, type TargetName } from "../core/targets.js";
import { Choice } from "./choice.js";

interface Props {
	readonly system: System;
	readonly environment: Environment;
	readonly envFile?: string;
	readonly onSubmit: (targets: TargetName[]) => void;
}

const PURPOSE: Record<TargetName, string> = {
	zsh: "every new zsh terminal",
	bash: "every new bash terminal",
	fish: "every new fish terminal",
	dotenv: "this project only (git will ignore it)",
};

export function TargetScreen({ system, environment, envFile, onSubmit }: Props) {
	const { detected } = environment;
	const options = TARGET_NAMES.map((target) => {
		const file = resolveTarget(target, {
			os: detected.os,
			home: system.homeDir,
			zdotdir: detected.zdotdir,
			xdgConfigHome: detected.xdgConfigHome,
			cwd: system.cwd,
			envFile,
			existing: (path) => environment.presentFiles.includes(path),
		});
		const path =
			target === "dotenv" ? fromProject(file.path, system.cwd) : displayPath(file.path, system.homeDir);
		const recommended = target === environment.defaultTarget ? " (your shell)" : "";
		return { value: target, label: `${path}${recommended}`, hint: `— ${PURPOSE[target]}` };
	});
	return (
		<Box flexDirection="column">
			<Text bold>Where should the key go?</Text>
			<Choice
				options={options}
				defaultValue={environment.defaultTarget}
				onSubmit={(target) => onSubmit([target])}
			/>
			<Text dimColor>↑/↓ to move, Enter to choose</Text>
		</Box>
	);
}

function fromProject(path: string, cwd: string): string {
	return path.startsWith(`${cwd}/`) ? `./${path.slice(cwd.length + 1)}` : path;
}
