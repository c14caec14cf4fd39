// `--key-stdin` runs that fail: each has its exit code, says what to do, writes only when
// it should, and never prints the key (checked by runIn for every case).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAnthropicApi } from "../../../source/system/anthropic-api.js";
import { type FakeAnthropic, type ScriptedReply, scripted } from "../../helpers/fake-anthropic.js";
import { closedURL } from "../../helpers/temp-system.js";
import {
	calls,
	filesIn,
	KEY,
	MASKED,
	runIn,
	SECRET,
	sandboxFor,
	WRONG_KEY,
	withFakeApi,
} from "./headless-harness.js";

let fake: FakeAnthropic;
withFakeApi((started) => {
	fake = started;
});

describe("a key that is not an API key → exit 3, nothing written, no request", () => {
	const BAD = "BadSecretPartNeverShown";
	it.each([
		["empty input", "\n"],
		["a cut-off key", `sk-ant-api03-${BAD}`],
		["a key with a space inside", `sk-ant-api03-${BAD} ${"x".repeat(70)}`],
		["an OpenAI key", `sk-proj-${BAD}${"o".repeat(40)}`],
		["an admin key", `sk-ant-admin01-${BAD}${"a".repeat(70)}`],
		["a key copied from a list", `sk-ant-api03-${BAD}...AbCd`],
		["a GitHub token", `ghp_${BAD}${"g".repeat(20)}`],
	])("%s", async (_, raw) => {
		const sandbox = await sandboxFor(fake.url);
		const { report, lines } = await runIn(sandbox, raw, {}, [SECRET, BAD]);
		expect(report).toMatchObject({
			ok: false,
			exitCode: 3,
			error: { title: expect.any(String), next: [expect.any(String)] },
		});
		expect(lines[0]).toMatch(/^✗ /);
		expect(lines[1]).toMatch(/^ {2}→ /);
		expect(await filesIn(sandbox)).toEqual([]);
		expect(fake.requests).toEqual([]);
	});
});

describe("what is said is what happened: the key came on standard input, not from a paste", () => {
	it.each([
		["nothing at all", "", "✗ Standard input was empty: no key was read."],
		[
			"only a line break and spaces",
			" \n ",
			"✗ Standard input held only spaces, quotes or line breaks: no key was read.",
		],
	])("%s → says so, and how to pipe a key in", async (_, raw, first) => {
		const sandbox = await sandboxFor(fake.url);
		const { report, lines, text } = await runIn(sandbox, raw);
		expect(lines[0]).toBe(first);
		expect(lines[1]).toContain('printf %s "$KEY" | claude-setup --key-stdin');
		expect(text).not.toMatch(/paste/i);
		expect(report).toMatchObject({ exitCode: 3, error: { kind: "empty", title: first.slice(2) } });
	});

	it("a key with more after it → 'send just the key', not 'paste'", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { lines } = await runIn(sandbox, `${KEY}Extra`);
		expect(lines[1]).toMatch(/^ {2}→ Send just the key/);
	});
});

describe("the API check fails → nothing written", () => {
	it("a key the API refuses (401) → exit 4", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, WRONG_KEY);
		expect(report).toMatchObject({ ok: false, exitCode: 4, key: { masked: "sk-ant-api03-…WrOn" } });
		expect(text).not.toContain("--no-verify");
		expect(await filesIn(sandbox)).toEqual([]);
		expect(calls(fake)).toEqual(["GET /v1/models"]);
	});

	it("401: the next step is about the key piped in, not a paste", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, WRONG_KEY);
		expect(text).toContain(
			"  → Check the key you piped in (the whole key, not revoked), or create a new one at console.anthropic.com → API keys and pipe that in.",
		);
		expect(text).not.toMatch(/paste/i);
		expect(text).not.toContain("oat01");
		expect(JSON.stringify(report)).not.toMatch(/paste/i);
	});

	it("an API that cannot be reached → exit 5, suggesting --no-verify", async () => {
		const url = await closedURL();
		const sandbox = await sandboxFor(url, { api: createAnthropicApi({ baseURL: url, timeoutMs: 5000 }) });
		const { report, text } = await runIn(sandbox, KEY);
		expect(report).toMatchObject({ ok: false, exitCode: 5, error: { title: expect.any(String) } });
		expect(text).toContain("Or save it without checking: add --no-verify.");
		expect(await filesIn(sandbox)).toEqual([]);
	});

	it("a server error on the check → exit 5 (nothing could confirm the key), suggesting --no-verify", async () => {
		fake.setBehaviour(() => scripted.serverError());
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, KEY);
		expect(report).toMatchObject({ ok: false, exitCode: 5 });
		expect(text).toContain("--no-verify");
		expect(text).toMatch(/request-id: req_/);
		expect(await filesIn(sandbox)).toEqual([]);
		// The hint is one of the next steps (in --json too); the request-id line ends what is said.
		expect(text.trimEnd().split("\n").at(-1)).toMatch(/^ {2}request-id: req_\w+ \(give this to support\)$/);
		expect(report).toMatchObject({
			error: { next: expect.arrayContaining(["Or save it without checking: add --no-verify."]) },
		});
	});
});

describe("the live test fails after saving → the files stay", () => {
	it.each<[string, () => ScriptedReply, number]>([
		["no credit balance → exit 7", scripted.creditBalance, 7],
		["no permission (403) → exit 4", scripted.permission, 4],
		["overloaded (529) → exit 7", scripted.overloaded, 7],
		["rate limited (429) → exit 7", () => scripted.rateLimit(30), 7],
	])("%s", async (_, reply, exitCode) => {
		fake.setBehaviour((request) => (request.path === "/v1/messages" ? reply() : undefined));
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, KEY);
		expect(report).toMatchObject({
			ok: false,
			exitCode,
			model: "claude-haiku-5-5",
			files: [{ target: "zsh", action: "create" }],
			proofs: [{ ok: true }],
			error: { requestId: expect.stringMatching(/^req_/) },
		});
		expect(await readFile(path.join(sandbox.home, ".zshrc"), "utf8")).toContain(KEY);
		expect(text).toContain(`• API key ${MASKED}`);
		expect(text).toMatch(/^✗ /m);
		expect(calls(fake)).toEqual(["GET /v1/models", "POST /v1/messages"]);
	});
});

describe("the file cannot be written → exit 6", () => {
	it("a folder where ~/.zshrc should be", async () => {
		const sandbox = await sandboxFor(fake.url);
		await mkdir(path.join(sandbox.home, ".zshrc"));
		const { report, text } = await runIn(sandbox, KEY);
		expect(report).toMatchObject({
			ok: false,
			exitCode: 6,
			error: { path: path.join(sandbox.home, ".zshrc"), title: expect.stringContaining("is a folder") },
		});
		expect(text).toContain("✗ ~/.zshrc is a folder, not a file.");
		expect(calls(fake)).toEqual(["GET /v1/models"]);
	});

	it("a file where the fish folder should be", async () => {
		const sandbox = await sandboxFor(fake.url, { shell: "fish" });
		await mkdir(path.join(sandbox.home, ".config"));
		await mkdir(path.join(sandbox.home, ".config/fish"));
		await writeFile(path.join(sandbox.home, ".config/fish/conf.d"), "not a folder\n");
		const { report, text } = await runIn(sandbox, KEY, { verify: false });
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
		expect(text).toContain("(ENOTDIR)");
		expect(fake.requests).toEqual([]);
	});
});
