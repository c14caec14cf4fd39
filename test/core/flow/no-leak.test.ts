// The leak audit, in-process: ONE sentinel key through every flow — --key-stdin (text and
// JSON), every error path, status, remove — over the real node System, real shells and git,
// the real SDK against the fake API. The sentinel's secret part must be in nothing captured:
// printed lines, reports, file and folder names (backups, temp files), the manifest, and the
// command, arguments, explicit environment and input of every child process.
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { HeadlessOptions } from "../../../source/core/flow/headless.js";
import { runHeadless } from "../../../source/core/flow/headless.js";
import { runRemove, runStatus } from "../../../source/core/status/command.js";
import { createAnthropicApi } from "../../../source/system/anthropic-api.js";
import {
	type FakeAnthropic,
	type ScriptedReply,
	scripted,
	startFakeAnthropic,
} from "../../helpers/fake-anthropic.js";
import {
	childLeaks,
	manifestText,
	namesUnder,
	type Recorder,
	recording,
	watchNames,
} from "../../helpers/leak-audit.js";
import { DEBIAN_PROFILE } from "../../helpers/sandbox.js";
import {
	closedURL,
	makeTempSystem,
	removeTempSystems,
	type TempSystem,
	testKey,
} from "../../helpers/temp-system.js";

const SENTINEL = "LeakAuditSentinelQ9";
const KEY = testKey(SENTINEL, "LkAd");

let fake: FakeAnthropic;
const consoleCalls: unknown[][] = [];
beforeAll(async () => {
	fake = await startFakeAnthropic({ validKeys: [KEY] });
	// The SDK reads ANTHROPIC_LOG from the process; debug logs would carry request headers.
	vi.stubEnv("ANTHROPIC_LOG", "debug");
	for (const method of ["log", "info", "warn", "error", "debug"] as const) {
		vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			consoleCalls.push(args);
		});
	}
});
afterAll(async () => {
	await fake.close();
	await removeTempSystems();
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	// The figure the hardening note asks for.
	console.info(`leak audit: ${audited.flows} flows, ${audited.children} child processes, 0 leaks`);
});
beforeEach(() => fake.setBehaviour(undefined));

const audited = { flows: 0, children: 0 };

async function sandbox(options: { shell?: string; env?: Record<string, string>; url?: string } = {}) {
	const url = options.url ?? fake.url;
	const temp = await makeTempSystem({
		api: createAnthropicApi({ baseURL: url, timeoutMs: 5000, env: { ANTHROPIC_LOG: "debug" } }),
		env: { ANTHROPIC_BASE_URL: url, ANTHROPIC_LOG: "debug", ...options.env },
		shell: options.shell ?? "zsh",
	});
	return recording(temp);
}

/** Everything captured in one flow holds no trace of the sentinel. */
async function expectNoTrace(recorder: Recorder, printed: readonly string[], extra: readonly unknown[] = []) {
	const { sandbox: temp, calls } = recorder;
	const captured = [...printed, ...extra.map((value) => JSON.stringify(value))].join("\n");
	expect(captured).not.toContain(SENTINEL);
	expect(childLeaks(calls, SENTINEL)).toEqual([]);
	expect((await namesUnder(temp.root)).filter((name) => name.includes(SENTINEL))).toEqual([]);
	expect(await manifestText(temp.home)).not.toContain(SENTINEL);
	// Backups hold the old file, key and all: only ever readable by the person.
	const backups = (await namesUnder(temp.root)).filter((name) => name.endsWith(".bak"));
	for (const backup of backups) expect((await stat(path.join(temp.root, backup))).mode & 0o077).toBe(0);
	audited.flows++;
	audited.children += calls.length;
}

async function headless(recorder: Recorder, raw: string, options: Partial<HeadlessOptions> = {}) {
	const printed: string[] = [];
	const report = await runHeadless(
		recorder.sandbox.system,
		raw,
		{ targets: [], verify: true, dryRun: false, ...options },
		{ nodePath: process.execPath, parentPid: process.pid, print: (line) => printed.push(line) },
	);
	await expectNoTrace(recorder, printed, [report]);
	return { report, printed };
}

describe("--key-stdin, text and JSON report", { timeout: 60_000 }, () => {
	it.each([
		["zsh", {}],
		["bash", {}],
		["fish", {}],
		["zsh", { targets: ["dotenv" as const] }],
		["zsh", { dryRun: true }],
	])("%s %o: saved, proven in a real shell, live-tested", async (shell, options) => {
		const recorder = await sandbox({ shell });
		const { home, project } = recorder.sandbox;
		if (shell === "fish") await mkdir(path.join(home, ".config/fish/conf.d"), { recursive: true });
		// A login bash reads ~/.bashrc through ~/.profile, as Debian's /etc/skel has it.
		if (shell === "bash") await writeFile(path.join(home, ".profile"), DEBIAN_PROFILE);
		const watched = watchNames([
			home,
			project,
			...(shell === "fish" ? [path.join(home, ".config/fish/conf.d")] : []),
		]);
		const { report } = await headless(recorder, `  export ANTHROPIC_API_KEY="${KEY}"\n`, options);
		await watched.stop();
		expect(report.ok).toBe(true);
		expect([...watched.names].filter((name) => name.includes(SENTINEL))).toEqual([]);
		if (!("dryRun" in options)) {
			// The watch did see the write's temp file: its name is the file's, never the key's.
			expect([...watched.names].some((name) => /\.claude-setup-[0-9a-f]+\.tmp$/.test(name))).toBe(true);
			expect(recorder.calls.length).toBeGreaterThan(0);
		}
	});

	it("a rotation writes backups whose names hold a date, not the key", async () => {
		const recorder = await sandbox();
		await headless(recorder, KEY, { verify: false });
		const rotated = testKey("SecondSentinelKey", "RoTa");
		await headless(recorder, rotated, { verify: false });
		const names = await namesUnder(recorder.sandbox.root);
		expect(names.filter((name) => name.endsWith(".bak"))).toEqual([
			expect.stringMatching(/backups\/\.zshrc\.\d{4}-\d\d-\d\dT[\d-]+Z\.bak$/),
		]);
	});
});

describe("every error path", { timeout: 60_000 }, () => {
	const failures: [string, () => ScriptedReply | undefined][] = [
		["403 permission", scripted.permission],
		["429 rate limit", () => scripted.rateLimit(30)],
		["500 server error", scripted.serverError],
		["529 overloaded", scripted.overloaded],
		["a hang-up", () => ({ kind: "hangUp" })],
	];
	it.each(failures)("the check answers %s", async (_, reply) => {
		fake.setBehaviour(() => reply());
		const { report } = await headless(await sandbox(), KEY);
		expect(report.ok).toBe(false);
	});

	it.each(failures)("the live test answers %s after saving", async (_, reply) => {
		fake.setBehaviour((request) => (request.path === "/v1/messages" ? reply() : undefined));
		const { report } = await headless(await sandbox(), KEY);
		expect(report.ok).toBe(false);
	});

	it("401: the API does not know the key", async () => {
		const unknown = testKey(SENTINEL, "NoPe");
		const { report } = await headless(await sandbox(), unknown);
		expect(report).toMatchObject({ ok: false, exitCode: 4 });
	});

	it("the API is unreachable", async () => {
		const { report } = await headless(await sandbox({ url: await closedURL() }), KEY);
		expect(report).toMatchObject({ ok: false, exitCode: 5 });
	});

	it.each([
		["cut off", `sk-ant-api03-${SENTINEL}`],
		["a space inside", `${KEY.slice(0, 40)} ${KEY.slice(40)}`],
		["two keys joined", `${KEY}${KEY}`],
		["an admin key", `sk-ant-admin01-${SENTINEL}${"a".repeat(70)}`],
		["a session cookie", `sk-ant-sid01-${SENTINEL}${"s".repeat(70)}`],
		["an OpenAI key", `sk-proj-${SENTINEL}${"o".repeat(40)}`],
		["a homoglyph inside", KEY.replace("a", "а")],
		["a shell character inside", KEY.replace("Q9", "$(")],
		["an elided copy", `sk-ant-api03-${SENTINEL}...LkAd`],
	])("a bad format: %s", async (_, raw) => {
		const { report } = await headless(await sandbox(), raw);
		expect(report).toMatchObject({ ok: false, exitCode: 3 });
	});

	it("a folder where ~/.zshrc should be", async () => {
		const recorder = await sandbox();
		await mkdir(path.join(recorder.sandbox.home, ".zshrc"));
		const { report } = await headless(recorder, KEY);
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
	});

	it("a .env that git already tracks", async () => {
		const recorder = await sandbox();
		const { project, system } = recorder.sandbox;
		await system.run("git", ["init", "-q"], { cwd: project });
		await writeFile(path.join(project, ".env"), "OTHER=1\n");
		await system.run("git", ["add", ".env"], { cwd: project });
		const { printed, report } = await headless(recorder, KEY, { targets: ["dotenv"] });
		expect(printed.join("\n")).toContain("Nothing was written: git tracks ./.env");
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
	});
});

async function command(recorder: Recorder, which: "status" | "remove", json: boolean) {
	const printed: string[] = [];
	const io = { print: (line: string) => printed.push(line), json, parentPid: process.pid };
	const { system } = recorder.sandbox;
	const code =
		which === "status"
			? await runStatus(system, true, io)
			: await runRemove(system, { targets: [], dryRun: false, confirm: async () => true }, io);
	await expectNoTrace(recorder, printed);
	return { code, printed };
}

describe("status and remove", { timeout: 60_000 }, () => {
	let saved: TempSystem;
	beforeEach(async () => {
		const recorder = await sandbox({ env: { ANTHROPIC_API_KEY: KEY } });
		await headless(recorder, KEY, { verify: false, targets: ["zsh", "dotenv"] });
		saved = recorder.sandbox;
	});

	it.each([false, true])("status (json: %s) with the key in files and in the environment", async (json) => {
		const recorder = recording(saved);
		const { printed } = await command(recorder, "status", json);
		expect(printed.join("\n")).toContain("…LkAd");
		// A fresh shell was asked, without this process's value.
		expect(recorder.calls.some((call) => call.command === "zsh")).toBe(true);
	});

	it.each([false, true])("remove --yes (json: %s)", async (json) => {
		const recorder = recording(saved);
		const { code } = await command(recorder, "remove", json);
		expect(code).toBe(0);
		expect(await readFile(path.join(saved.project, ".env"), "utf8").catch(() => "")).not.toContain(KEY);
	});
});

describe("ANTHROPIC_LOG=debug in the environment", () => {
	it("made the SDK print nothing in any of the flows above", () => {
		expect(audited.flows).toBeGreaterThanOrEqual(30);
		expect(consoleCalls).toEqual([]);
	});
});
