// With --json exactly one JSON object reaches standard output, even when a signal ends the run
// before the report is ready: then the object says it was interrupted and by what.
import { ExitCode } from "../core/exit-codes.js";
import { type JsonCommand, versioned } from "../core/flow/json-report.js";
import { type HandledSignal, SIGNAL_EXIT_CODES } from "./interrupts.js";
import { printLine } from "./output-guard.js";

export interface JsonOutput {
	/** Prints the report (already JSON text); anything after the first is dropped. */
	print(json: string): void;
	/** The object for a run a signal ended. */
	interrupted(signal: HandledSignal): void;
}

export function interruptedReport(signal: HandledSignal, command: JsonCommand = "setup") {
	const cancelled = signal === "SIGINT";
	return versioned(command, {
		ok: false,
		exitCode: cancelled ? ExitCode.cancelled : SIGNAL_EXIT_CODES[signal],
		interrupted: signal,
		error: {
			kind: cancelled ? "cancelled" : "interrupted",
			title: `Stopped by ${signal} before it finished`,
			why: "A write in progress was finished or put back first: each file is as it was, or holds the complete change.",
			next: ["Run `claude-setup status` to see where the key is now, or run `claude-setup` again."],
		},
	});
}

export function createJsonOutput(
	command: JsonCommand = "setup",
	write: (text: string) => void = printLine,
): JsonOutput {
	let printed = false;
	const print = (json: string) => {
		if (printed) return;
		printed = true;
		write(json);
	};
	return {
		print,
		interrupted: (signal) => print(JSON.stringify(interruptedReport(signal, command), null, 2)),
	};
}
