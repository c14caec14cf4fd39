// The model of what Claude Code sends, for `claude -p` and interactive `claude`, table-driven.
// The same rules are checked against the real binary in test/e2e/claude-code-*.e2e.test.ts.
import { describe, expect, it } from "vitest";
import { claudeCodeIssues } from "../../../source/core/claude-code/issues.js";
import {
	type ClaudeCodeInputs,
	claudeCodeAuth,
	claudeCodeSendsKey,
	keyTail,
} from "../../../source/core/claude-code/model.js";
import { apiKeyHelperCommand } from "../../../source/core/keychain/consumers.js";
import { makeFinding } from "../../../source/core/scan/read.js";
import type { ClaudeCodeState } from "../../../source/core/scan/scan-types.js";
import { testKey } from "../../helpers/temp-system.js";

const KEY = testKey("ModelKey", "KeyK");
const OTHER = testKey("ModelOther", "OthK");
const PRIMARY = testKey("ModelPrimary", "PriK");
const SETTINGS = {
	kind: "claude-settings",
	path: "/h/.claude/settings.json",
	display: "~/.claude/settings.json",
} as const;

function inputs(options: {
	terminal?: string;
	settings?: string;
	state?: Partial<ClaudeCodeState>;
	login?: "yes" | "no";
}): ClaudeCodeInputs {
	const unset = { value: { state: "unset", shell: "zsh" } as const, winners: [] };
	return {
		terminal: {
			ANTHROPIC_API_KEY: options.terminal
				? { value: { state: "set", value: options.terminal, shell: "zsh" }, winners: [] }
				: unset,
			ANTHROPIC_AUTH_TOKEN: unset,
			CLAUDE_CODE_OAUTH_TOKEN: unset,
		},
		findings: options.settings ? [makeFinding("ANTHROPIC_API_KEY", options.settings, SETTINGS)] : [],
		apiKeyHelpers: [],
		login: options.login ?? "no",
		state: options.state && {
			path: "/h/.claude.json",
			display: "~/.claude.json",
			approved: [],
			rejected: [],
			...options.state,
		},
	};
}

describe("claudeCodeSendsKey", () => {
	it.each([
		{
			name: "the terminal's key, never asked",
			given: inputs({ terminal: KEY }),
			print: true,
			interactive: "asks",
		},
		{
			name: "approved",
			given: inputs({ terminal: KEY, state: { approved: [keyTail(KEY)] } }),
			print: true,
			interactive: "yes",
		},
		{
			name: "rejected, nothing else",
			given: inputs({ terminal: KEY, state: { rejected: [keyTail(KEY)] } }),
			print: true,
			interactive: "no",
		},
		{
			name: "a settings.json env key beats the terminal's",
			given: inputs({ terminal: KEY, settings: OTHER }),
			print: false,
			interactive: "no",
		},
		{
			name: "the settings.json key is the key",
			given: inputs({ terminal: OTHER, settings: KEY }),
			print: true,
			interactive: "asks",
		},
		{
			name: "a /login key when no ANTHROPIC_API_KEY is set",
			given: inputs({ state: { primaryApiKey: KEY } }),
			print: true,
			interactive: "yes",
		},
		{
			name: "the terminal's key beats a /login key for -p",
			given: inputs({ terminal: KEY, state: { primaryApiKey: PRIMARY } }),
			print: true,
			interactive: "asks",
		},
		{ name: "a subscription login only", given: inputs({ login: "yes" }), print: false, interactive: "no" },
		{
			name: "the key beats a subscription login",
			given: inputs({ terminal: KEY, login: "yes" }),
			print: true,
			interactive: "asks",
		},
	] as const)("$name", ({ given, print, interactive }) => {
		expect(claudeCodeSendsKey(given, KEY)).toEqual({ print, interactive });
	});
});

describe("interactive Claude Code in the model and in status's issues", () => {
	it("a rejected key falls back to the /login key, and status calls it an error", () => {
		const given = inputs({ terminal: KEY, state: { rejected: [keyTail(KEY)], primaryApiKey: PRIMARY } });
		const auth = claudeCodeAuth(given);
		expect(auth.uses?.variable).toBe("ANTHROPIC_API_KEY");
		expect(auth.interactive?.apiKey).toBe("rejected");
		expect(auth.interactive?.withoutKey.uses).toMatchObject({
			variable: "primaryApiKey",
			header: "x-api-key",
		});
		const issue = claudeCodeIssues(auth, given).find((found) => found.code === "claude-code-interactive");
		expect(issue?.severity).toBe("error");
		expect(issue?.message).toContain("answered No");
		expect(JSON.stringify(auth)).not.toContain("ModelPrimary");
	});

	it("a key not yet asked about: a warning saying to choose Yes, only where Claude Code has run", () => {
		const ran = inputs({ terminal: KEY, state: {} });
		const asks = claudeCodeIssues(claudeCodeAuth(ran), ran).find(
			(found) => found.code === "claude-code-interactive",
		);
		expect(asks).toMatchObject({ severity: "warning" });
		expect(asks?.message).toContain("choose Yes");
		const never = inputs({ terminal: KEY });
		expect(claudeCodeIssues(claudeCodeAuth(never), never)).toEqual([]);
	});

	it("a settings.json key that beats the terminal's is an error: status is never All good then", () => {
		const given = inputs({ terminal: KEY, settings: OTHER });
		const issues = claudeCodeIssues(claudeCodeAuth(given), given);
		expect(issues.find((found) => found.code === "claude-code-credential")?.severity).toBe("error");
	});
});

describe("apiKeyHelper", () => {
	const ours = apiKeyHelperCommand("secret-service", "ANTHROPIC_API_KEY");
	it.each([
		{ name: "a person's own helper", command: "~/bin/get-key.sh", settings: undefined, warned: true },
		{
			name: "claude-setup's keychain lookup, which Claude Code uses",
			command: ours,
			settings: undefined,
			warned: false,
		},
		{
			name: "claude-setup's lookup, beaten by a key in settings",
			command: ours,
			settings: OTHER,
			warned: true,
		},
	])("$name: warned $warned", ({ command, settings, warned }) => {
		const given = {
			...inputs({ settings }),
			apiKeyHelpers: [{ path: SETTINGS.path, display: SETTINGS.display, command }],
		};
		const codes = claudeCodeIssues(claudeCodeAuth(given), given).map((issue) => issue.code);
		expect(codes.includes("api-key-helper")).toBe(warned);
	});
});
