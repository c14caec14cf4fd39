// A RunCommand whose answers a test scripts, recording every call with its PowerShell script
// decoded from -EncodedCommand, so tests can assert exactly what would run on Windows.

import type { Env, RunCommand, RunResult } from "../../source/core/system.js";
import { decodeEncodedCommand } from "../../source/core/windows/powershell.js";

export interface RecordedCall {
	readonly command: string;
	readonly args: readonly string[];
	readonly input?: string;
	readonly env?: Env;
	readonly timeoutMs?: number;
	/** The script passed with -EncodedCommand, decoded; undefined for other programs. */
	readonly script?: string;
}

export type ScriptedAnswer = (call: RecordedCall) => Partial<RunResult> | undefined;

const NOT_FOUND: RunResult = { exitCode: undefined, stdout: "", stderr: "", notFound: true, timedOut: false };

export function scriptedRunner(answer: ScriptedAnswer): { run: RunCommand; calls: RecordedCall[] } {
	const calls: RecordedCall[] = [];
	const run: RunCommand = async (command, args, options = {}) => {
		const encoded = args.indexOf("-EncodedCommand");
		const encodedArg = encoded === -1 ? undefined : args[encoded + 1];
		const call: RecordedCall = {
			command,
			args: [...args],
			...(options.input === undefined ? {} : { input: options.input }),
			...(options.env === undefined ? {} : { env: options.env }),
			...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
			...(encodedArg === undefined ? {} : { script: decodeEncodedCommand(encodedArg) }),
		};
		calls.push(call);
		const partial = answer(call);
		if (partial === undefined) return NOT_FOUND;
		return { exitCode: 0, stdout: "", stderr: "", notFound: false, timedOut: false, ...partial };
	};
	return { run, calls };
}

/** Where a secret shows up outside standard input: command, arguments, script, environment. */
export function leaksOf(calls: readonly RecordedCall[], secret: string): string[] {
	const places: string[] = [];
	calls.forEach((call, index) => {
		const where = (part: string, text: string | undefined) => {
			if (text?.includes(secret)) places.push(`call ${index} ${part}`);
		};
		where("command", call.command);
		for (const [position, arg] of call.args.entries()) where(`arg ${position}`, arg);
		where("script", call.script);
		for (const [key, value] of Object.entries(call.env ?? {})) where(`env ${key}`, value);
	});
	return places;
}

/** stdout as our scripts print a value: between markers, after whatever a profile printed. */
export function marked(value: string | undefined, noise = ""): string {
	return `${noise}\r\n<<claude-setup:${value === undefined ? "unset" : `set:${value}`}:claude-setup>>\r\n`;
}
