import { Box } from "ink";
import { staleTerminalWarning, usageHints } from "../core/flow/describe.js";
import { oldKeys, revokeReminder } from "../core/flow/rotation.js";
import type { LiveTest } from "../core/flow/session.js";
import type { WizardState } from "../core/flow/wizard.js";
import { AdviceView } from "./advice-view.js";
import { Text } from "./text.js";

/** The verdict: what was written where, the proof, the live reply, and how to use it now. */
interface Props {
	readonly state: WizardState;
	readonly dryRun: boolean;
	/** The variable's value in the terminal that started us, if any. */
	readonly terminalValue?: string;
}

export function DoneScreen({ state, dryRun, terminalValue }: Props) {
	const { plan, environment, liveTest } = state;
	if (state.kept) return <KeptSummary state={state} />;
	if (dryRun || !plan || !environment) {
		return <Text>Dry run finished: nothing was written.</Text>;
	}
	const proven = state.proofs.every((proof) => proof.ok);
	const stillTracked = plan.trackedSecretFile !== undefined && !state.untracked;
	// Nothing checks a Claude Code token here: "All set" would claim more than was checked.
	const token = state.key?.kind === "oauth-token";
	const allGood =
		proven && !token && !state.unchecked && !stillTracked && (liveTest === undefined || liveTest.ok);
	const stale = state.key && staleTerminalWarning(plan, state.key.key, terminalValue);
	// Not checked live here: the reminder says so rather than that the old key stays valid.
	const revoke = state.key
		? revokeReminder(oldKeys(environment.credentials, state.key.variable, state.key.key))
		: [];
	return (
		<Box flexDirection="column">
			{state.written.map((written) => (
				<Box key={written.path} flexDirection="column">
					<Text>
						<Text color="green">✓ </Text>
						{written.action === "gitignore"
							? `git now ignores the key file (${written.display})`
							: written.action === "disabled"
								? `Commented out the old definitions in ${written.display} (claude-setup remove puts them back)`
								: `Saved ${written.action === "user-variable" ? "in" : "to"} ${written.display}`}
					</Text>
					{written.backupDisplay ? (
						<Text dimColor>
							{`  the old ${written.action === "user-variable" ? "value" : "file"} is backed up in ${written.backupDisplay}`}
						</Text>
					) : null}
				</Box>
			))}
			{plan.changes
				.filter((change) => change.action === "unchanged")
				.map((change) => (
					<Text key={change.file.path}>
						<Text color="green">✓ </Text>
						{change.display} already holds this key
					</Text>
				))}
			{state.untracked ? (
				<Text color="green">✓ git no longer tracks the key file; commit that change.</Text>
			) : null}
			{stillTracked && plan.trackedSecretFile ? (
				<Text color="yellow">
					! git still tracks {plan.trackedSecretFile.display}: your next commit would include the key. Run{" "}
					{plan.trackedSecretFile.command} first.
				</Text>
			) : null}
			{state.proofs.map((proof) => (
				<Text key={`${proof.display} ${proof.shells?.join(" ") ?? ""}`} color={proof.ok ? undefined : "red"}>
					{proof.ok ? <Text color="green">✓ </Text> : "✗ "}
					{proof.detail}
				</Text>
			))}
			{liveTest ? <LiveTestResult result={liveTest} /> : null}
			{state.purge ? (
				<Text color={state.purge.done ? undefined : "yellow"}>
					{state.purge.done ? <Text color="green">✓ </Text> : "! "}
					{state.purge.line}
				</Text>
			) : null}
			{state.unchecked && !liveTest ? (
				<Text color="yellow">
					{state.notSent
						? "! The key was saved without sending it anywhere, so it was not checked with the API."
						: "! The key was saved without a live check. Run claude-setup again when you are online."}
				</Text>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				<Text bold color={allGood ? "green" : "yellow"}>
					{allGood
						? "All set."
						: token && proven && !stillTracked
							? "Token saved, not checked: claude-setup cannot check a Claude Code token. Run claude to use it."
							: "Saved, but not everything checks out — see above."}
				</Text>
				{stale ? <Text color="yellow">! {stale}</Text> : null}
				{revoke.map((line) => (
					<Text key={line} color="yellow">
						! {line}
					</Text>
				))}
				{usageHints(plan, environment.detected, environment.windows).map((hint) => (
					<Text key={hint} dimColor>
						{hint}
					</Text>
				))}
			</Box>
		</Box>
	);
}

/** "Keep it and test it": which key was kept and whether Claude answers with it. */
function KeptSummary({ state }: { readonly state: WizardState }) {
	const { kept, liveTest } = state;
	if (!kept) return null;
	return (
		<Box flexDirection="column">
			<Text>
				Kept {kept.masked} <Text dimColor>from {kept.where}</Text>
			</Text>
			{liveTest ? <LiveTestResult result={liveTest} /> : null}
			<Box marginTop={1}>
				<Text bold color={liveTest?.ok ? "green" : "yellow"}>
					{liveTest?.ok
						? "All set: your key works."
						: "The key you have does not work — run claude-setup again to replace it."}
				</Text>
			</Box>
		</Box>
	);
}

/** Claude's reply with the model and time, or what went wrong and what to do. */
function LiveTestResult({ result }: { readonly result: LiveTest }) {
	if (!result.ok) return <AdviceView advice={result.advice} />;
	return (
		<Text>
			<Text color="green">✓ </Text>
			Claude replied in {Math.round(result.ms)} ms ({result.model}):{" "}
			<Text italic>“{result.reply.trim()}”</Text>
		</Text>
	);
}
