import { Box, Text } from "ink";
import { describeAction, describeUserVariable, trackedNotes } from "../core/flow/describe.js";
import type { Plan } from "../core/plan/plan.js";
import { backedUp, sentenceCase } from "../core/wording/voice.js";
import { Paragraph } from "./paragraph.js";
import { YesNo } from "./yes-no.js";

interface Props {
	readonly plan: Plan;
	readonly dryRun: boolean;
	readonly onAnswer: (yes: boolean) => void;
}

const BULLET = { text: "● ", color: "cyan" } as const;
const ADDED = { text: "    + ", color: "green" } as const;

/** The exact change per file, key masked, before anything is written. */
export function PreviewScreen({ plan, dryRun, onAnswer }: Props) {
	return (
		<Box flexDirection="column">
			<Text bold>{dryRun ? "Dry run — this is what would change:" : "This is what will change:"}</Text>
			{plan.changes.map((change) => (
				<Box key={change.file.path} flexDirection="column" marginTop={1}>
					<Paragraph marker={BULLET}>{sentenceCase(describeAction(change))}</Paragraph>
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
							}`}
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
			{plan.trackedSecretFile ? (
				<Box marginTop={1} flexDirection="column">
					<Paragraph marker={{ text: "! ", color: "yellow" }} style={{ color: "yellow" }}>
						{`git already tracks ${plan.trackedSecretFile.display}. Ignoring it does not untrack it — you'll be asked next.`}
					</Paragraph>
				</Box>
			) : null}
			<Box marginTop={1}>
				{dryRun ? (
					<Text dimColor>Nothing will be written (--dry-run). Press Enter to finish.</Text>
				) : (
					<Text>Write these changes? </Text>
				)}
				<YesNo defaultYes onAnswer={onAnswer} />
			</Box>
		</Box>
	);
}
