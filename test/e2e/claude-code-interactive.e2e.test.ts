// Interactive `claude` in a real pseudo-terminal, against the fake API: it asks before it uses an
// ANTHROPIC_API_KEY ("Do you want to use this API key?", default No), remembers the answer in
// ~/.claude.json's customApiKeyResponses by the key's last 20 characters, never sends a rejected
// key, and falls back to a key stored by /login (primaryApiKey). `status --json` must say the same.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claudeOnPath } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { openTerminal, runCli } from "../helpers/terminal.js";

const SECRET = "InteractiveSecretNeverShown";
const API = testKey(`${SECRET}Api`, "ApiK");
const PRIMARY = testKey(`${SECRET}Primary`, "PriK");
const OAUTH = `sk-ant-oat01-${SECRET}Oauth${"o".repeat(60)}OaTk`;
const QUESTION = "Do you want to use this API key?";
const READY = /auto mode on/;

interface Scenario {
	readonly name: string;
	/** Where ANTHROPIC_API_KEY is set: ~/.zshrc, or ~/.claude/settings.json's env. */
	readonly keyIn: "zshrc" | "settings";
	readonly remembered?: "approved" | "rejected";
	readonly primary?: boolean;
	/** A subscription login in ~/.claude/.credentials.json. */
	readonly login?: boolean;
	/** The answer at the question, when it is asked. */
	readonly answer?: "yes" | "no";
	/** What status says interactive Claude Code does about the key. */
	readonly model: "approved" | "rejected" | "asks";
	/** Whose key the fake API saw; undefined: none ("Not logged in"). */
	readonly sent?: "api key" | "login key" | "subscription";
}

const SCENARIOS: Scenario[] = [
	{ name: "a new key, answered Yes", keyIn: "zshrc", answer: "yes", model: "asks", sent: "api key" },
	{ name: "a new key, answered No", keyIn: "zshrc", answer: "no", model: "asks" },
	{
		name: "a key from settings.json env is asked about too",
		keyIn: "settings",
		answer: "yes",
		model: "asks",
		sent: "api key",
	},
	{
		name: "an approved key: no question",
		keyIn: "zshrc",
		remembered: "approved",
		model: "approved",
		sent: "api key",
	},
	{
		name: "a rejected key: never sent, not even asked",
		keyIn: "zshrc",
		remembered: "rejected",
		model: "rejected",
	},
	{
		name: "a rejected key and a /login key: the /login key goes",
		keyIn: "zshrc",
		remembered: "rejected",
		primary: true,
		model: "rejected",
		sent: "login key",
	},
	{
		name: "a rejected key and a subscription login: the subscription goes",
		keyIn: "zshrc",
		remembered: "rejected",
		login: true,
		model: "rejected",
		sent: "subscription",
	},
	{
		name: "a /login key and a new key, answered No: the /login key goes",
		keyIn: "zshrc",
		primary: true,
		answer: "no",
		model: "asks",
		sent: "login key",
	},
];

function prepare(scenario: Scenario, api: FakeAnthropic): Sandbox {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	if (scenario.keyIn === "zshrc")
		writeFileSync(join(sandbox.home, ".zshrc"), `export ANTHROPIC_API_KEY='${API}'\n`);
	else {
		mkdirSync(join(sandbox.home, ".claude"));
		writeFileSync(
			join(sandbox.home, ".claude", "settings.json"),
			JSON.stringify({ env: { ANTHROPIC_API_KEY: API } }),
		);
	}
	// Past the first-run screens, as for someone who has used Claude Code here before.
	const state: Record<string, unknown> = {
		hasCompletedOnboarding: true,
		projects: { [sandbox.project]: { hasTrustDialogAccepted: true } },
	};
	if (scenario.remembered) {
		const other = scenario.remembered === "approved" ? "rejected" : "approved";
		state.customApiKeyResponses = { [scenario.remembered]: [API.slice(-20)], [other]: [] };
	}
	if (scenario.primary) state.primaryApiKey = PRIMARY;
	if (scenario.login) {
		mkdirSync(join(sandbox.home, ".claude"), { recursive: true });
		const oauth = { accessToken: OAUTH, expiresAt: Date.now() + 1e10, scopes: ["user:inference"] };
		writeFileSync(
			join(sandbox.home, ".claude", ".credentials.json"),
			JSON.stringify({ claudeAiOauth: oauth }),
		);
	}
	writeFileSync(join(sandbox.home, ".claude.json"), JSON.stringify(state, null, 2));
	return sandbox;
}

/** Interactive `claude` from a fresh zsh in a pseudo-terminal: answer the question, ask one thing, quit. */
async function runInteractive(sandbox: Sandbox, answer: Scenario["answer"], replies: boolean) {
	const env = { ...sandbox.env, ...claudeOnPath(sandbox) };
	const terminal = openTerminal("zsh", ["-i", "-c", "claude"], {
		env,
		cwd: sandbox.project,
		cols: 100,
		rows: 40,
	});
	try {
		const first = await Promise.race([
			terminal.seen(QUESTION, 60_000).then(() => "question" as const),
			terminal.seen(READY, 60_000).then(() => "ready" as const),
		]);
		const screens = [terminal.screen()];
		if (first === "question") {
			// The cursor starts on "No (recommended)": Yes is one line up.
			if (answer === "yes") terminal.write("\x1b[A");
			await terminal.drawn();
			terminal.write("\r");
			await terminal.seen(READY, 30_000);
		}
		terminal.write("say hi");
		await terminal.seen("say hi", 10_000);
		terminal.write("\r");
		await terminal.seen(replies ? "Hello! Nice to meet you" : "Not logged in", 60_000);
		screens.push(terminal.screen());
		return { asked: first === "question", screens };
	} finally {
		terminal.kill();
	}
}

describe("interactive Claude Code: the API key question, its memory, a /login key", {
	timeout: 180_000,
}, () => {
	it.each(SCENARIOS)("$name", async (scenario) => {
		const api = await startFakeAnthropic({
			validKeys: [API, PRIMARY, OAUTH],
			keyNames: { [API]: "api key", [PRIMARY]: "login key", [OAUTH]: "subscription" },
		});
		try {
			const sandbox = prepare(scenario, api);
			const status = await runCli(sandbox, ["status", "--json", "--no-verify"]);
			expect(status.stdout).not.toContain(SECRET);
			const claim = JSON.parse(status.stdout).claudeCode;
			expect(claim.interactive.apiKey).toBe(scenario.model);
			const run = await runInteractive(sandbox, scenario.answer, scenario.sent !== undefined);
			for (const screen of run.screens) expect(screen).not.toContain(SECRET);
			expect(run.asked).toBe(scenario.model === "asks");
			const sent = new Set(
				api.requests
					.filter((request) => request.path === "/v1/messages")
					.map((request) => request.credentials["x-api-key"] ?? request.credentials.authorization),
			);
			expect([...sent]).toEqual(scenario.sent ? [scenario.sent] : []);
			// What status said it falls back to without the key is what went.
			if (scenario.model === "rejected" || scenario.answer === "no") {
				const fallback = claim.interactive.withoutKey.uses?.variable;
				const expected = { "login key": "primaryApiKey", subscription: "subscription", "api key": undefined };
				expect(fallback).toBe(scenario.sent ? expected[scenario.sent] : undefined);
			}
			if (scenario.answer) {
				const remembered = JSON.parse(readFileSync(join(sandbox.home, ".claude.json"), "utf8"));
				const list = scenario.answer === "yes" ? "approved" : "rejected";
				expect(remembered.customApiKeyResponses[list]).toContain(API.slice(-20));
			}
		} finally {
			await api.close();
		}
	});
});
