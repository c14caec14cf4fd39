import { Box } from "ink";
import { where } from "../core/scan/issues.js";
import type { Finding } from "../core/scan/scan-types.js";
import { itOrThem } from "../core/wording/voice.js";
import { Paragraph } from "./paragraph.js";
import { Text } from "./text.js";
import { YesNo } from "./yes-no.js";

interface Props {
	readonly variable: string;
	readonly others: readonly Finding[];
	readonly onAnswer: (yes: boolean) => void;
}

/** Definitions claude-setup did not write: a stale one that wins is the classic 401. */
export function OthersScreen({ variable, others, onAnswer }: Props) {
	const them = itOrThem(others.length);
	return (
		<Box flexDirection="column">
			<Text bold>
				{variable} is also set {others.length === 1 ? "here" : "in these places"}, not by claude-setup:
			</Text>
			{others.map((finding) => (
				<Text key={where(finding.source)} color="yellow">
					{"  "}! {finding.masked} <Text dimColor>in {where(finding.source)}</Text>
				</Text>
			))}
			<Paragraph style={{ dimColor: true }}>
				{`A stale definition that wins over the new key is the most common cause of "401 invalid key". \`claude-setup remove\` puts ${them} back.`}
			</Paragraph>
			<Box marginTop={1}>
				<Text>Comment {them} out? </Text>
				<YesNo defaultYes onAnswer={onAnswer} />
			</Box>
		</Box>
	);
}
