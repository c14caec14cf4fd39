// Every claim `status` makes about which credential Claude Code uses, checked against the real
// Claude Code: per scenario, credentials in ~/.zshrc and ~/.claude/settings.json, then both
// `claude-setup status --json` and `claude -p` from a fresh zsh; the fake API names whose key
// each header carried. Where they disagree, source/core/scan/claude-code.ts is what changes.
import { writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CredentialVariable as Variable } from "../../source/core/key/credential-variables.js";
import { claudeInFreshShell } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { runCli } from "../helpers/terminal.js";

const SECRET = "AgreeSecretNeverShown";
const KEYS = {
	api: testKey(`${SECRET}Api`, "ApiK"),
	other: testKey(`${SECRET}Other`, "OthK"),
	auth: testKey(`${SECRET}Auth`, "AutK"),
	helper: testKey(`${SECRET}Helper`, "HlpK"),
	oauth: `sk-ant-oat01-${SECRET}Oauth${"o".repeat(60)}OaTk`,
} as const;
type KeyName = keyof typeof KEYS;

interface Scenario {
	readonly name: string;
	/** Exported from ~/.zshrc, in this order. */
	readonly zshrc?: readonly (readonly [Variable, KeyName | ""])[];
	/** Also in ~/.zshrc: a setting such as CLAUDE_CODE_USE_BEDROCK=1. */
	readonly settingLines?: readonly string[];
	/** ~/.claude/settings.json `env`. */
	readonly settingsEnv?: Partial<Record<Variable, KeyName | "">>;
	/** ~/.claude/settings.json `apiKeyHelper`, printing this key. */
	readonly helper?: KeyName;
	/** A subscription login in ~/.claude/.credentials.json, its access token the OAuth key. */
	readonly login?: boolean;
	/** settings.json opens with a // comment (Claude Code then skips the whole file). */
	readonly commented?: boolean;
}

const SCENARIOS: Scenario[] = [
	{ name: "ANTHROPIC_API_KEY only", zshrc: [["ANTHROPIC_API_KEY", "api"]] },
	{ name: "ANTHROPIC_AUTH_TOKEN only", zshrc: [["ANTHROPIC_AUTH_TOKEN", "auth"]] },
	{ name: "CLAUDE_CODE_OAUTH_TOKEN only", zshrc: [["CLAUDE_CODE_OAUTH_TOKEN", "oauth"]] },
	{
		name: "ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN",
		zshrc: [
			["ANTHROPIC_API_KEY", "api"],
			["ANTHROPIC_AUTH_TOKEN", "auth"],
		],
	},
	{
		name: "ANTHROPIC_API_KEY and CLAUDE_CODE_OAUTH_TOKEN",
		zshrc: [
			["ANTHROPIC_API_KEY", "api"],
			["CLAUDE_CODE_OAUTH_TOKEN", "oauth"],
		],
	},
	{
		name: "ANTHROPIC_AUTH_TOKEN and CLAUDE_CODE_OAUTH_TOKEN",
		zshrc: [
			["ANTHROPIC_AUTH_TOKEN", "auth"],
			["CLAUDE_CODE_OAUTH_TOKEN", "oauth"],
		],
	},
	{
		name: "an empty ANTHROPIC_API_KEY and CLAUDE_CODE_OAUTH_TOKEN",
		zshrc: [
			["ANTHROPIC_API_KEY", ""],
			["CLAUDE_CODE_OAUTH_TOKEN", "oauth"],
		],
	},
	{ name: "apiKeyHelper only", helper: "helper" },
	{ name: "apiKeyHelper and ANTHROPIC_API_KEY", helper: "helper", zshrc: [["ANTHROPIC_API_KEY", "api"]] },
	{
		name: "apiKeyHelper and ANTHROPIC_AUTH_TOKEN",
		helper: "helper",
		zshrc: [["ANTHROPIC_AUTH_TOKEN", "auth"]],
	},
	{
		name: "apiKeyHelper and CLAUDE_CODE_OAUTH_TOKEN",
		helper: "helper",
		zshrc: [["CLAUDE_CODE_OAUTH_TOKEN", "oauth"]],
	},
	{
		name: "settings.json env's ANTHROPIC_API_KEY over ~/.zshrc's",
		zshrc: [["ANTHROPIC_API_KEY", "other"]],
		settingsEnv: { ANTHROPIC_API_KEY: "api" },
	},
	{
		name: "an empty ANTHROPIC_API_KEY in settings.json env hides ~/.zshrc's",
		zshrc: [["ANTHROPIC_API_KEY", "api"]],
		settingsEnv: { ANTHROPIC_API_KEY: "" },
	},
	{
		name: "settings.json env's ANTHROPIC_AUTH_TOKEN beside ~/.zshrc's ANTHROPIC_API_KEY",
		zshrc: [["ANTHROPIC_API_KEY", "api"]],
		settingsEnv: { ANTHROPIC_AUTH_TOKEN: "auth" },
	},
	{
		name: "a settings.json with a comment is skipped whole: ~/.zshrc's key goes",
		zshrc: [["ANTHROPIC_API_KEY", "api"]],
		settingsEnv: { ANTHROPIC_API_KEY: "other" },
		commented: true,
	},
	{ name: "a subscription login only", login: true },
	{ name: "a subscription login and ANTHROPIC_API_KEY", login: true, zshrc: [["ANTHROPIC_API_KEY", "api"]] },
	{
		name: "CLAUDE_CODE_USE_BEDROCK=1 and ANTHROPIC_API_KEY",
		zshrc: [["ANTHROPIC_API_KEY", "api"]],
		settingLines: ["export CLAUDE_CODE_USE_BEDROCK=1", "export AWS_REGION=us-east-1"],
	},
	{ name: "no credential anywhere" },
];

const SETTINGS = "~/.claude/settings.json";

/** Whose key is whose, as `status` names a place: "ANTHROPIC_API_KEY ~/.zshrc line 2". */
function labels(scenario: Scenario): Record<string, string> {
	const names: Record<string, string> = {};
	(scenario.zshrc ?? []).forEach(([variable, key], index) => {
		if (key !== "") names[KEYS[key]] = `${variable} ~/.zshrc line ${index + 1}`;
	});
	for (const [variable, key] of Object.entries(scenario.settingsEnv ?? {})) {
		if (key && !scenario.commented) names[KEYS[key]] = `${variable} ${SETTINGS}`;
	}
	if (scenario.helper) names[KEYS[scenario.helper]] = `apiKeyHelper ${SETTINGS}`;
	if (scenario.login) names[KEYS.oauth] = "subscription your Claude Code login";
	return names;
}

async function sandboxFor(scenario: Scenario, api: FakeAnthropic) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	const lines = (scenario.zshrc ?? []).map(
		([variable, key]) => `export ${variable}='${key ? KEYS[key] : ""}'`,
	);
	writeFileSync(join(sandbox.home, ".zshrc"), [...lines, ...(scenario.settingLines ?? [])].join("\n"));
	const settings: Record<string, unknown> = {};
	if (scenario.settingsEnv) {
		settings.env = Object.fromEntries(
			Object.entries(scenario.settingsEnv).map(([variable, key]) => [variable, key ? KEYS[key] : ""]),
		);
	}
	if (scenario.helper) {
		// The helper reads the key from a file: no key in settings.json or on a command line.
		writeFileSync(join(sandbox.home, "helper-key"), KEYS[scenario.helper]);
		settings.apiKeyHelper = `cat ${join(sandbox.home, "helper-key")}`;
	}
	await mkdir(join(sandbox.home, ".claude"));
	const comment = scenario.commented ? "// mine\n" : "";
	writeFileSync(join(sandbox.home, ".claude", "settings.json"), comment + JSON.stringify(settings));
	if (scenario.login) {
		const day = 86_400_000;
		const login = {
			claudeAiOauth: {
				accessToken: KEYS.oauth,
				refreshToken: `sk-ant-ort01-${"r".repeat(60)}`,
				expiresAt: Date.now() + 300 * day,
				scopes: ["user:inference", "user:profile"],
				subscriptionType: "max",
			},
		};
		writeFileSync(join(sandbox.home, ".claude", ".credentials.json"), JSON.stringify(login));
	}
	return sandbox;
}

interface Sent {
	readonly header: string;
	readonly variable: string;
	readonly where: string;
}

describe("status says which credential Claude Code uses; the real Claude Code agrees", {
	timeout: 120_000,
}, () => {
	// Each scenario has its own fake API, so it sees only its own requests. One at a time: a burst of
	// eighteen Claude Codes starves the CPU-bound tests running beside this file.
	it.each(SCENARIOS)("$name", async (scenario) => {
		const api = await startFakeAnthropic({ validKeys: Object.values(KEYS), keyNames: labels(scenario) });
		try {
			await agree(scenario, api);
		} finally {
			await api.close();
		}
	});
});

async function agree(scenario: Scenario, api: FakeAnthropic): Promise<void> {
	const sandbox = await sandboxFor(scenario, api);
	const [status, claude] = await Promise.all([
		runCli(sandbox, ["status", "--json", "--no-verify"]),
		claudeInFreshShell("zsh", sandbox),
	]);
	for (const text of [status.stdout, status.stderr, claude.stdout, claude.stderr]) {
		expect(text).not.toContain(SECRET);
	}
	const claim = JSON.parse(status.stdout).claudeCode as { sends: Sent[]; uses?: Sent; cloud?: string };
	const said = claim.sends.map((sent) => `${sent.header}: ${sent.variable} ${sent.where}`);
	const requests = api.requests.filter((request) => request.path === "/v1/messages");
	if (claim.cloud !== undefined) {
		// "It uses that cloud provider and ignores your API key": nothing reaches the Anthropic API.
		expect(said).toEqual([]);
		expect(api.requests).toEqual([]);
		expect(claude.stdout).toContain("AWS");
		return;
	}
	if (claim.uses === undefined) {
		expect(said).toEqual([]);
		expect(requests).toEqual([]);
		expect(claude.stdout).toContain("Not logged in");
		expect(claude.exitCode).not.toBe(0);
		return;
	}
	expect(claude.stdout).toBe("Hello! Nice to meet you.");
	expect(requests.length).toBeGreaterThan(0);
	for (const request of requests) {
		const sent = Object.entries(request.credentials).map(([header, name]) => `${header}: ${name}`);
		expect(sent.sort()).toEqual([...said].sort());
		// The API goes by the header `status` says Claude Code's key is taken from.
		expect(request.authHeader).toBe(claim.uses.header);
	}
}
