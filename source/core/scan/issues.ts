// What is wrong with where the key is set, as sentences that say what to do. The classic
// "401 although I set my key" is one of these: a stale or empty definition that wins.
import { cloudSwitchOn } from "./classify.js";
import type { Finding, ScanResult, Source } from "./scan-types.js";
import type { TerminalValue } from "./terminal-value.js";
import { thisTerminalIssue } from "./this-terminal.js";
import { type Issue, where } from "./where.js";

export { type Issue, where } from "./where.js";

const KEY = "ANTHROPIC_API_KEY";

/** `winners`: the definitions a new terminal reads the key from (winningFindings), the last one wins. */
export function findIssues(
	scan: ScanResult,
	terminal: TerminalValue,
	winners: readonly Finding[],
	processValue: string | undefined,
): Issue[] {
	const issues: Issue[] = [];
	const add = (code: Issue["code"], severity: Issue["severity"], message: string) =>
		issues.push({ code, severity, message });
	const keys = scan.findings.filter((finding) => finding.variable === KEY);
	const winning = terminal.state === "set" ? terminal.value : undefined;

	if (terminal.state === "unset") {
		// A key kept only in a project .env is a choice: say what it reaches instead of "save one".
		const project = keys.find(
			(finding) => finding.source.kind === "file" && finding.source.format === "dotenv",
		);
		const next = project
			? `${where(project.source)} has one, which only programs that load .env files use; run \`claude-setup\` for a key in every terminal.`
			: "Run `claude-setup` to save one.";
		add("terminal-missing", "error", `A new ${terminal.shell} terminal gets no ${KEY}. ${next}`);
	}
	// Of several definitions a shell reads, the last one wins.
	const winner = winners.at(-1);
	if (winner && winner.kind !== "api-key") {
		add(
			"terminal-malformed",
			"error",
			`The ${KEY} a new terminal gets (${winner.masked} in ${where(winner.source)}) is ${describeKind(winner)}. Run \`claude-setup\` to replace it.`,
		);
	}
	// This terminal holding another value is "stale-terminal" below, not a disagreement.
	const defined = keys.filter((finding) => finding.source.kind !== "process");
	const distinct = new Set(
		defined.filter((finding) => finding.value.trim() !== "").map((finding) => finding.value.trim()),
	);
	if (distinct.size > 1) {
		const places = defined.map((finding) => `${finding.masked} in ${where(finding.source)}`).join("; ");
		add(
			"disagree",
			"error",
			`${KEY} is set in ${defined.length} places, to ${distinct.size} different values: ${places}. Run \`claude-setup\` to set one key everywhere (it offers to comment out the others).`,
		);
	}
	const stale = thisTerminalIssue(processValue, winning, winners);
	if (stale) issues.push(stale);
	for (const finding of scan.findings) {
		const place = `${finding.variable} in ${where(finding.source)}`;
		if (finding.problems.includes("empty")) {
			add(
				"empty",
				"warning",
				`${place} is empty. An empty value still counts as set: it hides a .env value and makes requests fail. ${
					finding.source.kind === "process"
						? `Run \`unset ${finding.variable}\` and remove it from wherever it is set.`
						: "Remove that line."
				}`,
			);
		}
		if (finding.problems.includes("whitespace")) {
			// Stray whitespace in the value a new terminal gets is not a well-formed key.
			add(
				"whitespace",
				winners.includes(finding) ? "error" : "warning",
				`${place} has spaces or a line break around the key, which makes the API refuse it. Run \`claude-setup\` to save it cleanly.`,
			);
		}
		if (finding.problems.includes("wrong-kind")) {
			add(
				"wrong-kind",
				"warning",
				`${place} holds ${describeKind(finding)}, which does not belong in ${finding.variable}.`,
			);
		}
	}
	const dotenv = keys.filter(
		(finding) => finding.source.kind === "file" && finding.source.format === "dotenv",
	);
	if (processValue !== undefined && dotenv.some((finding) => finding.value !== processValue)) {
		add(
			"shell-beats-dotenv",
			"warning",
			`Your shell exports ${KEY}, which wins over the different value in .env (dotenv, node --env-file and python-dotenv never override the environment).`,
		);
	}
	for (const finding of scan.findings) {
		// Claude Code then sends no API key at all: never "All good" for a key it does not use.
		if (cloudSwitchOn(finding)) {
			add(
				"cloud-switch",
				"error",
				`${finding.variable} is on in ${where(finding.source)}: Claude Code uses that cloud provider and does not send your ${KEY}. ${cloudSwitchFix(finding)}`,
			);
		}
	}
	const global = keys.some((finding) => isGlobal(finding.source) && finding.value.trim() !== "");
	if (scan.claudeCodeLogin === "yes" && global) {
		add(
			"billing",
			"warning",
			`You are logged in to Claude Code with a subscription, and ${KEY} is set for every terminal: Claude Code will use — and bill — the API key instead. Keep the key in a project .env if you want both.`,
		);
	}
	return issues;
}

/** How to turn a cloud switch off where it is set, so Claude Code sends the key again. */
function cloudSwitchFix({ variable, source }: Finding): string {
	const off = "if you want Claude Code to use the key instead";
	switch (source.kind) {
		case "process":
			return `Run \`unset ${variable}\` in this terminal ${off}.`;
		case "claude-settings":
			return `Remove ${variable} from the "env" in ${source.display} ${off}.`;
		case "windows-user":
			return `Remove the user variable ${variable} (\`[Environment]::SetEnvironmentVariable('${variable}', $null, 'User')\`) ${off}.`;
		default:
			return `Remove that line (or set ${variable}=0) ${off}, then open a new terminal.`;
	}
}

/** Set for every terminal (or app), not just one project. */
function isGlobal(source: Source): boolean {
	return source.kind !== "file" || source.format !== "dotenv";
}

function describeKind(finding: Finding): string {
	switch (finding.kind) {
		case "oauth-token":
			return "a Claude Code OAuth token (it belongs in CLAUDE_CODE_OAUTH_TOKEN)";
		case "admin-key":
			return "an Admin key (it cannot call the Messages API)";
		case "empty":
			return "empty";
		case "api-key":
			return "an API key";
		default:
			return "not a well-formed API key";
	}
}
