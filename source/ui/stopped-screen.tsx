import { Box } from "ink";
import type { Written } from "../core/apply/apply.js";
import type { ExitCodeValue } from "../core/exit-codes.js";
import { stoppedLines } from "../core/flow/stopped.js";
import { Paragraph } from "./paragraph.js";

/** Cancelled or stopped: what was already written and how to undo it. */
export function StoppedScreen({
	code,
	written,
}: {
	readonly code: ExitCodeValue;
	readonly written: readonly Written[];
}) {
	return (
		<Box flexDirection="column">
			{stoppedLines(code, written).map((line) => (
				<Paragraph key={line} style={{ color: "yellow" }}>
					{line}
				</Paragraph>
			))}
		</Box>
	);
}
