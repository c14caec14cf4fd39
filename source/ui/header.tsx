import { Box } from "ink";
import type { WizardState } from "../core/flow/wizard.js";
import { maskKey } from "../core/key/key.js";
import { TAGLINE, TITLE, TITLE_COLOR } from "./prompt-text.js";
import { Text } from "./text.js";

const OS_NAMES = { macos: "macOS", linux: "Linux", windows: "Windows", wsl: "WSL" } as const;

export function Header({ state, baseURL }: { readonly state: WizardState; readonly baseURL?: string }) {
	const detected = state.environment?.detected;
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text>
				<Text bold color={TITLE_COLOR}>
					{TITLE}
				</Text>
				<Text dimColor>{TAGLINE}</Text>
			</Text>
			{detected ? (
				<Text dimColor>
					{OS_NAMES[detected.os]} · {detected.shell === "unknown" ? "shell not detected" : detected.shell}
					{state.environment?.inGitRepo ? " · in a git repository" : ""}
					{baseURL ? ` · API at ${baseURL}` : ""}
				</Text>
			) : null}
			{state.key ? (
				<Text dimColor>
					{state.key.variable} {maskKey(state.key.key)}
					{state.key.kind === "oauth-token"
						? " · a Claude Code token, not checked"
						: state.models
							? " · accepted by the API"
							: state.unchecked
								? " · not checked with the API"
								: ""}
				</Text>
			) : null}
		</Box>
	);
}
