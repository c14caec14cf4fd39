// Shared by the user-variable and profile tests: a sentinel key, and a check after every test
// that the key travelled on standard input only and never showed up in a message.

import { afterEach, expect } from "vitest";
import {
	leaksOf,
	type RecordedCall,
	type ScriptedAnswer,
	scriptedRunner,
} from "../../helpers/scripted-runner.js";

export const KEY = `sk-ant-api03-${"S3ntinel_".repeat(10)}zzAbCd`;
export const OLD = `sk-ant-api03-${"0ldKey".repeat(14)}-WxYz`;
export const NAME = "ANTHROPIC_API_KEY";
export const NO_PROFILE = ["-NoLogo", "-NonInteractive", "-NoProfile", "-EncodedCommand"];
export const WITH_PROFILE = ["-NoLogo", "-NonInteractive", "-EncodedCommand"];

const everyCall: RecordedCall[] = [];
const messages: string[] = [];

/** A scripted runner whose calls join the check once the test calls `record()`. */
export function runner(answer: ScriptedAnswer) {
	const scripted = scriptedRunner(answer);
	return { run: scripted.run, calls: scripted.calls, record: () => everyCall.push(...scripted.calls) };
}

/** An outcome shown to the person: checked for the key after the test. */
export function said<T>(outcome: T): T {
	messages.push(JSON.stringify(outcome));
	return outcome;
}

/** Call at the top of a test file. */
export function guardKey(): void {
	afterEach(() => {
		expect(leaksOf(everyCall, KEY)).toEqual([]);
		for (const message of messages) expect(message).not.toContain(KEY);
		everyCall.length = 0;
		messages.length = 0;
	});
}
