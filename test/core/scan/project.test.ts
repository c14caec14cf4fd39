import { chmod } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RunResult, System } from "../../../source/core/system.js";
import { scriptedRunner } from "../../helpers/scripted-runner.js";
import { makeTempSystem, removeTempSystems } from "../../helpers/temp-system.js";
import {
	ADMIN,
	KEY,
	MASKED_KEY,
	MASKED_OLD,
	OAUTH,
	OLD_KEY,
	scan,
	summary,
	writeFiles,
} from "./scan-fixtures.js";

afterAll(removeTempSystems);

const A = "ANTHROPIC_API_KEY";

describe("scanEverywhere: project .env files", () => {
	it("reads every .env variant in the working folder, with dotenv's rules and line numbers", async () => {
		const { system, project } = await makeTempSystem();
		await writeFiles(project, {
			".env": `# ${A}=${OLD_KEY}\r\nOTHER=1\r\n${A}=${KEY}\r\n`,
			".env.local": `export ${A}="${OLD_KEY}" # old\n`,
			".env.development": `${A}=\n`,
			".env.development.local": `CLAUDE_CODE_OAUTH_TOKEN='${OAUTH}'\n`,
			".env.production": `ANTHROPIC_AUTH_TOKEN = ${ADMIN}\n`,
			".env.production.local": "ANTHROPIC_BASE_URL=http://localhost:4000\n",
			".env.test": `\n\n${A}=${KEY}\n`,
			".env.test.local": `CLAUDE_CODE_USE_FOUNDRY=1\n`,
			".env.example": `${A}=${KEY}\n`,
		});
		const result = await scan(system);
		expect(summary(result)).toEqual([
			`file ./.env:3 ${A} ${MASKED_KEY} false`,
			`file ./.env.local:1 ${A} ${MASKED_OLD} false`,
			`file ./.env.development:1 ${A} (empty) false`,
			"file ./.env.development.local:1 CLAUDE_CODE_OAUTH_TOKEN sk-ant-oat01-…OaTk false",
			"file ./.env.production:1 ANTHROPIC_AUTH_TOKEN sk-ant-admin01-…AdMn false",
			"file ./.env.production.local:1 ANTHROPIC_BASE_URL http://localhost:4000 false",
			`file ./.env.test:3 ${A} ${MASKED_KEY} false`,
			"file ./.env.test.local:1 CLAUDE_CODE_USE_FOUNDRY 1 false",
		]);
		expect(result.findings.map((finding) => finding.problems)).toEqual([
			[],
			[],
			["empty"],
			[],
			["wrong-kind"],
			[],
			[],
			[],
		]);
		expect(result.scannedFiles).toHaveLength(8);
		const formats = new Set(
			result.findings.map((finding) => finding.source.kind === "file" && finding.source.format),
		);
		expect([...formats]).toEqual(["dotenv"]);
	});

	it("marks a block claude-setup wrote in a .env", async () => {
		const { system, project } = await makeTempSystem();
		await writeFiles(project, { ".env": `# >>> claude-setup >>>\n${A}=${KEY}\n# <<< claude-setup <<<\n` });
		expect(summary(await scan(system))).toEqual([`file ./.env:2 ${A} ${MASKED_KEY} true`]);
	});

	it.skipIf(process.getuid?.() === 0)("skips a .env it may not read", async () => {
		const { system, project } = await makeTempSystem();
		await writeFiles(project, { ".env": `${A}=${KEY}\n`, ".env.local": `${A}=${OLD_KEY}\n` });
		await chmod(path.join(project, ".env"), 0o000);
		const result = await scan(system);
		expect(summary(result)).toEqual([`file ./.env.local:1 ${A} ${MASKED_OLD} false`]);
		expect(result.scannedFiles).toEqual([path.join(project, ".env.local")]);
	});
});

describe("scanEverywhere: Claude Code settings", () => {
	it("reads env and apiKeyHelper from the user's and the project's settings", async () => {
		const { system, home, project } = await makeTempSystem();
		await writeFiles(home, {
			".claude/settings.json": JSON.stringify({
				env: { [A]: KEY, CLAUDE_CODE_USE_BEDROCK: 1, OTHER: "x", ANTHROPIC_BASE_URL: { nested: true } },
				apiKeyHelper: "~/bin/get-key.sh",
			}),
		});
		await writeFiles(project, {
			".claude/settings.json": `\uFEFF${JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: ` ${OLD_KEY}` } })}`,
			".claude/settings.local.json": JSON.stringify({ apiKeyHelper: "op read op://vault/anthropic" }),
		});
		const result = await scan(system);
		expect(summary(result)).toEqual([
			`claude-settings ~/.claude/settings.json ${A} ${MASKED_KEY} false`,
			"claude-settings ~/.claude/settings.json CLAUDE_CODE_USE_BEDROCK 1 false",
			`claude-settings ./.claude/settings.json ANTHROPIC_AUTH_TOKEN ${MASKED_OLD} false`,
		]);
		expect(result.findings[2]?.problems).toEqual(["whitespace"]);
		expect(result.apiKeyHelpers).toEqual([
			{
				path: path.join(home, ".claude/settings.json"),
				display: "~/.claude/settings.json",
				command: "~/bin/get-key.sh",
			},
			{
				path: path.join(project, ".claude/settings.local.json"),
				display: "./.claude/settings.local.json",
				command: "op read op://vault/anthropic",
			},
		]);
	});

	it("masks a key written into an apiKeyHelper command (status --json showed `echo sk-ant-…`)", async () => {
		const { system, home } = await makeTempSystem();
		await writeFiles(home, { ".claude/settings.json": JSON.stringify({ apiKeyHelper: `echo ${KEY}` }) });
		const result = await scan(system);
		expect(result.apiKeyHelpers.map((helper) => helper.command)).toEqual([`echo ${MASKED_KEY}`]);
	});

	it.each([
		["malformed JSON", `{"env": {"${A}": "${KEY}"`],
		["an array", `[{"env": {"${A}": "${KEY}"}}]`],
		["env that is not an object", `{"env": "${A}=${KEY}", "apiKeyHelper": 42}`],
	])("skips settings with %s", async (_, text) => {
		const { system, home, project } = await makeTempSystem();
		await writeFiles(home, { ".claude/settings.json": text });
		await writeFiles(project, { ".claude/settings.local.json": JSON.stringify({ env: { [A]: OLD_KEY } }) });
		const result = await scan(system);
		expect(summary(result)).toEqual([
			`claude-settings ./.claude/settings.local.json ${A} ${MASKED_OLD} false`,
		]);
		expect(result.apiKeyHelpers).toEqual([]);
	});

	it("reads the settings once when run from the home folder, and honours CLAUDE_CONFIG_DIR", async () => {
		const { system, home, root } = await makeTempSystem({ env: {} });
		await writeFiles(home, { ".claude/settings.json": JSON.stringify({ env: { [A]: KEY } }) });
		await writeFiles(root, { "claude-config/settings.json": JSON.stringify({ env: { [A]: OLD_KEY } }) });
		expect(summary(await scan({ ...system, cwd: home }))).toEqual([
			`claude-settings ./.claude/settings.json ${A} ${MASKED_KEY} false`,
		]);
		const configured = {
			...system,
			env: { ...system.env, CLAUDE_CONFIG_DIR: path.join(root, "claude-config") },
		};
		expect(summary(await scan(configured))).toEqual([
			`claude-settings ${root}/claude-config/settings.json ${A} ${MASKED_OLD} false`,
		]);
	});
});

describe("scanEverywhere: Claude Code login", () => {
	it("is yes when ~/.claude/.credentials.json exists (Linux), else no, without reading it", async () => {
		const { system, home } = await makeTempSystem();
		expect((await scan(system)).claudeCodeLogin).toBe("no");
		await writeFiles(home, { ".claude/.credentials.json": `{"claudeAiOauth":{"accessToken":"${OAUTH}"}}` });
		const result = await scan(system);
		expect(result.claudeCodeLogin).toBe("yes");
		expect(result.scannedFiles).toEqual([]);
	});

	const keychain = async (answer: Partial<RunResult> | undefined | "throw") => {
		const { system } = await makeTempSystem({ platform: "darwin" });
		const scripted = scriptedRunner(() => (answer === "throw" ? undefined : answer));
		const run: System["run"] =
			answer === "throw" ? () => Promise.reject(new Error("spawn EACCES")) : scripted.run;
		return { result: await scan({ ...system, run }), calls: scripted.calls };
	};

	it.each([
		["found", { exitCode: 0, stdout: 'keychain: "login.keychain-db"\nclass: "genp"\n' }, "yes"],
		[
			"not found (44)",
			{ exitCode: 44, stderr: "The specified item could not be found in the keychain." },
			"no",
		],
		["failing otherwise", { exitCode: 51, stderr: "User interaction is not allowed." }, "unknown"],
		["not installed", undefined, "unknown"],
	] as const)("asks the macOS keychain whether the item exists: %s", async (_, answer, login) => {
		const { result, calls } = await keychain(answer);
		expect(result.claudeCodeLogin).toBe(login);
		expect(calls.map((call) => [call.command, ...call.args])).toEqual([
			["security", "find-generic-password", "-s", "Claude Code-credentials"],
		]);
		for (const call of calls) {
			expect(call.args).not.toContain("-w");
			expect(call.args).not.toContain("-g");
		}
	});

	it("is unknown when security cannot even be started", async () => {
		expect((await keychain("throw")).result.claudeCodeLogin).toBe("unknown");
	});
});
