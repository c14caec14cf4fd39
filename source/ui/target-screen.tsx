import { Box } from "ink";
import type { Environment } from "../core/flow/session.js";
import {
	displayPath,
	gitBashHome,
	offeredTargets,
	projectPath,
	resolveTarget,
	type TargetName,
} from "../core/plan/targets.js";
import type { System } from "../core/system.js";
import { unixProfilePaths } from "../core/windows/profiles.js";
import { Choice, type ChoiceOption } from "./choice.js";
import { usePlainQuestion } from "./plain-context.js";
import { Text } from "./text.js";

interface Props {
	readonly system: System;
	readonly environment: Environment;
	readonly envFile?: string;
	/** A Claude Code token is called a token. */
	readonly token?: boolean;
	/** The keychain's probe: offered only when it worked; otherwise named with its reason. */
	readonly keychain?: { readonly ok: true } | { readonly ok: false; readonly reason: string };
	readonly onSubmit: (targets: TargetName[]) => void;
}

const PURPOSE: Record<TargetName, string> = {
	zsh: "every new zsh terminal",
	bash: "every new bash terminal",
	fish: "every new fish terminal",
	dotenv: "this project only (git will ignore it)",
	windows: "every new terminal and app: PowerShell, cmd, Git Bash",
	powershell: "new PowerShell windows only",
	keychain: "no file holds the key: new terminals and Claude Code read it from the OS keychain",
};

export function TargetScreen({ system, environment, envFile, token, keychain, onSubmit }: Props) {
	const plain = usePlainQuestion() !== undefined;
	const { detected } = environment;
	const windows = detected.os === "windows";
	const home = windows ? gitBashHome(system.env, system.homeDir) : system.homeDir;
	const option = (target: TargetName): ChoiceOption<TargetName> => {
		const recommended =
			target === environment.defaultTarget ? (windows ? " (recommended)" : " (your shell)") : "";
		if (target === "windows") {
			return { value: target, label: `Windows user environment${recommended}`, hint: `— ${PURPOSE.windows}` };
		}
		if (target === "powershell" && windows) {
			return { value: target, label: `PowerShell profile${recommended}`, hint: `— ${PURPOSE.powershell}` };
		}
		if (target === "keychain") return { value: target, label: "OS keychain", hint: `— ${PURPOSE.keychain}` };
		if (target === "powershell") {
			const profile = unixProfilePaths(home, detected.xdgConfigHome)[0] ?? "";
			const label = `${displayPath(profile, home)}${recommended}`;
			return { value: target, label, hint: "— every new PowerShell (pwsh) terminal" };
		}
		const file = resolveTarget(target, {
			os: detected.os,
			home,
			zdotdir: detected.zdotdir,
			xdgConfigHome: detected.xdgConfigHome,
			cwd: system.cwd,
			envFile,
			existing: (path) => environment.presentFiles.includes(path),
		});
		const path =
			target === "dotenv" ? projectPath(file.path, system.cwd, home) : displayPath(file.path, home);
		const purpose = windows && target === "bash" ? "new Git Bash windows" : PURPOSE[target];
		return { value: target, label: `${path}${recommended}`, hint: `— ${purpose}` };
	};
	return (
		<Box flexDirection="column">
			<Text bold>Where should the {token ? "token" : "key"} go?</Text>
			<Choice
				options={offeredTargets(detected)
					.filter((target) => target !== "keychain" || keychain?.ok)
					.map(option)}
				defaultValue={environment.defaultTarget}
				onSubmit={(target) => onSubmit([target])}
			/>
			{keychain && !keychain.ok && offeredTargets(detected).includes("keychain") ? (
				<Text dimColor>OS keychain: not available here — {keychain.reason}</Text>
			) : null}
			{plain ? null : <Text dimColor>↑/↓ to move, Enter to choose</Text>}
		</Box>
	);
}
