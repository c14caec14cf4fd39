// Managed settings (/etc/claude-code/managed-settings.json on Linux) win over everything: an
// administrator's ANTHROPIC_API_KEY there is what Claude Code sends. The file is shown to each
// process through an overlay on /etc in a private mount namespace (root only), so the machine's
// /etc never changes. claude-setup cannot write there: it must say so and exit 7.
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claudeOnPath } from "../helpers/claude-code.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { testKey } from "../helpers/temp-system.js";
import { CLI_PATH } from "../helpers/terminal.js";

const SECRET = "ManagedSecretNeverShown";
const NEW = testKey(`${SECRET}New`, "NewK");
const ADMIN = testKey(`${SECRET}Admin`, "AdmK");

function namespacesWork(): boolean {
	try {
		execSync("unshare -m true", { stdio: "ignore" });
		return process.getuid?.() === 0;
	} catch {
		return false;
	}
}

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({
		validKeys: [NEW, ADMIN],
		keyNames: { [NEW]: "new key", [ADMIN]: "admin key" },
	});
});
afterAll(() => api?.close());

/** Runs `command` where /etc/claude-code/managed-settings.json holds the administrator's key. */
function withManagedSettings(sandbox: Sandbox, command: string[], input = "") {
	const upper = join(sandbox.root, "etc-upper");
	const work = join(sandbox.root, "etc-work");
	mkdirSync(join(upper, "claude-code"), { recursive: true });
	mkdirSync(work, { recursive: true });
	writeFileSync(
		join(upper, "claude-code", "managed-settings.json"),
		JSON.stringify({ env: { ANTHROPIC_API_KEY: ADMIN } }),
	);
	const mount = `mount -t overlay overlay -o lowerdir=/etc,upperdir=${upper},workdir=${work} /etc && exec "$@"`;
	return execa("unshare", ["-m", "sh", "-c", mount, "sh", ...command], {
		input,
		cwd: sandbox.project,
		env: { ...sandbox.env, ...claudeOnPath(sandbox) },
		extendEnv: false,
		reject: false,
		timeout: 60_000,
	});
}

describe.skipIf(!namespacesWork())("managed settings", { timeout: 120_000 }, () => {
	it("an administrator's key in managed-settings.json: --yes cannot fix it, exit 7 says whom to ask; Claude Code sends that key", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const saved = await withManagedSettings(
			sandbox,
			[process.execPath, CLI_PATH, "--key-stdin", "--target", "zsh", "--yes"],
			NEW,
		);
		expect(saved.stdout + saved.stderr).not.toContain(SECRET);
		expect(saved.exitCode).toBe(7);
		expect(saved.stdout).toContain("/etc/claude-code/managed-settings.json");
		expect(saved.stdout).toContain("administrator");
		const before = api.requests.length;
		const claude = await withManagedSettings(sandbox, [
			"zsh",
			"-i",
			"-c",
			"claude -p 'Say hello' </dev/null",
		]);
		expect(claude.stdout).toBe("Hello! Nice to meet you.");
		const sent = api.requests.slice(before).filter((request) => request.path === "/v1/messages");
		expect(new Set(sent.map((request) => request.credentials["x-api-key"]))).toEqual(new Set(["admin key"]));
		const status = await withManagedSettings(sandbox, [
			process.execPath,
			CLI_PATH,
			"status",
			"--json",
			"--no-verify",
		]);
		expect(JSON.parse(status.stdout).claudeCode.uses.where).toBe("/etc/claude-code/managed-settings.json");
		expect(status.exitCode).not.toBe(0);
	});
});
