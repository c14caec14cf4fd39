// Outside text never acts on the terminal and no key is ever printed, in every way we print:
// the built CLI's headless text, --json, `status` (text and --json) and the wizard in a real
// pseudo-terminal. The fake API answers with escape sequences (OSC 2 title, OSC 52 clipboard,
// clear-screen, 8-bit CSI, bidi override) and with keys: ours without its prefix, another key
// we read from a file, an admin key. Paths (ZDOTDIR) hold escape sequences too.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { expectInert, HOSTILE, hostileError } from "../helpers/hostile-output.js";
import { makeSandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { KEYS, runCli, runInTerminal } from "../helpers/terminal.js";

const STALE_SECRET = "StaleHostileNeverShown";
const STALE_KEY = testKey(STALE_SECRET, "StHo");
const ADMIN_SECRET = "AdminHostileNeverShown";
const ADMIN_KEY = `sk-ant-admin01-${ADMIN_SECRET}${"a".repeat(60)}AdMn`;
const body = (key: string) => key.replace(/^sk-ant-[a-z]+\d+-/, "");
/** What the API echoes: escape sequences, our key without its prefix, a stale key's body, an admin key. */
const ECHOED = [body(TEST_KEY), body(STALE_KEY), ADMIN_KEY];
const SECRETS = [SECRET_PART, STALE_SECRET, ADMIN_SECRET];
const SHOWN_INERT = "␛]2;pwned␇";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({
		validKeys: [TEST_KEY, STALE_KEY],
		replyText: `Hi ${HOSTILE} ${ECHOED.join(" ")}`,
	});
});
afterAll(() => api.close());

/** A zsh user with a stale key in ~/.bash_profile (a file claude-setup reads). */
function sandboxWithStaleKey() {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	writeFileSync(join(sandbox.home, ".bash_profile"), `export ANTHROPIC_API_KEY=${STALE_KEY}\n`);
	return sandbox;
}

describe("hostile API text and keys, headless", { timeout: 60_000 }, () => {
	it("the reply text: shown inert, no key, and --json keeps the value with nothing raw", async () => {
		api.setBehaviour(undefined);
		const sandbox = sandboxWithStaleKey();
		const text = await runCli(sandbox, ["--key-stdin", "--target", "zsh"], TEST_KEY);
		expect(text.stdout).toContain(SHOWN_INERT);
		expectInert(text.stdout + text.stderr, SECRETS);
		const json = await runCli(sandbox, ["--key-stdin", "--target", "zsh", "--json"], TEST_KEY);
		expectInert(json.stdout + json.stderr, SECRETS);
		const report = JSON.parse(json.stdout) as { liveTest: { reply: string } };
		expect(report.liveTest.reply).toContain("\u001b]2;pwned\u0007");
	});

	it.each([
		[400, 3, "the key check"],
		[500, 5, "the key check"],
		[500, 7, "the live test"],
	])("an API error %i (%s): its message shown inert, no key", async (status, _code, when) => {
		api.setBehaviour((request) =>
			(when === "the key check") === (request.path === "/v1/models")
				? hostileError(status, ...ECHOED)
				: undefined,
		);
		const sandbox = sandboxWithStaleKey();
		for (const args of [[], ["--json"]]) {
			const result = await runCli(sandbox, ["--key-stdin", "--target", "zsh", ...args], TEST_KEY);
			expect(result.exitCode).not.toBe(0);
			expectInert(result.stdout + result.stderr, SECRETS);
			if (args.length === 0) expect(result.stdout).toContain("␛]52;");
		}
		api.setBehaviour(undefined);
	});
});

describe("status with hostile paths and settings", { timeout: 60_000 }, () => {
	it("a ZDOTDIR holding an escape sequence, an apiKeyHelper echoing a key: text and --json", async () => {
		api.setBehaviour(undefined);
		const sandbox = sandboxWithStaleKey();
		const zdotdir = join(sandbox.home, `z\u001b]2;pwned\u0007\u202Edir`);
		mkdirSync(zdotdir);
		writeFileSync(join(zdotdir, ".zshrc"), `export ANTHROPIC_API_KEY='${TEST_KEY}'\n`);
		mkdirSync(join(sandbox.home, ".claude"));
		writeFileSync(
			join(sandbox.home, ".claude", "settings.json"),
			JSON.stringify({ apiKeyHelper: `echo ${ADMIN_KEY} # ${body(STALE_KEY)}` }),
		);
		const env = { ZDOTDIR: zdotdir, ANTHROPIC_AUTH_TOKEN: body(STALE_KEY) };
		const text = await runCli(sandbox, ["status"], "", env);
		expect(text.stdout).toContain(SHOWN_INERT);
		expectInert(text.stdout + text.stderr, SECRETS);
		const json = await runCli(sandbox, ["status", "--json"], "", env);
		expectInert(json.stdout + json.stderr, SECRETS);
		expect(() => JSON.parse(json.stdout)).not.toThrow();
	});
});

/** The wizard in a pseudo-terminal, for a user with a stale key, with the key pasted and Enter pressed. */
async function wizardWithKeyEntered() {
	const sandbox = sandboxWithStaleKey();
	const run = runInTerminal([], { env: sandbox.env, cwd: sandbox.cwd });
	await run.waitForText("Paste your Anthropic API key");
	run.write(TEST_KEY);
	await run.waitForText("Looks like an API key");
	run.write(KEYS.enter);
	return run;
}

describe("the wizard in a pseudo-terminal", { timeout: 60_000 }, () => {
	it("Claude's hostile reply and an error message are shown inert, with no key", async () => {
		api.setBehaviour(undefined);
		const run = await wizardWithKeyEntered();
		// ~/.zshrc (Enter), comment out the stale key (Enter), then write (Enter).
		await run.waitForText("Where should the key go?", 30_000);
		run.write(KEYS.enter);
		await run.waitForText("Comment it out?", 30_000);
		run.write(KEYS.enter);
		await run.waitForText("Write these changes?", 30_000);
		run.write(KEYS.enter);
		// Claude answered: the stale key's commented-out line and backup are offered for deleting (Enter: no).
		await run.waitForText("Delete the old key from them?", 30_000);
		run.write(KEYS.enter);
		const done = await run.waitForText("pwned", 30_000);
		expect(done).toContain(SHOWN_INERT);
		run.write(KEYS.enter);
		await run.exited;
		expectInert(run.output(), SECRETS, { pty: true });
	});

	it("a hostile API error while checking the key", async () => {
		api.setBehaviour((request) => (request.path === "/v1/models" ? hostileError(500, ...ECHOED) : undefined));
		const run = await wizardWithKeyEntered();
		const shown = await run.waitForText("pwned", 30_000);
		expect(shown).toContain("␛]52;");
		run.write(KEYS.ctrlC);
		await run.exited;
		expectInert(run.output(), SECRETS, { pty: true });
		api.setBehaviour(undefined);
	});

	it("a ZDOTDIR holding escape sequences: the paths on the screens are shown inert", async () => {
		api.setBehaviour(undefined);
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const zdotdir = join(sandbox.home, "z\u001b]2;pwned\u0007\u001b]52;c;Y3VybA==\u0007\u202Edir");
		mkdirSync(zdotdir);
		const run = runInTerminal([], { env: { ...sandbox.env, ZDOTDIR: zdotdir }, cwd: sandbox.cwd });
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		const where = await run.waitForText("Where should the key go?", 30_000);
		expect(where).toContain(`~/z${SHOWN_INERT}␛]52;c;Y3VybA==␇\\u{202e}dir/.zshrc`);
		run.write(KEYS.ctrlC);
		await run.exited;
		expectInert(run.output(), SECRETS, { pty: true });
	});
});
