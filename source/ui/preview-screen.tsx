import { Box } from "ink";
import type { ClaudeCodeNotes } from "../core/flow/claude-code-notes.js";
import { describeAction, describeUserVariable, trackedNotes } from "../core/flow/describe.js";
import { describeParseCheck } from "../core/parse/parse-gate.js";
import type { Plan } from "../core/plan/plan.js";
import { backedUp, sentenceCase } from "../core/wording/voice.js";
import { Paragraph } from "./paragraph.js";
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

const BULLET = { text: "● ", color: "cyan" } as const;
const ADDED = { text: "    + ", color: "green" } as const;
const REMOVED = { text: "    - ", color: "red" } as const;

/** The exact change per file, key masked, before anything is written. */
export function PreviewScreen({ plan, claudeCode, dryRun, onAnswer, onKeepModes }: Props) {
	const tightens = plan.changes.some((change) => change.modeChange !== undefined);
	return (
		<Box flexDirection="column">
			<Text bold>{dryRun ? "Dry run — this is what would change:" : "This is what will change:"}</Text>
			{plan.changes.map((change) => (
				<Box key={change.file.path} flexDirection="column" marginTop={1}>
					<Paragraph marker={BULLET}>{sentenceCase(describeAction(change))}</Paragraph>
					{(change.removedLines ?? []).map((line, index) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: lines are static
						<Paragraph key={index} marker={REMOVED} style={{ color: "red" }} verbatim>
							{line}
						</Paragraph>
					))}
					{change.action === "unchanged"
						? null
						: change.previewLines.map((line, index) => (
								// biome-ignore lint/suspicious/noArrayIndexKey: lines are static
								<Paragraph key={index} marker={ADDED} style={{ color: "green" }} verbatim>
									{line}
								</Paragraph>
							))}
					{change.otherDefinitions.map((other) => (
						<Paragraph
							key={other.line}
							marker={{ text: "    ! ", color: "yellow" }}
							style={{ color: "yellow" }}
						>
							{`line ${other.line} also sets ${plan.variable} (${other.masked})${
								change.action === "moved" ? "" : "; the claude-setup block comes later, so it wins"
							}${other.left === undefined ? "" : ` — ${other.left}`}`}
						</Paragraph>
					))}
					{change.parseCheck && describeParseCheck(change.parseCheck) ? (
						<Paragraph marker={{ text: "    ! ", color: "yellow" }} style={{ color: "yellow" }}>
							{describeParseCheck(change.parseCheck)}
						</Paragraph>
					) : null}
					{(change.accessNotes ?? []).map((note) => (
						<Paragraph key={note} marker={{ text: "    ! ", color: "yellow" }} style={{ color: "yellow" }}>
							{note}
						</Paragraph>
					))}
					{change.backupDisplay ? (
						<Paragraph marker={{ text: "    " }} style={{ dimColor: true }}>
							{backedUp(change.backupDisplay, "file")}
						</Paragraph>
					) : null}
				</Box>
			))}
			{trackedNotes(plan).map((note) => (
				<Box key={note} marginTop={1} flexDirection="column">
					<Paragraph marker={{ text: "! ", color: "yellow" }} style={{ color: "yellow" }}>
						{note}
					</Paragraph>
				</Box>
			))}
			{plan.userVariable ? (
				<Box flexDirection="column" marginTop={1}>
					<Paragraph marker={BULLET}>
						{sentenceCase(describeUserVariable(plan.userVariable, plan.variable))}
					</Paragraph>
					{plan.userVariable.action === "unchanged" ? null : (
						<Text color="green">{`    + ${plan.variable} = ${plan.masked}`}</Text>
					)}
					{plan.userVariable.backupDisplay ? (
						<Paragraph marker={{ text: "    " }} style={{ dimColor: true }}>
							{backedUp(plan.userVariable.backupDisplay, "value")}
						</Paragraph>
					) : null}
				</Box>
			) : null}
			{plan.gitignore ? (
				<Box flexDirection="column" marginTop={1}>
					<Paragraph marker={BULLET}>
						{`${plan.gitignore.before === undefined ? "Create" : "Update"} ${plan.gitignore.display} so git ignores the key`}
					</Paragraph>
					<Paragraph marker={ADDED} style={{ color: "green" }} verbatim>
						{plan.gitignore.entry}
					</Paragraph>
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
				<Box marginTop={1} flexDirection="column">
					<Paragraph marker={{ text: "! ", color: "yellow" }} style={{ color: "yellow" }}>
						{`git already tracks ${plan.trackedSecretFile.display}. Ignoring it does not untrack it: you'll be asked next, and the key goes in only once git stops tracking it.`}
					</Paragraph>
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
