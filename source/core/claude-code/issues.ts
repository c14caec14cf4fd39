// What a person should know about the credential Claude Code sends, when several are set or
// interactive Claude Code would not send the one that `claude -p` sends.
import { isOurHelper } from "../keychain/consumers.js";
import { maskOrEmpty } from "../scan/classify.js";
import { type Issue, where } from "../scan/where.js";
import { type ClaudeCodeAuth, type ClaudeCodeInputs, LOGIN_WHERE, type SentCredential } from "./model.js";

export function named(credential: SentCredential): string {
	const shown = credential.masked ? ` (${credential.masked})` : "";
	if (credential.variable === "subscription") return LOGIN_WHERE;
	if (credential.variable === "primaryApiKey") return `the key /login stored${shown} in ${credential.where}`;
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
	// claude-setup's own keychain lookup, the one Claude Code uses: the keychain's part of status says so.
	const ours = helper && isOurHelper(helper.command) && uses?.variable === "apiKeyHelper";
	if (helper && !ours) {
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
		// Claude Code sends another key than the one checked: never "All good".
		issues.push({
			code: "claude-code-credential",
			severity: "error",
			message: `${where(fromSettings.source)} sets ANTHROPIC_API_KEY=${fromSettings.masked} in its env: Claude Code uses that, not the ${maskOrEmpty(apiKey.value)} a new terminal gets. Run \`claude-setup\` to put one key in both.`,
		});
	}
	const interactive = interactiveIssue(auth, inputs);
	if (interactive) issues.push(interactive);
	return issues;
}

/** Interactive `claude` asks before it uses an ANTHROPIC_API_KEY, and remembers a No. */
function interactiveIssue(auth: ClaudeCodeAuth, inputs: ClaudeCodeInputs): Issue | undefined {
	const { uses, interactive } = auth;
	if (uses?.variable !== "ANTHROPIC_API_KEY" || !interactive) return undefined;
	const key = `ANTHROPIC_API_KEY (${uses.masked})`;
	// Only where Claude Code has run (it keeps ~/.claude.json): elsewhere it may never be used.
	if (interactive.apiKey === "asks" && inputs.state) {
		return {
			code: "claude-code-interactive",
			severity: "warning",
			message: `Interactive Claude Code will ask "Do you want to use this API key?" about ${key}: choose Yes (↑ then Enter). Its default is No, and it remembers the answer.`,
		};
	}
	if (interactive.apiKey !== "rejected") return undefined;
	const instead = interactive.withoutKey.uses;
	return {
		code: "claude-code-interactive",
		severity: "error",
		message: `Interactive Claude Code will not use ${key}: you answered No when it asked about this key (customApiKeyResponses in ~/.claude.json). It ${instead ? `sends ${named(instead)} instead` : "says Not logged in"}. To use the key, close Claude Code and delete that key's entry from customApiKeyResponses.rejected, then answer Yes when it asks.`,
	};
}
