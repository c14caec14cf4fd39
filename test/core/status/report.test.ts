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
	readonly check?: (report: StatusReport) => void;
}

const SCENARIOS: Scenario[] = [
	{ name: "nothing set", masked: undefined, wins: [], codes: ["terminal-missing"], exitCode: 7 },
	{
		name: "one good key in ~/.zshrc, checked live",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 0,
		check: (report) => expect(report.liveCheck).toEqual({ ok: true }),
	},
	{
		name: "one good key in ~/.zshrc, --no-verify",
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
		files: { "~/.zshrc": `export ${A}='${REFUSED}'\n` },
		masked: "sk-ant-api03-…ReFu",
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 4,
		check: (report) => expect(report.liveCheck?.ok).toBe(false),
	},
	{
		name: "the API cannot be reached",
		files: { "~/.zshrc": `export ${A}=${KEY}\n` },
		unreachable: true,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: [],
		exitCode: 5,
	},
	{
		name: "~/.zshrc and ~/.bash_profile disagree",
		files: { "~/.zshrc": `export ${A}=${KEY}\n`, "~/.bash_profile": `export ${A}="${OLD_KEY}"\n` },
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["disagree"],
		exitCode: 7,
	},
	{
		name: "the same key in ~/.zshrc and ~/.bash_profile: only the zsh file is what a zsh terminal gets",
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
		exitCode: 0,
		check: (report) => expect(report.thisProcess.masked).toBe(MASKED_OLD),
	},
	{
		name: "an empty ANTHROPIC_API_KEY= in .env and a key in the shell",
		files: { "./.env": `${A}=\n`, "~/.zshrc": `export ${A}=${KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["empty"],
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
		exitCode: 0,
		check: (report) => {
			const messages = report.issues.map((issue) => issue.message).join("\n");
			expect(messages).toContain(`This terminal has ${A}=(empty), but a new one gets ${MASKED_KEY}`);
			expect(messages).toContain(`Run \`unset ${A}\``);
		},
	},
	{
		name: "a key with trailing spaces inside quotes",
		files: { "~/.zshrc": `export ${A}="${KEY}  "\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["whitespace"],
		exitCode: 7,
	},
	{
		name: "an OAuth token in ANTHROPIC_API_KEY",
		files: { "~/.zshrc": `export ${A}=${OAUTH}\n` },
		masked: "sk-ant-oat01-…OaTk",
		wins: ["~/.zshrc line 1"],
		codes: ["terminal-malformed", "wrong-kind"],
		exitCode: 7,
		// Not a key: the live check is not even tried.
		check: (report) => expect(report.liveCheck).toBeUndefined(),
	},
	{
		name: "ANTHROPIC_AUTH_TOKEN set as well",
		files: { "~/.zshrc": `export ${A}=${KEY}\nexport ANTHROPIC_AUTH_TOKEN=${OLD_KEY}\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["auth-token"],
		exitCode: 0,
	},
	{
		name: "CLAUDE_CODE_USE_BEDROCK=1",
		files: { "~/.zshrc": `export ${A}=${KEY}\nexport CLAUDE_CODE_USE_BEDROCK=1\n` },
		verify: false,
		masked: MASKED_KEY,
		wins: ["~/.zshrc line 1"],
		codes: ["cloud-switch"],
		exitCode: 0,
	},
	{
		name: "a Claude Code subscription login and a key for every terminal",
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
	return buildStatus(system, { detected, verify: scenario.verify ?? true });
}

describe("buildStatus", { timeout: 30_000 }, () => {
	it.each(SCENARIOS)("$name", async (scenario) => {
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
		expect(verdict).toBe(scenario.exitCode === 0 ? "All good." : "Not everything checks out — see above.");
		scenario.check?.(report);
	});
});
