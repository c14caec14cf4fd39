import { Box } from "ink";
import { useState } from "react";
import { untrackFile } from "../core/edit/gitignore.js";
import type { Plan } from "../core/plan/plan.js";
import type { System } from "../core/system.js";
import { Busy } from "./busy.js";
import { Text } from "./text.js";
import { YesNo } from "./yes-no.js";

interface Props {
	readonly system: System;
	readonly plan: Plan;
	readonly onDone: (untracked: boolean) => void;
}

/** git keeps tracking a file it already tracks, .gitignore or not: offer `git rm --cached`. */
export function UntrackScreen({ system, plan, onDone }: Props) {
	const [running, setRunning] = useState(false);
	const tracked = plan.trackedSecretFile;
	if (!tracked) return null;
	const untrack = async () => {
		setRunning(true);
		onDone(await untrackFile(system.run, tracked));
	};
	if (running) return <Busy label={`Running ${tracked.command}…`} />;
	return (
		<Box flexDirection="column">
			<Text color="yellow">
				! git already tracks {tracked.display}, so .gitignore alone will not keep your key out of commits.
			</Text>
			<Text>
				The fix is <Text bold>{tracked.command}</Text> (the file stays on disk; git stops tracking it).
			</Text>
			<Text>
				Nothing is written until then: with No, claude-setup stops and the file stays as it is. If this file
				was ever pushed with a key in it, rotate that key in the Console.
			</Text>
			<Box marginTop={1}>
				<Text>Run it now? </Text>
				<YesNo defaultYes={false} onAnswer={(yes) => (yes ? void untrack() : onDone(false))} />
			</Box>
		</Box>
	);
}
