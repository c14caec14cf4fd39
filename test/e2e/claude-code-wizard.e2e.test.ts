// A new user's run of the wizard, in a real pseudo-terminal, where Claude Code was used before:
// a stale key in ~/.claude/settings.json and a subscription login. The preview must carry the
// settings fix and say whom Claude Code will bill; after "All set" the real Claude Code (claude -p,
// then interactive claude answering its question) sends the new key.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeInFreshShell, claudeOnPath } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { KEYS, openTerminal, pasteToPreview, runInTerminal } from "../helpers/terminal.js";

const SECRET = "WizardClaudeSecretNeverShown";
const NEW = testKey(`${SECRET}New`, "NewK");
const OLD = testKey(`${SECRET}Old`, "OldK");

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [NEW], keyNames: { [NEW]: "new key", [OLD]: "old key" } });
});
afterAll(() => api.close());

describe("the wizard where Claude Code holds a stale key and a subscription login", {
	timeout: 180_000,
}, () => {
	it("previews the settings fix and the billing, ends All set, and Claude Code sends the new key", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const settings = join(sandbox.home, ".claude", "settings.json");
		mkdirSync(join(sandbox.home, ".claude"));
		writeFileSync(settings, `{\n  "env": {\n    "ANTHROPIC_API_KEY": "${OLD}"\n  },\n  "model": "opus"\n}\n`);
		const login = {
			claudeAiOauth: { accessToken: `sk-ant-oat01-${"o".repeat(80)}`, expiresAt: Date.now() + 1e10 },
		};
		writeFileSync(join(sandbox.home, ".claude", ".credentials.json"), JSON.stringify(login));
		writeFileSync(
			join(sandbox.home, ".claude.json"),
			JSON.stringify({
				hasCompletedOnboarding: true,
				projects: { [sandbox.project]: { hasTrustDialogAccepted: true } },
			}),
		);
		const env = { ...sandbox.env, ...claudeOnPath(sandbox) };
		const run = runInTerminal([], { env, cwd: sandbox.project, cols: 100, rows: 50 });
		await pasteToPreview(run, NEW, "Keep Claude Code on your subscription?");
		// Before the preview: Claude Code would bill the key; go on (2) rather than the project .env.
		expect(run.screen()).toMatch(/Claude Code will use — and bill — this API key/);
		run.write("2");
		await run.waitForText("❯ Go on");
		run.write(KEYS.enter);
		await run.waitForText("Write these changes?");
		const preview = run.screen();
		expect(preview).toContain('Replace the key in the "env" of ~/.claude/settings.json');
		expect(preview).toMatch(/Claude Code will use — and bill — this API key/);
		expect(preview).toContain("Do you want to use this API key?");
		run.write("y");
		// Proven: it offers to delete the old key from the backup it made (No keeps it).
		await run.waitForText("Delete the old key from them?", 60_000);
		run.write("n");
		const done = await run.waitForText(/All set\.|not everything checks out/, 60_000);
		expect(done).toContain("All set.");
		expect(done).toMatch(/Claude Code started from a new zsh uses ANTHROPIC_API_KEY: the new key/);
		expect(await run.exited).toBe(0);
		expect(readFileSync(settings, "utf8")).toBe(
			`{\n  "env": {\n    "ANTHROPIC_API_KEY": "${NEW}"\n  },\n  "model": "opus"\n}\n`,
		);
		for (const text of [preview, done]) expect(text).not.toContain(SECRET);

		const before = api.requests.length;
		const print = await claudeInFreshShell("zsh", sandbox);
		expect(print.stdout).toBe("Hello! Nice to meet you.");
		// Interactive claude asks about the key: Yes (one up from the default No).
		const claude = openTerminal("zsh", ["-i", "-c", "claude"], {
			env,
			cwd: sandbox.project,
			cols: 100,
			rows: 30,
		});
		try {
			await claude.seen("Do you want to use this API key?", 60_000);
			claude.write(KEYS.up);
			await claude.drawn();
			claude.write(KEYS.enter);
			await claude.seen(/auto mode on/, 30_000);
			claude.write("say hi");
			await claude.seen("say hi", 10_000);
			claude.write(KEYS.enter);
			await claude.seen("Hello! Nice to meet you", 60_000);
		} finally {
			claude.kill();
		}
		const sent = api.requests.slice(before).filter((request) => request.path === "/v1/messages");
		expect(new Set(sent.map((request) => request.credentials["x-api-key"]))).toEqual(new Set(["new key"]));
	});
});
