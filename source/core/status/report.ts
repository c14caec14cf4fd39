// `claude-setup status`: every place a credential is set, which value a new terminal gets,
// what disagrees, and whether the winning key works. Values leave this module masked only.
import { type Advice, exitCodeForAdvice } from "../advice/advice.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { checkKeyLive } from "../flow/session.js";
import type { Detected } from "../platform/platform.js";
import { maskOrEmpty } from "../scan/classify.js";
import { findIssues, type Issue, where } from "../scan/issues.js";
import { scanEverywhere } from "../scan/scan.js";
import type { ApiKeyHelper, Finding, ValueKind } from "../scan/scan-types.js";
import { newTerminalValue, winningFindings } from "../scan/terminal-value.js";
import type { System } from "../system.js";
import type { WindowsContext } from "../windows/detect.js";

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
	readonly newTerminal: { readonly shell: string; readonly masked?: string; readonly note?: string };
	readonly thisProcess: { readonly masked?: string };
	readonly issues: readonly Issue[];
	readonly apiKeyHelpers: readonly ApiKeyHelper[];
	readonly claudeCodeLogin: "yes" | "no" | "unknown";
	readonly liveCheck?: { readonly ok: true } | { readonly ok: false; readonly advice: Advice };
	readonly exitCode: ExitCodeValue;
}

export interface StatusContext {
	readonly detected: Detected;
	readonly windows?: WindowsContext;
	readonly verify: boolean;
}

export async function buildStatus(system: System, context: StatusContext): Promise<StatusReport> {
	const scan = await scanEverywhere(system, context);
	const terminal = await newTerminalValue(system, context.detected, scan.findings, context.windows);
	const winning = terminal.state === "set" ? terminal.value : undefined;
	const winners = winningFindings(scan.findings, terminal);
	const processValue = system.env.ANTHROPIC_API_KEY;
	const issues = findIssues(scan, terminal, winners, processValue);
	let liveCheck: StatusReport["liveCheck"];
	if (
		context.verify &&
		winning !== undefined &&
		issues.every((issue) => issue.code !== "terminal-malformed")
	) {
		const checked = await checkKeyLive(system, winning);
		liveCheck = checked.ok ? { ok: true } : { ok: false, advice: checked.advice };
	}
	return {
		findings: scan.findings.map((finding) => show(finding, winners.includes(finding))),
		newTerminal: {
			shell: terminal.shell,
			masked: winning === undefined ? undefined : maskOrEmpty(winning),
			note: terminal.state === "unknown" ? terminal.why : undefined,
		},
		thisProcess: { masked: processValue === undefined ? undefined : maskOrEmpty(processValue) },
		issues,
		apiKeyHelpers: scan.apiKeyHelpers,
		claudeCodeLogin: scan.claudeCodeLogin,
		liveCheck,
		exitCode: exitCodeFor(winning, issues, liveCheck),
	};
}

/** 0 only when a new terminal gets one well-formed, consistent key that (unless skipped) works. */
function exitCodeFor(
	winning: string | undefined,
	issues: readonly Issue[],
	live: StatusReport["liveCheck"],
): ExitCodeValue {
	if (live && !live.ok) return exitCodeForAdvice(live.advice.outcome);
	if (winning === undefined || issues.some((issue) => issue.severity === "error")) return ExitCode.notProven;
	return ExitCode.ok;
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
