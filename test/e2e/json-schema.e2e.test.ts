// Every `--json` the built CLI prints, from real runs, against the one documented schema
// (json-output.schema.json): schemaVersion, command, ok, exitCode, and errors in one shape.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { validate } from "../helpers/json-schema.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY, WRONG_KEY } from "../helpers/sandbox.js";
import { runCli } from "../helpers/terminal.js";

const SCHEMA = JSON.parse(readFileSync(new URL("./json-output.schema.json", import.meta.url), "utf8"));
const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());

async function json(sandbox: Sandbox, args: string[], input = "", env: Record<string, string> = {}) {
	const result = await runCli(sandbox, [...args, "--json"], input, env);
	expect(result.stdout + result.stderr).not.toContain(SECRET_PART);
	const report = JSON.parse(result.stdout) as Record<string, unknown> & { files?: Record<string, unknown>[] };
	expect(validate(SCHEMA, report)).toEqual([]);
	expect(report.exitCode).toBe(result.exitCode);
	return report;
}

describe("the JSON schema checker itself", () => {
	it("rejects a wrong type, a missing field and an unmasked key", () => {
		const good = { schemaVersion: 1, command: "remove", ok: true, exitCode: 0, files: [] };
		expect(validate(SCHEMA, good)).toEqual([]);
		expect(validate(SCHEMA, { ...good, exitCode: "0" }).join()).toContain("exitCode");
		expect(validate(SCHEMA, { ...good, files: undefined, error: { title: "x" } }).join()).toMatch(/missing/);
		const leaked = { ...good, command: "setup", key: { kind: "api-key", variable: "V", masked: TEST_KEY } };
		expect(validate(SCHEMA, leaked).join()).toContain("does not match");
		// Fields added within a version are allowed: other work adds them.
		expect(validate(SCHEMA, { ...good, somethingNew: { a: 1 } })).toEqual([]);
	});
});

describe("--json of every command, from real runs", { timeout: 60_000 }, () => {
	it("setup: saved and proven; then status, remove --dry-run, remove", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(join(sandbox.home, ".zshrc"), "# mine\n");
		const saved = await json(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY);
		expect(saved).toMatchObject({ schemaVersion: 1, command: "setup", ok: true, exitCode: 0 });

		const status = await json(sandbox, ["status"]);
		expect(status).toMatchObject({ schemaVersion: 1, command: "status" });

		const dry = await json(sandbox, ["remove", "--dry-run"]);
		// Nothing is removed and no backup is made in a dry run.
		expect(dry.files?.[0]).toMatchObject({ action: "would-remove" });
		expect(dry.files?.[0]).not.toHaveProperty("backup");

		const unconfirmed = await json(sandbox, ["remove"]);
		expect(unconfirmed).toMatchObject({ ok: false, exitCode: 2, error: { kind: "usage" } });

		const removed = await json(sandbox, ["remove", "--yes"]);
		expect(removed.files?.[0]).toMatchObject({ action: "removed" });
		expect(removed.files?.[0]?.backup).toEqual(expect.any(String));
	});

	it("setup --dry-run: what would happen, no backup", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(join(sandbox.home, ".zshrc"), "# mine\n");
		const dry = await json(sandbox, ["--key-stdin", "--target", "zsh", "--dry-run"], TEST_KEY);
		expect(dry.files?.[0]).toMatchObject({ action: "would-insert" });
		expect(dry.files?.[0]).not.toHaveProperty("backup");
	});

	it.each([
		["a format error", [], AWS_SECRET, {}, 3],
		["a key the API rejects", [], WRONG_KEY, {}, 4],
		["a destination that is refused", [], TEST_KEY, { ANTHROPIC_BASE_URL: "https://gw.example.test" }, 2],
	] as const)("errors in one shape: %s", async (_name, args, key, env, code) => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const report = await json(sandbox, ["--key-stdin", "--target", "zsh", ...args], key, env);
		expect(report).toMatchObject({ ok: false, exitCode: code, command: "setup" });
		expect(report.error).toEqual(
			expect.objectContaining({
				kind: expect.any(String),
				title: expect.any(String),
				next: expect.any(Array),
			}),
		);
	});

	it("status with a rejected key: the failure is the error", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		writeFileSync(join(sandbox.home, ".zshrc"), `export ANTHROPIC_API_KEY=${WRONG_KEY}\n`);
		const status = await json(sandbox, ["status"]);
		expect(status).toMatchObject({ ok: false, exitCode: 4, error: { kind: "rejected" } });
	});
});
