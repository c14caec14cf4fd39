// The status report as plain lines for a terminal (colour-free: it is also read in logs).

import { notSaidIn } from "../wording/voice.js";
import type { StatusReport } from "./report.js";
import { rejected } from "./verdict.js";

export function statusLines(report: StatusReport): string[] {
	const lines: string[] = [];
	if (report.findings.length === 0) {
		lines.push("No Anthropic credential is set anywhere claude-setup looks.");
	} else {
		lines.push("Where Anthropic credentials and settings are set:");
		const width = Math.max(...report.findings.map((finding) => finding.variable.length));
		// A new terminal's key is ✓ only while the API has not rejected it.
		const winnerMark = rejected(report.liveCheck) ? "✗" : "✓";
		for (const finding of report.findings) {
			const mark = finding.problems.length > 0 ? "!" : finding.wins ? winnerMark : "·";
			const ours = finding.managed ? " (claude-setup)" : "";
			const wins = finding.wins ? "  ← a new terminal gets this" : "";
			lines.push(
				`  ${mark} ${finding.variable.padEnd(width)}  ${finding.masked}  ${finding.where}${ours}${wins}`,
			);
		}
	}
	lines.push("");
	const { newTerminal, thisProcess } = report;
	const nothing = newTerminal.onRequest
		? "nothing (by choice: the keychain gives the key only on request)"
		: "nothing";
	lines.push(
		`A new ${newTerminal.shell} terminal gets: ${newTerminal.masked ?? (newTerminal.note ? `unknown (${newTerminal.note})` : nothing)}`,
	);
	lines.push(
		`This terminal has:  ${thisProcess.masked ?? "nothing"}${thisProcess.sameAsNewTerminal ? "" : "  ← differs"}`,
	);
	const claude = claudeCodeLine(report);
	if (claude) lines.push(claude);
	if (report.claudeCodeLogin === "yes") lines.push("Claude Code: logged in with a subscription.");
	if (report.issues.length > 0) {
		lines.push("", "Problems:");
		// Each fix is said once, where it comes last: a later problem, the API's answer or the last line.
		const advised = report.liveCheck && !report.liveCheck.ok ? report.liveCheck.advice.next : [];
		for (const [index, issue] of report.issues.entries()) {
			const later = [...report.issues.slice(index + 1).map((other) => other.message), ...advised];
			const message = notSaidIn(issue.message, [...later, report.verdict].join("\n"));
			lines.push(`  ${issue.severity === "error" ? "✗" : "!"} ${message}`);
		}
	}
	if (report.liveCheck) {
		lines.push("");
		if (report.liveCheck.ok) {
			lines.push(
				`✓ The API accepts the key ${newTerminal.onRequest ? "in the keychain" : "a new terminal gets"}.`,
			);
		} else {
			const { advice } = report.liveCheck;
			// Two keys were checked: say which one this is.
			const checked = newTerminal.onRequest ? "the key in the keychain" : "the key a new terminal gets";
			const which = report.thisProcess.liveCheck ? ` (${checked})` : "";
			lines.push(`✗ ${advice.title}${which}. ${advice.why}`);
			for (const step of advice.next) if (notSaidIn(step, report.verdict)) lines.push(`  → ${step}`);
			if (advice.requestId) lines.push(`  request-id: ${advice.requestId} (give this to support)`);
		}
	}
	const mine = thisProcess.liveCheck;
	if (mine) {
		if (!report.liveCheck) lines.push("");
		lines.push(
			mine.ok
				? `✓ The API accepts this terminal's key${report.liveCheck?.ok ? " too" : ""}.`
				: `✗ The API rejects this terminal's key${mine.status ? ` (${mine.status})` : ""}. ${mine.advice.why}`,
		);
	}
	lines.push("", report.verdict);
	return lines;
}

/** Which credential Claude Code sends when started from a new terminal, and where it comes from. */
function claudeCodeLine(report: StatusReport): string | undefined {
	const { cloud, sends, uses } = report.claudeCode;
	if (cloud) return `Claude Code: ${cloud} is on, so it uses that cloud provider, not these keys.`;
	if (!uses) {
		const login =
			report.claudeCodeLogin === "yes" ? "your subscription login" : "none: it asks you to /login";
		return report.findings.length > 0 ? `Claude Code from a new terminal uses: ${login}` : undefined;
	}
	const shown = sends.map(
		(sent) => `${sent.variable}${sent.masked ? ` ${sent.masked}` : ""} from ${sent.where} as ${sent.header}`,
	);
	return `Claude Code from a new terminal sends: ${shown.join("; ")}`;
}
