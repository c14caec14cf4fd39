// buildStatus over real files in a temp HOME, real zsh asked what a new terminal gets, and
// the fake Anthropic API for the live check. Nothing it returns or prints may hold a secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectPlatform } from "../../../source/core/platform/platform.js";
import { statusLines } from "../../../source/core/status/render.js";
import { buildStatus, type StatusReport } from "../../../source/core/status/report.js";
import { createAnthropicApi } from "../../../source/system/anthropic-api.js";
import { type FakeAnthropic, startFakeAnthropic } from "../../helpers/fake-anthropic.js";
import { closedURL, makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { KEY, MASKED_KEY, MASKED_OLD, OAUTH, OLD_KEY, SECRETS, writeFiles } from "../scan/scan-fixtures.js";

const A = "ANTHROPIC_API_KEY";
const REFUSED_SECRET = "S3cretRefused";
const REFUSED = testKey(REFUSED_SECRET, "ReFu");
const ALL_SECRETS = [...SECRETS, REFUSED_SECRET];
/** This terminal as a new one opened after the key was saved: the same key. */
const HERE = { [A]: KEY };
const rejectedWhy =
	'The API answered 401: the key is invalid, revoked or mistyped. The API said: "Invalid bearer token".';

let api: FakeAnthropic;
let unreachableURL: string;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [KEY, OLD_KEY] });
	unreachableURL = await closedURL();
});
afterAll(async () => {
	await api.close();
	await removeTempSystems();
});

interface Scenario {
	readonly name: string;
	/** Files under the temp HOME ("~/…") or the project ("./…"). */
	readonly files?: Readonly<Record<string, string>>;
	/** This process's environment. */
	readonly env?: Readonly<Record<string, string>>;
	readonly verify?: boolean;
	readonly unreachable?: boolean;
	readonly masked: string | undefined;
	/** Where the findings marked as the value a new terminal gets are. */
	readonly wins: readonly string[];
	readonly codes: readonly string[];
	readonly exitCode: number;
	/** The last line, when it is not "All good." or the generic one. */
	readonly verdict?: string;
	readonly check?: (report: StatusReport) => void;
	/** The key the keychain holds while no shell block loads it (--no-shell). */
	readonly onRequest?: string;
}

const SCENARIOS: Scenario[] = [
	{ name: "nothing set", masked: undefined, wins: [], codes: ["terminal-missing"], exitCode: 7 },
	{
		name: "the keychain, loaded only on request: no key in a new terminal by choice; its key checked live",
		onRequest: KEY,
		masked: undefined,
		wins: [],
		codes: [],
		exitCode: 0,
		check: (report) => {
			expect(report.liveCheck).toEqual({ ok: true });
			expect(report.newTerminal.onRequest).toBe(true);
			expect(statusLines(report)).toContain(
				"A new zsh terminal gets: nothing (by choice: the keychain gives the key only on request)",
			);
			expect(statusLines(report)).toContain("✓ The API accepts the key in the keychain.");
		},
	},
	{
		name: "the keychain, loaded only on request, but a new terminal gets another key from ~/.zshrc",
		onRequest: KEY,
		env: { [A]: OLD_KEY },
		files: { "~/.zshrc": `export ${A}=${OLD_KEY}\n` },
		masked: MASKED_OLD,
		wins: ["~/.zshrc line 1"],
		codes: ["disagree"],
		exitCode: 7,
		check: (report) =>
			expect(report.issues[0]?.message).toBe(
				`A new zsh terminal gets ${MASKED_OLD} in ~/.zshrc line 1, not the key in the keychain (${MASKED_KEY}), which only \`claude-setup run\` gives. Run \`claude-setup\` to set one key everywhere (it offers to comment out the others).`,
			),
	},
	{
		name: "the keychain, loaded only on request, holds a key the API rejects",
		onRequest: REFUSED,
		masked: undefined,
		wins: [],
		codes: [],
		exitCode: 4,
		verdict:
			"The key in the keychain is rejected (401): create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
	},
	{
		name: "one good key in ~/.zshrc, checked live",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 0,
		check: (report) => expect(report.liveCheck).toEqual({ ok: true }),
	},
	{
		name: "one good key in ~/.zshrc, --no-verify",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 0,
		check: (report) => expect(report.liveCheck).toBeUndefined(),
	},
	{
		name: "a key the API rejects",
		env: { [A]: REFUSED },
		files: { "~/.zshrc": `export ${A}='${REFUSED}'\n` },
		masked: "sk-ant-api03-…ReFu",
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 4,
		// Nobody is pasting in `status`: the next step is a new key, saved by claude-setup.
		verdict:
			"Your ~/.zshrc key is rejected (401): create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
		check: (report) => {
			expect(report.liveCheck?.ok).toBe(false);
			const lines = statusLines(report);
			// The fix is the last line's: not said under the API's answer as well.
			expect(report.liveCheck?.ok === false && report.liveCheck.advice.next).toEqual([
				"Create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
			]);
			expect(lines.filter((line) => line.includes("Create a new key"))).toEqual([]);
			expect(lines.join("\n")).not.toContain("Paste");
			// The rejected key is not ticked.
			expect(lines).toContain(
				"  ✗ ANTHROPIC_API_KEY  sk-ant-api03-…ReFu  ~/.zshrc line 1  ← a new terminal gets this",
			);
		},
	},
	{
		name: "the API cannot be reached",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		unreachable: true,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 5,
	},
	{
		name: "~/.zshrc and ~/.bash_profile disagree",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\n`, "~/.bash_profile": `export ${A}="${OLD_KEY}"\n` },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["disagree"],
		exitCode: 7,
	},
	{
		// The count said is the count listed: not "2 different values" followed by three places.
		name: "three places, two values: the message counts both",
		env: HERE,
		files: {
			"~/.zshrc": `export ${A}=${KEY}\n`,
			"~/.bashrc": `export ${A}=${OLD_KEY}\n`,
			"~/.bash_profile": `export ${A}=${OLD_KEY}\n`,
		},
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["disagree"],
		exitCode: 7,
		check: (report) => {
			const message = report.issues[0]?.message ?? "";
			expect(message).toContain("is set in 3 places, to 2 different values");
			expect(message.split(" in ~/").length - 1).toBe(3);
		},
	},
	{
		name: "the same key in ~/.zshrc and ~/.bash_profile: only the zsh file is what a zsh terminal gets",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\n`, "~/.bash_profile": `export ${A}=${KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 0,
	},
	{
		name: "this process holds an older key than a new terminal gets",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		env: { [A]: OLD_KEY },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		// Both keys work, but programs started here get the old one: not "All good".
		exitCode: 7,
		verdict: `A new terminal gets a key that works, but this one has ${MASKED_OLD}: open a new terminal or run \`source ~/.zshrc\`.`,
		check: (report) => {
			expect(report.thisProcess).toMatchObject({
				masked: MASKED_OLD,
				sameAsNewTerminal: false,
				liveCheck: { ok: true },
			});
			expect(report.liveCheck).toEqual({ ok: true });
		},
	},
	{
		name: "the classic 401: this terminal's key is rejected, ~/.zshrc's works",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		env: { [A]: REFUSED },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		exitCode: 4,
		verdict:
			"This terminal's key is rejected (401); your ~/.zshrc key works: open a new terminal or run `source ~/.zshrc`.",
		check: (report) => {
			expect(report.liveCheck).toEqual({ ok: true });
			expect(report.thisProcess.liveCheck).toMatchObject({ ok: false, status: 401 });
			expect(statusLines(report)).toContain(`✗ The API rejects this terminal's key (401). ${rejectedWhy}`);
		},
	},
	{
		name: "the other way round: ~/.zshrc's key is rejected, this terminal's works",
		files: { "~/.zshrc": `export ${A}=${REFUSED}\n` },
		env: { [A]: KEY },
		masked: "sk-ant-api03-…ReFu",
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		exitCode: 4,
		verdict:
			"Your ~/.zshrc key is rejected (401); this terminal's key works: save this terminal's key for every new one: `printf %s \"$ANTHROPIC_API_KEY\" | claude-setup --key-stdin`.",
		// Every line agrees with the verdict: keep this terminal's key; a new terminal would not help.
		check: (report) => {
			const lines = statusLines(report);
			const text = lines.join("\n");
			expect(text).not.toContain("Paste");
			expect(text).not.toContain("To fix it, open a new terminal");
			expect(report.liveCheck?.ok === false && report.liveCheck.advice.next[0]).toBe(
				'Save this terminal\'s key for every new one: `printf %s "$ANTHROPIC_API_KEY" | claude-setup --key-stdin`.',
			);
			expect(report.issues[0]?.message).toContain("keep it here, and save it for every new terminal");
			expect(text).toContain("✗ The key was rejected (the key a new terminal gets).");
			expect(lines).toContain("✓ The API accepts this terminal's key.");
		},
	},
	{
		name: "both keys rejected",
		files: { "~/.zshrc": `export ${A}=${REFUSED}\n` },
		env: { [A]: testKey("S3cretAlsoRefused", "AlRe") },
		masked: "sk-ant-api03-…ReFu",
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		exitCode: 4,
		verdict:
			"Both keys are rejected: this terminal's (401) and your ~/.zshrc key (401). Create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
		check: (report) => {
			const text = statusLines(report).join("\n");
			expect(text).toContain(
				"Opening a new terminal would not help: the key it gets is rejected (see below).",
			);
			expect(text).not.toContain("To fix it, open a new terminal");
			expect(text).not.toContain("Paste");
		},
	},
	{
		name: "this terminal has no key yet (just saved), a new one has it",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		exitCode: 7,
		verdict:
			"A new terminal gets a key that works, but this one has no key: open a new terminal or run `source ~/.zshrc`.",
		check: (report) => expect(report.thisProcess).toEqual({ sameAsNewTerminal: false }),
	},
	{
		name: "this terminal's key is cut off: not sent to the API",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		env: { [A]: KEY.slice(0, 60) },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		exitCode: 7,
		verdict: `A new terminal gets a key that works, but this one has sk-ant-api03-…xxxx: open a new terminal or run \`source ~/.zshrc\`.`,
		check: (report) => {
			expect(report.thisProcess.liveCheck).toBeUndefined();
			expect(api.requests.filter((request) => request.path === "/v1/models")).toHaveLength(1);
		},
	},
	{
		name: "a stale terminal with --no-verify: no request at all, still not all good",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		env: { [A]: OLD_KEY },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal"],
		exitCode: 7,
		verdict: `A new terminal gets ${MASKED_KEY}, but this one has ${MASKED_OLD}: open a new terminal or run \`source ~/.zshrc\`.`,
		check: () => expect(api.requests).toHaveLength(0),
	},
	{
		name: "an empty ANTHROPIC_API_KEY= in .env and a key in the shell",
		env: HERE,
		files: { "./.env": `${A}=\n`, "~/.zshrc": `export ${A}=${KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["empty", "shell-beats-dotenv"],
		exitCode: 0,
	},
	{
		name: "this process has an empty ANTHROPIC_API_KEY",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		env: { [A]: "" },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["stale-terminal", "empty"],
		exitCode: 7,
		verdict: `A new terminal gets ${MASKED_KEY}, but this one has (empty): open a new terminal or run \`source ~/.zshrc\`.`,
		check: (report) => {
			const messages = report.issues.map((issue) => issue.message).join("\n");
			expect(messages).toContain(`This terminal has ${A}=(empty), but a new one gets ${MASKED_KEY}`);
			// Empty: nothing to ask the API about.
			expect(report.thisProcess.liveCheck).toBeUndefined();
			expect(messages).toContain(`Run \`unset ${A}\``);
		},
	},
	{
		name: "a key with trailing spaces inside quotes",
		env: { [A]: `${KEY}  ` },
		files: { "~/.zshrc": `export ${A}="${KEY}  "\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		// This terminal's value and ~/.zshrc's.
		codes: ["whitespace", "whitespace"],
		exitCode: 7,
	},
	{
		name: "an OAuth token in ANTHROPIC_API_KEY",
		env: { [A]: OAUTH },
		files: { "~/.zshrc": `export ${A}=${OAUTH}\n` },
		masked: "sk-ant-oat01-…OaTk",
		wins: ["~/.zshrc line 1"],
		codes: ["terminal-malformed", "wrong-kind", "wrong-kind"],
		exitCode: 7,
		// Not a key: the live check is not even tried.
		check: (report) => expect(report.liveCheck).toBeUndefined(),
	},
	{
		name: "ANTHROPIC_AUTH_TOKEN set as well",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\nexport ANTHROPIC_AUTH_TOKEN=${OLD_KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["auth-token"],
		exitCode: 0,
	},
	{
		name: "CLAUDE_CODE_USE_BEDROCK=1",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\nexport CLAUDE_CODE_USE_BEDROCK=1\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["cloud-switch"],
		// Claude Code sends no API key with a cloud switch on: never "All good".
		exitCode: 7,
		check: (report) => {
			const issue = report.issues.find((found) => found.code === "cloud-switch");
			expect(issue?.severity).toBe("error");
			expect(issue?.message).toContain("Remove that line (or set CLAUDE_CODE_USE_BEDROCK=0)");
		},
	},
	{
		name: "CLAUDE_CODE_USE_VERTEX=true in ~/.claude/settings.json env",
		env: HERE,
		files: {
			"~/.claude/settings.json": JSON.stringify({ env: { CLAUDE_CODE_USE_VERTEX: "true" } }),
			"~/.zshrc": `export ${A}=${KEY}\n`,
		},
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["cloud-switch"],
		exitCode: 7,
		check: (report) => {
			expect(report.issues[0]?.severity).toBe("error");
			expect(report.issues[0]?.message).toContain(
				'Remove CLAUDE_CODE_USE_VERTEX from the "env" in ~/.claude/settings.json',
			);
		},
	},
	{
		name: "CLAUDE_CODE_USE_FOUNDRY=1 only in this terminal",
		env: { ...HERE, CLAUDE_CODE_USE_FOUNDRY: "1" },
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["cloud-switch"],
		exitCode: 7,
		check: (report) => expect(report.issues[0]?.message).toContain("Run `unset CLAUDE_CODE_USE_FOUNDRY`"),
	},
	{
		name: "CLAUDE_CODE_USE_BEDROCK=0 is off",
		env: HERE,
		files: { "~/.zshrc": `export ${A}=${KEY}\nexport CLAUDE_CODE_USE_BEDROCK=0\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 0,
	},
	{
		name: "a Claude Code subscription login and a key for every terminal",
		env: HERE,
		files: { "~/.claude/.credentials.json": "{}\n", "~/.zshrc": `export ${A}=${KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["billing"],
		exitCode: 0,
		check: (report) => expect(report.claudeCodeLogin).toBe("yes"),
	},
	{
		name: "apiKeyHelper in ~/.claude/settings.json",
		env: HERE,
		files: {
			"~/.claude/settings.json": JSON.stringify({ apiKeyHelper: "~/bin/get-key.sh" }),
			"~/.zshrc": `export ${A}=${KEY}\n`,
		},
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["api-key-helper"],
		exitCode: 0,
		check: (report) =>
			expect(report.apiKeyHelpers.map((helper) => helper.command)).toEqual(["~/bin/get-key.sh"]),
	},
];

async function statusOf(scenario: Scenario): Promise<StatusReport> {
	const baseURL = scenario.unreachable ? unreachableURL : api.url;
	const { system, home, project } = await makeTempSystem({
		shell: "zsh",
		env: { ...scenario.env },
		api: createAnthropicApi({ baseURL, timeoutMs: 5000 }),
	});
	const at = (root: string) =>
		Object.fromEntries(
			Object.entries(scenario.files ?? {})
				.filter(([name]) => name.startsWith(root === home ? "~/" : "./"))
				.map(([name, content]) => [name.slice(2), content]),
		);
	await writeFiles(home, at(home));
	await writeFiles(project, at(project));
	const detected = detectPlatform({ platform: system.platform, env: system.env, home });
	return buildStatus(system, { detected, verify: scenario.verify ?? true, onRequest: scenario.onRequest });
}

describe("buildStatus", { timeout: 30_000 }, () => {
	it.each(SCENARIOS)("$name", async (scenario) => {
		api.requests.length = 0;
		const report = await statusOf(scenario);
		const shown = [JSON.stringify(report), statusLines(report).join("\n")];
		for (const text of shown) for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
		expect(report.newTerminal.shell).toBe("zsh");
		expect(report.newTerminal.masked).toBe(scenario.masked);
		expect(report.findings.filter((finding) => finding.wins).map((finding) => finding.where)).toEqual(
			scenario.wins,
		);
		expect(report.issues.map((issue) => issue.code)).toEqual(scenario.codes);
		expect(report.exitCode).toBe(scenario.exitCode);
		const verdict = statusLines(report).at(-1);
		expect(verdict).toBe(
			scenario.verdict ?? (scenario.exitCode === 0 ? "All good." : "Not everything checks out — see above."),
		);
		scenario.check?.(report);
		expect(fixesSaidTwice(statusLines(report))).toEqual([]);
	});
});

/**
 * The fixes a report gives (a clause with a command, "open a new terminal" or the console), each
 * said more than once: the 401 of a stale terminal used to give its fix in the problem, under the
 * API's answer and in the last line.
 */
function fixesSaidTwice(lines: readonly string[]): string[] {
	const fixes = lines
		.flatMap((line) => line.split(/(?<=[.;:])\s+/))
		.map((clause) =>
			clause
				.replace(/^\s*(?:[→✗!]\s+)?(?:To fix it, )?/, "")
				.replace(/[.;:]$/, "")
				.toLowerCase(),
		)
		.filter((clause) => /`|open a new terminal|console\.anthropic\.com/.test(clause));
	return [...new Set(fixes.filter((fix, index) => fixes.indexOf(fix) !== index))];
}
