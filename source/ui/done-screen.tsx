import { Box } from "ink";
import type { Written } from "../core/apply/apply.js";
import { staleTerminalWarning, usageHints } from "../core/flow/describe.js";
import { oldKeys, revokeReminder } from "../core/flow/rotation.js";
import type { LiveTest } from "../core/flow/session.js";
import type { WizardState } from "../core/flow/wizard.js";
import { backedUp, claudeReplied } from "../core/wording/voice.js";
import { AdviceView } from "./advice-view.js";
import { Paragraph } from "./paragraph.js";
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
	// .env: the rule written to .gitignore and git's answer afterwards are one fact; say it once.
	const rule = state.written.find((written) => written.action === "gitignore");
	const ignored = state.proofs.some((proof) => proof.ok && proof.display.endsWith("(git)"));
	const written = state.written.filter((entry) => !(ignored && entry === rule));
	const proofDetail = (proof: (typeof state.proofs)[number]) =>
		proof.ok && rule && proof.display.endsWith("(git)")
			? `${proof.detail} (the rule is in ${rule.display})`
			: proof.detail;
	return (
		<Box flexDirection="column">
			{written.map((written) => (
				<Box key={written.path} flexDirection="column">
					<Paragraph marker={TICK}>{writtenLine(written)}</Paragraph>
					{written.backupDisplay ? (
						<Paragraph marker={{ text: "  " }} style={{ dimColor: true }}>
							{backedUp(written.backupDisplay, written.action === "user-variable" ? "value" : "file")}
						</Paragraph>
					) : null}
				</Box>
			))}
			{plan.changes
				.filter((change) => change.action === "unchanged")
				.map((change) => (
					<Paragraph key={change.file.path} marker={TICK}>
						{`${change.display} already holds this key`}
					</Paragraph>
				))}
			{state.untracked ? (
				<Paragraph marker={TICK}>git no longer tracks the key file; commit that change.</Paragraph>
			) : null}
			{stillTracked && plan.trackedSecretFile ? (
				<Paragraph marker={WARN} style={{ color: "yellow" }}>
					{`git still tracks ${plan.trackedSecretFile.display}: your next commit would include the key. Run ${plan.trackedSecretFile.command} first.`}
				</Paragraph>
			) : null}
			{state.proofs.map((proof) => (
				<Paragraph
					key={`${proof.display} ${proof.shells?.join(" ") ?? ""}`}
					marker={proof.ok ? TICK : { text: "✗ ", color: "red" }}
					style={{ color: proof.ok ? undefined : "red" }}
				>
					{proofDetail(proof)}
				</Paragraph>
			))}
			{liveTest ? <LiveTestResult result={liveTest} /> : null}
			{state.purge ? (
				<Text color={state.purge.done ? undefined : "yellow"}>
					{state.purge.done ? <Text color="green">✓ </Text> : "! "}
					{state.purge.line}
				</Text>
			) : null}
			{state.unchecked && !liveTest ? (
				<Paragraph marker={WARN} style={{ color: "yellow" }}>
					{state.notSent
						? "The key was saved without sending it anywhere, so it was not checked with the API."
						: "The key was saved without a live check. Run `claude-setup` again when you are online."}
				</Paragraph>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				<Text bold color={allGood ? "green" : "yellow"}>
					{allGood
						? "All set."
						: token && proven && !stillTracked
							? "Token saved, not checked: claude-setup cannot check a Claude Code token. Run claude to use it."
							: "Saved, but not everything checks out — see above."}
				</Text>
				{stale ? (
					<Paragraph marker={WARN} style={{ color: "yellow" }}>
						{stale}
					</Paragraph>
				) : null}
				{revoke.map((line) => (
					<Paragraph key={line} marker={WARN} style={{ color: "yellow" }}>
						{line}
					</Paragraph>
				))}
				{usageHints(plan, environment.detected, environment.windows).map((hint) => (
					<Paragraph key={hint} style={{ dimColor: true }}>
						{hint}
					</Paragraph>
				))}
			</Box>
		</Box>
	);
}

const TICK = { text: "✓ ", color: "green" } as const;
const WARN = { text: "! ", color: "yellow" } as const;

function writtenLine(written: Written): string {
	switch (written.action) {
		case "gitignore":
			return `git ignores the key file now (the rule is in ${written.display})`;
		case "disabled":
			return `Commented out the old definitions in ${written.display} (\`claude-setup remove\` puts them back)`;
		case "user-variable":
			return `Saved in ${written.display}`;
		case "removed":
			return `Removed the claude-setup block from ${written.display}`;
		case "deleted":
			return `Deleted ${written.display}`;
		default:
			return `Saved to ${written.display}`;
	}
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
					{liveTest?.ok ? "All set: your key works." : "Not confirmed: see above."}
				</Text>
			</Box>
		</Box>
	);
}

/** Claude's reply with the model and time, or what went wrong and what to do. */
function LiveTestResult({ result }: { readonly result: LiveTest }) {
	if (!result.ok) return <AdviceView advice={result.advice} />;
	return <Paragraph marker={TICK}>{claudeReplied(result)}</Paragraph>;
}
