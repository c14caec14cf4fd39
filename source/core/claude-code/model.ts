// Which credential Claude Code sends, started from a new terminal. The rules are what the real
// Claude Code (2.1.332) did against the fake API (test/e2e/claude-code-agreement.e2e.test.ts):
// - settings.json `env` replaces the terminal's value (an empty value there unsets it);
// - `x-api-key` carries ANTHROPIC_API_KEY, else the apiKeyHelper's output;
// - `Authorization: Bearer` carries ANTHROPIC_AUTH_TOKEN, else the apiKeyHelper's output, else
//   CLAUDE_CODE_OAUTH_TOKEN (with the OAuth beta) when nothing else is set;
// - a key stored by `/login` (`primaryApiKey` in ~/.claude.json) as x-api-key when neither
//   ANTHROPIC_API_KEY nor an apiKeyHelper is set;
// - a subscription login only when none of these is set; a cloud switch sends none of them;
// - empty values count as unset. With both headers the API reads x-api-key, as the fake does.
// Interactive `claude` (test/e2e/claude-code-interactive.e2e.test.ts) asks before it uses an
// ANTHROPIC_API_KEY ("Do you want to use this API key?", default No) and remembers the answer
// by the key's last 20 characters in `customApiKeyResponses`; a rejected key is never sent,
// the rest of the rules apply without it.
import type { CredentialVariable } from "../key/credential-variables.js";
import { cloudSwitchOn, maskOrEmpty } from "../scan/classify.js";
import type { ApiKeyHelper, ClaudeCodeState, Finding } from "../scan/scan-types.js";
import type { TerminalValue } from "../scan/terminal-value.js";
import { where } from "../scan/where.js";

export type AuthHeader = "x-api-key" | "authorization";

export interface SentCredential {
	readonly header: AuthHeader;
	readonly variable: CredentialVariable | "apiKeyHelper" | "primaryApiKey" | "subscription";
	/** Where it comes from: "~/.zshrc line 3", "~/.claude/settings.json". */
	readonly where: string;
	/** Masked; absent for an apiKeyHelper (its output is not asked for). */
	readonly masked?: string;
}

/** What `claude -p` sends, or interactive `claude` once its question is answered. */
export interface Sending {
	readonly sends: readonly SentCredential[];
	/** The one the Anthropic API goes by; absent when Claude Code has none (it then asks for /login). */
	readonly uses?: SentCredential;
}

/** Interactive `claude` and the ANTHROPIC_API_KEY `claude -p` sends. */
export interface Interactive {
	/** approved: sent as in -p; rejected: never sent; asks: at start, default No. */
	readonly apiKey: "approved" | "rejected" | "asks" | "none";
	/** What it sends without that key (rejected, or the question answered No). */
	readonly withoutKey: Sending;
}

export interface ClaudeCodeAuth extends Sending {
	/** The cloud provider switch that is on; Claude Code then sends none of these. */
	readonly cloud?: string;
	/** Absent with a cloud switch. */
	readonly interactive?: Interactive;
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
	readonly state?: ClaudeCodeState;
}

export const LOGIN_WHERE = "your Claude Code login";

/** How interactive Claude Code remembers an answer about an environment key. */
export function keyTail(key: string): string {
	return key.slice(-20);
}

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
	const primary = inputs.state?.primaryApiKey;
	const sending = (withKey: boolean): Sending => {
		const xApiKey =
			withKey && apiKey
				? sent("x-api-key", "ANTHROPIC_API_KEY", apiKey)
				: (fromHelper("x-api-key") ??
					(primary && inputs.state
						? {
								header: "x-api-key",
								variable: "primaryApiKey",
								where: inputs.state.display,
								masked: maskOrEmpty(primary),
							}
						: undefined));
		const bearer = authToken
			? sent("authorization", "ANTHROPIC_AUTH_TOKEN", authToken)
			: (fromHelper("authorization") ??
				(oauth && !xApiKey ? sent("authorization", "CLAUDE_CODE_OAUTH_TOKEN", oauth) : undefined));
		const sends = [xApiKey, bearer].filter((credential) => credential !== undefined);
		if (sends.length === 0 && inputs.login === "yes") {
			sends.push({ header: "authorization", variable: "subscription", where: LOGIN_WHERE });
		}
		return { sends, uses: sends[0] };
	};
	const tail = apiKey && keyTail(apiKey.value);
	const answer = (): Interactive["apiKey"] => {
		if (!tail) return "none";
		if (inputs.state?.approved.includes(tail)) return "approved";
		return inputs.state?.rejected.includes(tail) ? "rejected" : "asks";
	};
	return { ...sending(true), interactive: { apiKey: answer(), withoutKey: sending(false) } };
}

/** Whether Claude Code sends `key`: `claude -p`, and interactive `claude` (after its question). */
export interface KeyVerdict {
	readonly print: boolean;
	readonly interactive: "yes" | "asks" | "no";
}

export function claudeCodeSendsKey(inputs: ClaudeCodeInputs, key: string): KeyVerdict {
	const auth = claudeCodeAuth(inputs);
	const settings = inputs.findings.filter((finding) => finding.source.kind === "claude-settings");
	const { value: terminal, winners } = inputs.terminal.ANTHROPIC_API_KEY;
	const apiKey = effective("ANTHROPIC_API_KEY", terminal, winners, settings)?.value;
	const primary = inputs.state?.primaryApiKey;
	const isKey = (sending: Sending | undefined, withKey: boolean) =>
		(withKey && sending?.uses?.variable === "ANTHROPIC_API_KEY" && apiKey === key) ||
		(sending?.uses?.variable === "primaryApiKey" && primary === key);
	const print = isKey(auth, true);
	const interactive = auth.interactive;
	if (!interactive) return { print, interactive: "no" };
	if (isKey(interactive.withoutKey, false)) return { print, interactive: "yes" };
	if (!print || interactive.apiKey === "rejected") return { print, interactive: "no" };
	return { print, interactive: interactive.apiKey === "asks" ? "asks" : "yes" };
}
