// Which credential Claude Code sends, started from a new terminal. The rules are what the real
// Claude Code (2.1.332) did against the fake API (test/e2e/claude-code-agreement.e2e.test.ts):
// - settings.json `env` replaces the terminal's value (an empty value there unsets it);
// - `x-api-key` carries ANTHROPIC_API_KEY, else the apiKeyHelper's output;
// - `Authorization: Bearer` carries ANTHROPIC_AUTH_TOKEN, else the apiKeyHelper's output, else
//   CLAUDE_CODE_OAUTH_TOKEN (with the OAuth beta) when nothing else is set;
// - a subscription login only when none of these is set; a cloud switch sends none of them;
// - empty values count as unset. With both headers the API reads x-api-key, as the fake does.
import type { CredentialVariable } from "../key/credential-variables.js";
import { cloudSwitchOn, maskOrEmpty } from "./classify.js";
import type { ApiKeyHelper, Finding } from "./scan-types.js";
import type { TerminalValue } from "./terminal-value.js";
import { type Issue, where } from "./where.js";

export type AuthHeader = "x-api-key" | "authorization";

export interface SentCredential {
	readonly header: AuthHeader;
	readonly variable: CredentialVariable | "apiKeyHelper" | "subscription";
	/** Where it comes from: "~/.zshrc line 3", "~/.claude/settings.json". */
	readonly where: string;
	/** Masked; absent for an apiKeyHelper (its output is not asked for). */
	readonly masked?: string;
}

export interface ClaudeCodeAuth {
	/** The cloud provider switch that is on; Claude Code then sends none of these. */
	readonly cloud?: string;
	readonly sends: readonly SentCredential[];
	/** The one the Anthropic API goes by; absent when Claude Code has none (it then asks for /login). */
	readonly uses?: SentCredential;
}

interface Value {
	readonly value: string;
	readonly where: string;
}

/** The value Claude Code sees: settings.json `env` (the last file wins) over the new terminal's. */
function effective(
	variable: CredentialVariable,
	terminal: TerminalValue,
	winners: readonly Finding[],
	settings: readonly Finding[],
): Value | undefined {
	const fromSettings = settings.filter((finding) => finding.variable === variable).at(-1);
	const winner = winners.at(-1);
	let chosen: Value | undefined;
	if (fromSettings) chosen = { value: fromSettings.value, where: where(fromSettings.source) };
	else if (terminal.state === "set") {
		chosen = { value: terminal.value, where: winner ? where(winner.source) : "a new terminal" };
	}
	return chosen && chosen.value.trim() !== "" ? chosen : undefined;
}

export interface ClaudeCodeInputs {
	/** What a new terminal gets, per variable, and the definitions it comes from. */
	readonly terminal: Readonly<
		Record<CredentialVariable, { value: TerminalValue; winners: readonly Finding[] }>
	>;
	readonly findings: readonly Finding[];
	readonly apiKeyHelpers: readonly ApiKeyHelper[];
	/** A subscription login (`claude /login`): used only when nothing else is set. */
	readonly login: "yes" | "no" | "unknown";
}

const LOGIN_WHERE = "your Claude Code login";

export function claudeCodeAuth(inputs: ClaudeCodeInputs): ClaudeCodeAuth {
	const settings = inputs.findings.filter((finding) => finding.source.kind === "claude-settings");
	const cloud = inputs.findings.find(
		(finding) => finding.source.kind !== "process" && cloudSwitchOn(finding),
	);
	if (cloud) return { cloud: cloud.variable, sends: [] };
	const value = (variable: CredentialVariable) => {
		const { value: terminal, winners } = inputs.terminal[variable];
		return effective(variable, terminal, winners, settings);
	};
	const sent = (header: AuthHeader, variable: CredentialVariable, found: Value): SentCredential => ({
		header,
		variable,
		where: found.where,
		masked: maskOrEmpty(found.value),
	});
	// A helper in a later settings file replaces an earlier one.
	const helper = inputs.apiKeyHelpers.at(-1);
	const fromHelper = (header: AuthHeader): SentCredential | undefined =>
		helper ? { header, variable: "apiKeyHelper", where: helper.display } : undefined;
	const apiKey = value("ANTHROPIC_API_KEY");
	const authToken = value("ANTHROPIC_AUTH_TOKEN");
	const oauth = value("CLAUDE_CODE_OAUTH_TOKEN");
	const xApiKey = apiKey ? sent("x-api-key", "ANTHROPIC_API_KEY", apiKey) : fromHelper("x-api-key");
	const bearer = authToken
		? sent("authorization", "ANTHROPIC_AUTH_TOKEN", authToken)
		: (fromHelper("authorization") ??
			(oauth && !xApiKey ? sent("authorization", "CLAUDE_CODE_OAUTH_TOKEN", oauth) : undefined));
	const sends = [xApiKey, bearer].filter((credential) => credential !== undefined);
	if (sends.length === 0 && inputs.login === "yes") {
		sends.push({ header: "authorization", variable: "subscription", where: LOGIN_WHERE });
	}
	return { sends, uses: sends[0] };
}

function named(credential: SentCredential): string {
	const shown = credential.masked ? ` (${credential.masked})` : "";
	if (credential.variable === "subscription") return LOGIN_WHERE;
	return credential.variable === "apiKeyHelper"
		? `the output of apiKeyHelper in ${credential.where}`
		: `${credential.variable}${shown} from ${credential.where}`;
}

/** What a person should know about the credential Claude Code sends, when several are set. */
export function claudeCodeIssues(auth: ClaudeCodeAuth, inputs: ClaudeCodeInputs): Issue[] {
	const issues: Issue[] = [];
	const { uses, sends } = auth;
	const other = sends.find((credential) => credential !== uses);
	if (uses && other && sends.some((credential) => credential.variable === "ANTHROPIC_AUTH_TOKEN")) {
		issues.push({
			code: "auth-token",
			severity: "warning",
			message: `ANTHROPIC_AUTH_TOKEN is set too: Claude Code sends ${named(uses)} as x-api-key and ${named(other)} as Authorization: Bearer. The Anthropic API goes by x-api-key; a gateway may go by the Bearer token. Unset the one you do not mean.`,
		});
	}
	const helper = inputs.apiKeyHelpers.at(-1);
	if (helper) {
		const message =
			uses?.variable === "apiKeyHelper"
				? `${helper.display} sets apiKeyHelper: Claude Code sends that command's output as the key (x-api-key, and as Authorization: Bearer unless ANTHROPIC_AUTH_TOKEN is set).`
				: `${helper.display} sets apiKeyHelper, but Claude Code sends ${uses ? named(uses) : "another key"} as x-api-key, which the API goes by; the helper's output goes only as Authorization: Bearer, if at all.`;
		issues.push({ code: "api-key-helper", severity: "warning", message });
	}
	const oauth = inputs.terminal.CLAUDE_CODE_OAUTH_TOKEN.value;
	if (
		uses &&
		uses.variable !== "CLAUDE_CODE_OAUTH_TOKEN" &&
		oauth.state === "set" &&
		oauth.value.trim() !== ""
	) {
		issues.push({
			code: "claude-code-credential",
			severity: "warning",
			message: `CLAUDE_CODE_OAUTH_TOKEN is set, but Claude Code sends ${named(uses)} instead: it uses (and bills) that, not your subscription.`,
		});
	}
	const apiKey = inputs.terminal.ANTHROPIC_API_KEY.value;
	const fromSettings = inputs.findings
		.filter(
			(finding) => finding.source.kind === "claude-settings" && finding.variable === "ANTHROPIC_API_KEY",
		)
		.at(-1);
	if (fromSettings && apiKey.state === "set" && apiKey.value !== fromSettings.value) {
		issues.push({
			code: "claude-code-credential",
			severity: "warning",
			message: `${where(fromSettings.source)} sets ANTHROPIC_API_KEY=${fromSettings.masked} in its env: Claude Code uses that, not the ${maskOrEmpty(apiKey.value)} a new terminal gets.`,
		});
	}
	return issues;
}
