// `--key-stdin` runs that succeed: real files, real shells proving them, the real SDK
// against the fake API. Every run also checks the key is never printed (see headless-harness).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FakeAnthropic } from "../../helpers/fake-anthropic.js";
import { watchProofs } from "../../helpers/proof-watch.js";
import { DEBIAN_PROFILE } from "../../helpers/sandbox.js";
import { calls, filesIn, KEY, MASKED, runIn, SECRET, sandboxFor, withFakeApi } from "./headless-harness.js";

let fake: FakeAnthropic;
withFakeApi((started) => {
	fake = started;
});

const SAVED = {
	zsh: { shell: "zsh", file: "home/.zshrc", line: `export ANTHROPIC_API_KEY='${KEY}'` },
	bash: { shell: "bash", file: "home/.bashrc", line: `export ANTHROPIC_API_KEY='${KEY}'` },
	fish: {
		shell: "fish",
		file: "home/.config/fish/conf.d/claude-setup.fish",
		line: `set -gx ANTHROPIC_API_KEY '${KEY}'`,
	},
	dotenv: { shell: "zsh", file: "project/.env", line: `ANTHROPIC_API_KEY=${KEY}` },
} as const;

describe("a successful run", () => {
	it.each(Object.entries(SAVED))(
		"saves, proves and live-tests for %s",
		async (target, { shell, file, line }) => {
			const sandbox = await sandboxFor(fake.url, { shell });
			// A login bash (SSH, tmux) reads ~/.bashrc only through ~/.profile, as Debian's /etc/skel has it.
			if (target === "bash") await writeFile(path.join(sandbox.home, ".profile"), DEBIAN_PROFILE);
			// zsh, bash and fish come from $SHELL; the .env needs --target.
			const options = target === "dotenv" ? { targets: ["dotenv" as const] } : {};
			const { report, text } = await runIn(sandbox, `  ${KEY}\n`, options);
			expect(report).toMatchObject({
				ok: true,
				exitCode: 0,
				key: { kind: "api-key", variable: "ANTHROPIC_API_KEY", masked: MASKED },
				files: [{ target, path: path.join(sandbox.root, file), action: "create", otherDefinitions: [] }],
				proofs: [{ target, ok: true }],
				liveTest: { model: "claude-haiku-5-5", reply: "Hello! Nice to meet you." },
			});
			expect(await readFile(path.join(sandbox.root, file), "utf8")).toContain(line);
			// Outside a repo the .env still gets its .gitignore entry, for a later `git init`.
			const expected =
				target === "dotenv"
					? [file, "project/.gitignore"]
					: target === "bash"
						? [file, "home/.profile"]
						: [file];
			expect(await filesIn(sandbox)).toEqual(expected);
			expect(text).toContain(`• API key ${MASKED}`);
			expect(text).toContain("✓ The API accepts the key.");
			expect(text).toMatch(/✓ Claude replied in \d+ ms \(claude-haiku-5-5\)/);
			expect(calls(fake)).toEqual(["GET /v1/models", "POST /v1/messages"]);
			expect(fake.requests[1]?.body).toMatchObject({ model: "claude-haiku-5-5" });
		},
	);

	it("asks Claude while the fresh shell proves the file (the answer does not depend on it)", async () => {
		const sandbox = await sandboxFor(fake.url);
		// A slow startup file: the proof takes at least 400 ms.
		await writeFile(path.join(sandbox.home, ".zshrc"), "sleep 0.4\n");
		const watched = watchProofs(sandbox.system);
		let askedDuringProof: boolean | undefined;
		fake.setBehaviour((request) => {
			if (request.path === "/v1/messages") askedDuringProof = watched.proving();
			return undefined;
		});
		const { report } = await runIn({ ...sandbox, system: watched.system }, KEY);
		expect(report).toMatchObject({
			ok: true,
			proofs: [{ ok: true }],
			liveTest: { model: "claude-haiku-5-5" },
		});
		expect(askedDuringProof).toBe(true);
		// An interactive and a login zsh, both while Claude is asked.
		expect(watched.started()).toBe(2);
	});

	it("uses --model for the live test", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { report } = await runIn(sandbox, KEY, { model: "claude-sonnet-5-5" });
		expect(report).toMatchObject({ ok: true, exitCode: 0, liveTest: { model: "claude-sonnet-5-5" } });
		expect(fake.requests.at(-1)?.body).toMatchObject({ model: "claude-sonnet-5-5", max_tokens: 32 });
	});

	it("--env-file alone saves to that .env, not the shell's file", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { report } = await runIn(sandbox, KEY, { envFile: "app.env", verify: false });
		expect(report).toMatchObject({ ok: true, files: [{ target: "dotenv" }] });
		expect(await filesIn(sandbox)).toEqual(["project/.gitignore", "project/app.env"]);
	});
});

describe("runs that skip the API", () => {
	it("--no-verify makes no API request at all", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, KEY, { verify: false });
		expect(report).toMatchObject({ ok: true, exitCode: 0, proofs: [{ ok: true }] });
		expect(report).not.toHaveProperty("liveTest");
		expect(fake.requests).toEqual([]);
		expect(await readFile(path.join(sandbox.home, ".zshrc"), "utf8")).toContain(KEY);
		expect(text).not.toContain("API accepts");
	});

	it("--dry-run writes nothing and sends no message", async () => {
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, KEY, { dryRun: true, targets: ["zsh", "fish"] });
		expect(report).toMatchObject({
			ok: true,
			exitCode: 0,
			dryRun: true,
			files: [
				{ target: "zsh", action: "would-create" },
				{ target: "fish", action: "would-create" },
			],
		});
		expect(await filesIn(sandbox)).toEqual([]);
		expect(text).toContain("Dry run: nothing was written.");
		expect(text).toMatch(/^Would create ~\/\.zshrc/m);
		expect(calls(fake)).toEqual(["GET /v1/models"]);
	});

	it("saves an OAuth token as CLAUDE_CODE_OAUTH_TOKEN without calling the API", async () => {
		const secret = "OauthSecretPartNeverShown";
		const token = `sk-ant-oat01-${secret}${"t".repeat(60)}`;
		const sandbox = await sandboxFor(fake.url);
		const { report, text } = await runIn(sandbox, token, {}, [SECRET, secret]);
		expect(report).toMatchObject({
			ok: true,
			exitCode: 0,
			key: { kind: "oauth-token", variable: "CLAUDE_CODE_OAUTH_TOKEN" },
			proofs: [{ ok: true }],
		});
		expect(await readFile(path.join(sandbox.home, ".zshrc"), "utf8")).toContain(
			`export CLAUDE_CODE_OAUTH_TOKEN='${token}'`,
		);
		expect(text).toContain("CLAUDE_CODE_OAUTH_TOKEN");
		expect(fake.requests).toEqual([]);
	});
});
