import { Box } from "ink";
import type { ClaudeCodeNotes } from "../core/flow/claude-code-notes.js";
import { describeAction, describeUserVariable, trackedNotes } from "../core/flow/describe.js";
import { describeParseCheck } from "../core/parse/parse-gate.js";
import type { Plan } from "../core/plan/plan.js";
import { Indented } from "./indented.js";
import { Text } from "./text.js";
import { YesNo } from "./yes-no.js";

interface Props {
	readonly plan: Plan;
	/** What Claude Code will send after the change, whom it bills, what it will ask. */
	readonly claudeCode?: ClaudeCodeNotes;
	readonly dryRun: boolean;
	readonly onAnswer: (yes: boolean) => void;
	/** "k": leave startup files that others can read as they are (plans again). */
	readonly onKeepModes?: () => void;
}

/** The exact change per file, key masked, before anything is written. */
export function PreviewScreen({ plan, claudeCode, dryRun, onAnswer, onKeepModes }: Props) {
	const tightens = plan.changes.some((change) => change.modeChange !== undefined);
	return (
		<Box flexDirection="column">
			<Text bold>{dryRun ? "Dry run — this is what would change:" : "This is what will change:"}</Text>
			{plan.changes.map((change) => (
				<Box key={change.file.path} flexDirection="column" marginTop={1}>
					<Text>
						<Text color="cyan">● </Text>
						{capitalise(describeAction(change))}
					</Text>
					{change.action === "unchanged"
						? null
						: change.previewLines.map((line, index) => (
								// biome-ignore lint/suspicious/noArrayIndexKey: lines are static
								<Text key={index} color="green" wrap="truncate-end">
									{"    + "}
									{line}
								</Text>
							))}
					{change.otherDefinitions.map((other) => (
						<Indented key={other.line} by={4} color="yellow">
							! line {other.line} also sets {plan.variable} ({other.masked})
							{change.action === "moved" ? "" : "; the claude-setup block comes later, so it wins"}
							{other.left === undefined ? "" : ` — ${other.left}`}
						</Indented>
					))}
					{change.parseCheck && describeParseCheck(change.parseCheck) ? (
						<Indented by={4} color="yellow">
							! {describeParseCheck(change.parseCheck)}
						</Indented>
					) : null}
					{(change.accessNotes ?? []).map((note) => (
						<Indented key={note} by={4} color="yellow">
							! {note}
						</Indented>
					))}
					{change.backupDisplay ? <Text dimColor>{`    backup: ${change.backupDisplay}`}</Text> : null}
				</Box>
			))}
			{trackedNotes(plan).map((note) => (
				<Box key={note} marginTop={1}>
					<Text color="yellow">! {note}</Text>
				</Box>
			))}
			{plan.userVariable ? (
				<Box flexDirection="column" marginTop={1}>
					<Text>
						<Text color="cyan">● </Text>
						{capitalise(describeUserVariable(plan.userVariable, plan.variable))}
					</Text>
					{plan.userVariable.action === "unchanged" ? null : (
						<Text color="green">{`    + ${plan.variable} = ${plan.masked}`}</Text>
					)}
					{plan.userVariable.backupDisplay ? (
						<Text dimColor>{`    the old value is backed up in ${plan.userVariable.backupDisplay}`}</Text>
					) : null}
				</Box>
			) : null}
			{plan.gitignore ? (
				<Box flexDirection="column" marginTop={1}>
					<Text>
						<Text color="cyan">● </Text>
						{plan.gitignore.before === undefined ? "create" : "update"} {plan.gitignore.display} so git
						ignores the key
					</Text>
					<Text color="green">
						{"    + "}
						{plan.gitignore.entry}
					</Text>
				</Box>
			) : null}
			{claudeCode?.problem ? (
				<Box marginTop={1}>
					<Text color="yellow">
						! {claudeCode.problem.message} {claudeCode.problem.next}
					</Text>
				</Box>
			) : null}
			{(claudeCode?.notes ?? []).map((note) => (
				<Box key={note} marginTop={1}>
					<Text color="yellow">! {note}</Text>
				</Box>
			))}
			{plan.trackedSecretFile ? (
				<Box marginTop={1}>
					<Text color="yellow">
						! git already tracks {plan.trackedSecretFile.display}. Ignoring it does not untrack it: you'll be
						asked next, and the key goes in only once git stops tracking it.
					</Text>
				</Box>
			) : null}
			{tightens && onKeepModes ? (
				<Box marginTop={1}>
					<Text dimColor>Press k to keep the current mode of files others can read.</Text>
				</Box>
			) : null}
			<Box marginTop={1}>
				{dryRun ? (
					<Text dimColor>Nothing will be written (--dry-run). Press Enter to finish.</Text>
				) : (
					<Text>Write these changes? </Text>
				)}
				<YesNo
					defaultYes
					onAnswer={onAnswer}
					onOtherKey={(input) => {
						if (tightens && input.toLowerCase() === "k") onKeepModes?.();
					}}
				/>
			</Box>
		</Box>
	);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
