// The last line of `status` and its exit code. "All good." only when a new terminal gets one
// well-formed, consistent key that works (unless --no-verify) and this terminal has the same.
import { exitCodeForAdvice } from "../advice/advice.js";
import type { Advice } from "../advice/advice-types.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { maskOrEmpty } from "../scan/classify.js";
import type { Issue } from "../scan/issues.js";
import type { Finding } from "../scan/scan-types.js";
import { catchUpHint, whoseKey } from "../scan/this-terminal.js";
import { sentenceCase } from "../wording/voice.js";

/** GET /v1/models with one key; `status` is the HTTP status of a refusal (401, 403). */
export type KeyCheck =
	| { readonly ok: true }
	| { readonly ok: false; readonly advice: Advice; readonly status?: number };

interface Outcome {
	readonly winning: string | undefined;
	readonly issues: readonly Issue[];
	readonly liveCheck: KeyCheck | undefined;
	readonly thisCheck: KeyCheck | undefined;
}

/** A key the API refused; `rejected` narrows to it, so callers need not also ask `!check.ok`. */
type Rejected = Extract<KeyCheck, { ok: false }> & { readonly advice: { readonly outcome: "rejected" } };

export const rejected = (check: KeyCheck | undefined): check is Rejected =>
	check !== undefined && !check.ok && check.advice.outcome === "rejected";

/** 4 when the API refuses a key this terminal or a new one has; 5 unreachable; 7 anything else amiss. */
export function exitCodeFor({ winning, issues, liveCheck, thisCheck }: Outcome): ExitCodeValue {
	if (liveCheck && !liveCheck.ok) return exitCodeForAdvice(liveCheck.advice.outcome);
	if (rejected(thisCheck)) return ExitCode.keyRejected;
	if (winning === undefined || issues.some((issue) => issue.severity === "error")) return ExitCode.notProven;
	return ExitCode.ok;
}

const code = (check: KeyCheck) => (!check.ok && check.status !== undefined ? ` (${check.status})` : "");
const SAVE_COMMAND = '`printf %s "$ANTHROPIC_API_KEY" | claude-setup --key-stdin`';
const SAVE_THIS = `save this terminal's key for every new one: ${SAVE_COMMAND}`;

const NEW_KEY = "create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it";

/**
 * The advice for a new terminal's rejected key, agreeing with the verdict: when this terminal's
 * key works, keeping that one is the fix, not a new key.
 */
export function agreeingAdvice(liveCheck: KeyCheck | undefined, thisCheck: KeyCheck | undefined) {
	if (!rejected(liveCheck) || !thisCheck?.ok) return liveCheck;
	const { advice } = liveCheck;
	const save = `${sentenceCase(SAVE_THIS)}.`;
	return { ...liveCheck, advice: { ...advice, next: [save, ...advice.next.slice(1)] } };
}

export function verdictFor(
	outcome: Outcome & {
		readonly exitCode: ExitCodeValue;
		readonly winners: readonly Finding[];
		readonly processValue: string | undefined;
		/** The key checked is the keychain's, loaded only on request (no new terminal gets it). */
		readonly onRequest?: boolean;
	},
): string {
	const { exitCode, liveCheck, thisCheck, winners, processValue, issues } = outcome;
	if (exitCode === ExitCode.ok) return "All good.";
	const theirs = outcome.onRequest ? "the key in the keychain" : whoseKey(winners);
	if (rejected(thisCheck)) {
		if (liveCheck?.ok)
			return `This terminal's key is rejected${code(thisCheck)}; ${theirs} works: ${catchUpHint(winners)}.`;
		if (rejected(liveCheck)) {
			return `Both keys are rejected: this terminal's${code(thisCheck)} and ${theirs}${code(liveCheck)}. ${sentenceCase(NEW_KEY)}.`;
		}
	}
	if (rejected(liveCheck) && thisCheck?.ok) {
		return `${theirs[0]?.toUpperCase()}${theirs.slice(1)} is rejected${code(liveCheck)}; this terminal's key works: ${SAVE_THIS}.`;
	}
	if (liveCheck && !liveCheck.ok && liveCheck.status === 401 && !thisCheck) {
		return `${theirs[0]?.toUpperCase()}${theirs.slice(1)} is rejected (401): ${NEW_KEY}.`;
	}
	const onlyThisTerminal = issues.every(
		(issue) => issue.severity !== "error" || issue.code === "stale-terminal",
	);
	if (outcome.winning !== undefined && onlyThisTerminal && (liveCheck === undefined || liveCheck.ok)) {
		const has = processValue === undefined ? "no key" : maskOrEmpty(processValue);
		const gets = liveCheck?.ok ? "a key that works" : maskOrEmpty(outcome.winning);
		return `A new terminal gets ${gets}, but this one has ${has}: ${catchUpHint(winners)}.`;
	}
	return "Not everything checks out — see above.";
}
