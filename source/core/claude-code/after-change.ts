// What Claude Code will send once a new key is saved: the model, fed with the files as they
// will be. A new terminal gets the key when a global target holds it; a settings.json `env`
// value is the new key only where the plan replaces it.
import type { CredentialVariable } from "../key/credential-variables.js";
import { holdsKey, type Plan } from "../plan/plan.js";
import { CLAUDE_SETTINGS } from "../plan/targets.js";
import type { Finding, ScanResult } from "../scan/scan-types.js";
import type { TerminalValue } from "../scan/terminal-value.js";
import { named } from "./issues.js";
import { type ClaudeCodeInputs, claudeCodeAuth, claudeCodeSendsKey, type KeyVerdict } from "./model.js";

/** A global target: a new terminal (or every app) gets the key, not just one project. */
export function savesGlobally(plan: Plan): boolean {
	return (
		plan.changes.some((change) => holdsKey(change) && change.file.target !== "dotenv") ||
		plan.userVariable !== undefined
	);
}

/** A variable's value in a new terminal, as the files say (the last definition outside Claude Code's settings). */
function fromFiles(findings: readonly Finding[], variable: CredentialVariable, shell: string): TerminalValue {
	const found = findings
		.filter(
			(finding) =>
				finding.variable === variable &&
				finding.source.kind !== "claude-settings" &&
				finding.source.kind !== "process" &&
				!(finding.source.kind === "file" && finding.source.format === "dotenv"),
		)
		.at(-1);
	return found ? { state: "set", value: found.value, shell } : { state: "unset", shell };
}

export interface AfterChange {
	readonly verdict: KeyVerdict;
	/** What `claude -p` sends instead of the key, in words; absent when it sends the key. */
	readonly instead?: string;
}

export function claudeCodeAfter(scan: ScanResult, plan: Plan, key: string, shell: string): AfterChange {
	const fixed = new Set(
		plan.changes.filter((change) => change.file.target === CLAUDE_SETTINGS).map((change) => change.file.path),
	);
	const global = savesGlobally(plan);
	const findings = scan.findings.map((finding) =>
		finding.source.kind === "claude-settings" &&
		finding.variable === plan.variable &&
		fixed.has(finding.source.path)
			? { ...finding, value: key }
			: finding,
	);
	const entry = (variable: CredentialVariable) => ({
		value:
			variable === plan.variable && global
				? ({ state: "set", value: key, shell } as const)
				: fromFiles(findings, variable, shell),
		winners: [],
	});
	const terminal = {
		ANTHROPIC_API_KEY: entry("ANTHROPIC_API_KEY"),
		ANTHROPIC_AUTH_TOKEN: entry("ANTHROPIC_AUTH_TOKEN"),
		CLAUDE_CODE_OAUTH_TOKEN: entry("CLAUDE_CODE_OAUTH_TOKEN"),
	};
	const inputs: ClaudeCodeInputs = {
		terminal,
		findings,
		apiKeyHelpers: scan.apiKeyHelpers,
		login: scan.claudeCodeLogin,
		state: scan.claudeCodeState,
	};
	const verdict = claudeCodeSendsKey(inputs, key);
	if (verdict.print) return { verdict };
	const auth = claudeCodeAuth(inputs);
	const instead = auth.cloud
		? `${auth.cloud} is on: it uses that cloud provider`
		: auth.uses
			? `it sends ${named(auth.uses)}`
			: "it has no key and asks you to /login";
	return { verdict, instead };
}
