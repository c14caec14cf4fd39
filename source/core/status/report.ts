// `claude-setup status`: every place a credential is set, which value a new terminal gets,
// what disagrees, whether the winning key works, whether this terminal's (when it differs)
// works, and which credential Claude Code sends. Values leave this module masked only.

import { claudeCodeIssues } from "../claude-code/issues.js";
import { type ClaudeCodeAuth, claudeCodeAuth } from "../claude-code/model.js";
import { scanEverywhere } from "../claude-code/scan-all.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { checkKeyLive } from "../flow/session.js";
import type { CredentialVariable } from "../key/credential-variables.js";
import type { Detected } from "../platform/platform.js";
import { maskOrEmpty } from "../scan/classify.js";
import { findIssues, type Issue, where } from "../scan/issues.js";
import type { ApiKeyHelper, Finding, ValueKind } from "../scan/scan-types.js";
import { newTerminalValue, winningFindings } from "../scan/terminal-value.js";
import { thisTerminalIssue } from "../scan/this-terminal.js";
import type { System } from "../system.js";
import type { WindowsContext } from "../windows/detect.js";
import { agreeingAdvice, exitCodeFor, type KeyCheck, rejected, verdictFor } from "./verdict.js";

export type { KeyCheck } from "./verdict.js";

/** A finding as shown and as put in --json: never the value itself. */
export interface ShownFinding {
	readonly variable: string;
	readonly masked: string;
	readonly kind: ValueKind;
	readonly problems: readonly string[];
	readonly where: string;
	readonly line?: number;
	readonly managed: boolean;
	/** This is the value a new terminal gets. */
	readonly wins: boolean;
}

export interface StatusReport {
	readonly findings: readonly ShownFinding[];
	readonly newTerminal: {
		readonly shell: string;
		readonly masked?: string;
		readonly note?: string;
		/** No key by choice: the keychain holds it and no shell block loads it (`claude-setup run` does). */
		readonly onRequest?: boolean;
	};
	/** This terminal's ANTHROPIC_API_KEY; checked live only when it differs from a new terminal's. */
	readonly thisProcess: {
		readonly masked?: string;
		readonly sameAsNewTerminal: boolean;
		readonly liveCheck?: KeyCheck;
	};
	readonly issues: readonly Issue[];
	readonly apiKeyHelpers: readonly ApiKeyHelper[];
	readonly claudeCodeLogin: "yes" | "no" | "unknown";
	/** What Claude Code started from a new terminal sends, and which one the API goes by. */
	readonly claudeCode: ClaudeCodeAuth;
	/** The key a new terminal gets, checked live. */
	readonly liveCheck?: KeyCheck;
	/** One sentence: what is the matter, and what to do. */
	readonly verdict: string;
	readonly exitCode: ExitCodeValue;
}

export interface StatusContext {
	readonly detected: Detected;
	readonly windows?: WindowsContext;
	readonly verify: boolean;
	/**
	 * The key the keychain holds when no shell block loads it: a new terminal gets none by the
	 * person's choice, and this is the key checked live.
	 */
	readonly onRequest?: string;
}

/** A value the API can be asked about: an API key as it stands, without stray characters. */
function checkable(findings: readonly Finding[], value: string): boolean {
	return findings.some(
		(finding) => finding.value === value && finding.kind === "api-key" && finding.problems.length === 0,
	);
}

async function check(system: System, key: string): Promise<KeyCheck> {
	const checked = await checkKeyLive(system, key, "status");
	return checked.ok ? { ok: true } : { ok: false, advice: checked.advice, status: checked.status };
}

export async function buildStatus(system: System, context: StatusContext): Promise<StatusReport> {
	const scan = await scanEverywhere(system, context);
	// One fresh shell per credential variable, all at once.
	const terminalOf = async (variable: CredentialVariable) => {
		const value = await newTerminalValue(system, context.detected, scan.findings, context.windows, variable);
		return { value, winners: winningFindings(scan.findings, value, variable) };
	};
	const [ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN, CLAUDE_CODE_OAUTH_TOKEN] = await Promise.all([
		terminalOf("ANTHROPIC_API_KEY"),
		terminalOf("ANTHROPIC_AUTH_TOKEN"),
		terminalOf("CLAUDE_CODE_OAUTH_TOKEN"),
	]);
	const terminals = { ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN, CLAUDE_CODE_OAUTH_TOKEN };
	const { value: apiKeyTerminal, winners } = terminals.ANTHROPIC_API_KEY;
	const winning = apiKeyTerminal.state === "set" ? apiKeyTerminal.value : undefined;
	// Loaded only on request: no key in a new terminal is what the person chose.
	const onRequest = winning === undefined ? context.onRequest : undefined;
	const processValue = system.env.ANTHROPIC_API_KEY;
	const inputs = {
		terminal: terminals,
		findings: scan.findings,
		apiKeyHelpers: scan.apiKeyHelpers,
		login: scan.claudeCodeLogin,
		state: scan.claudeCodeState,
	};
	const claudeCode = claudeCodeAuth(inputs);
	const issues = [
		...findIssues(scan, apiKeyTerminal, winners, processValue).filter(
			(issue) => onRequest === undefined || issue.code !== "terminal-missing",
		),
		...claudeCodeIssues(claudeCode, inputs),
		...keychainDisagrees(context.onRequest, winning, winners, apiKeyTerminal.shell),
	];
	const liveKey = winning ?? onRequest;
	const sameAsNewTerminal = processValue === winning;
	const checkNew =
		context.verify && liveKey !== undefined && issues.every((issue) => issue.code !== "terminal-malformed");
	const checkThis =
		context.verify &&
		processValue !== undefined &&
		!sameAsNewTerminal &&
		checkable(scan.findings, processValue);
	// Both keys at once when they differ: one request each, no tokens spent.
	const [liveCheck, thisCheck] = await Promise.all([
		checkNew && liveKey !== undefined ? check(system, liveKey) : undefined,
		checkThis && processValue !== undefined ? check(system, processValue) : undefined,
	]);
	const exitCode = exitCodeFor({ winning: liveKey, issues, liveCheck, thisCheck });
	// Once both keys were checked, what each line advises agrees with the verdict.
	const checked = { newRejected: rejected(liveCheck), thisWorks: thisCheck?.ok === true };
	const settled = checked.newRejected
		? issues.map((issue) =>
				issue.code === "stale-terminal"
					? (thisTerminalIssue(processValue, winning, winners, checked) ?? issue)
					: issue,
			)
		: issues;
	return {
		findings: scan.findings.map((finding) => show(finding, winners.includes(finding))),
		newTerminal: {
			shell: apiKeyTerminal.shell,
			masked: winning === undefined ? undefined : maskOrEmpty(winning),
			note: apiKeyTerminal.state === "unknown" ? apiKeyTerminal.why : undefined,
			...(onRequest === undefined ? {} : { onRequest: true }),
		},
		thisProcess: {
			masked: processValue === undefined ? undefined : maskOrEmpty(processValue),
			sameAsNewTerminal,
			liveCheck: thisCheck,
		},
		issues: settled,
		apiKeyHelpers: scan.apiKeyHelpers,
		claudeCodeLogin: scan.claudeCodeLogin,
		claudeCode,
		liveCheck: agreeingAdvice(liveCheck, thisCheck),
		verdict: verdictFor({
			exitCode,
			winning: liveKey,
			winners,
			processValue,
			issues,
			liveCheck,
			thisCheck,
			onRequest: onRequest !== undefined,
		}),
		exitCode,
	};
}

/** Loaded only on request, yet a new terminal gets another key (a definition of the person's). */
function keychainDisagrees(
	onRequest: string | undefined,
	winning: string | undefined,
	winners: readonly Finding[],
	shell: string,
): Issue[] {
	if (onRequest === undefined || winning === undefined || winning.trim() === onRequest) return [];
	const from = winners.at(-1);
	const place = from ? ` in ${where(from.source)}` : "";
	return [
		{
			code: "disagree",
			severity: "error",
			message: `A new ${shell} terminal gets ${maskOrEmpty(winning)}${place}, not the key in the keychain (${maskOrEmpty(onRequest)}), which only \`claude-setup run\` gives. Run \`claude-setup\` to set one key everywhere (it offers to comment out the others).`,
		},
	];
}

function show(finding: Finding, wins: boolean): ShownFinding {
	const { source } = finding;
	return {
		variable: finding.variable,
		masked: finding.masked,
		kind: finding.kind,
		problems: finding.problems,
		where: where(source),
		line: source.kind === "file" ? source.line : undefined,
		managed: finding.managed,
		wins,
	};
}
