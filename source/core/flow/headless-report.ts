// The pieces of --key-stdin's report: a failure as JSON, advice as lines, a check's exit code.
import type { Advice } from "../advice/advice.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";

export type Report = Record<string, unknown> & { ok: boolean; exitCode: ExitCodeValue };

export function failed(
	code: ExitCodeValue,
	error: Record<string, unknown>,
	extra: Record<string, unknown> = {},
): Report {
	return { ok: false, exitCode: code, ...extra, error };
}

/** Prints what happened, why and what next; returns the same for --json. */
export function printAdvice(print: (line: string) => void, advice: Omit<Advice, "outcome">) {
	print(`✗ ${advice.title}. ${advice.why}`);
	for (const step of advice.next) print(`  → ${step}`);
	if (advice.requestId) print(`  request-id: ${advice.requestId} (give this to support)`);
	return { title: advice.title, why: advice.why, next: advice.next, requestId: advice.requestId };
}

/** The exit code when checking the key (GET /v1/models) failed. */
export function checkExitCode(outcome: Advice["outcome"]): ExitCodeValue {
	if (outcome === "refused") return ExitCode.usage;
	return outcome === "rejected" ? ExitCode.keyRejected : ExitCode.unreachable;
}
