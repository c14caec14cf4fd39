// The line each shell's block runs, run by the real bash, zsh, fish and pwsh against fake
// `secret-tool` and `security` (the real Secret Service is in test/e2e/keychain.e2e.test.ts):
// a key sets the variable; a silent failure (a locked keyring) leaves it unset with one short
// line; a hung store is given up on at the deadline, so the shell still starts.
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keychainShellLine } from "../../../source/core/keychain/consumers.js";
import type { KeychainKind } from "../../../source/core/keychain/store-commands.js";
import type { ShellSyntax } from "../../../source/core/text/shell-words.js";
import { PWSH } from "../../helpers/real-pwsh.js";
import { testKey } from "../../helpers/temp-system.js";

const KEY = testKey("ShellLineSecret");
const bin = mkdtempSync(join(tmpdir(), "claude-setup-fake-keychain-"));
const FAKE = `#!/bin/sh
case "$FAKE_MODE" in
key) printf '%s' "$FAKE_KEY" ;;
fail) exit 1 ;;
hang) exec sleep 30 ;;
esac
`;
for (const tool of ["secret-tool", "security"]) {
	writeFileSync(join(bin, tool), FAKE);
	chmodSync(join(bin, tool), 0o755);
}
afterAll(() => rmSync(bin, { recursive: true, force: true }));

const SHELLS: ReadonlyArray<{
	name: string;
	syntax: ShellSyntax;
	command: string;
	args: (line: string) => string[];
}> = [
	{
		name: "bash",
		syntax: "posix",
		command: "bash",
		args: (line) => ["-c", `${line}\nprintf '<<%s>>' "$ANTHROPIC_API_KEY"`],
	},
	{
		name: "zsh",
		syntax: "posix",
		command: "zsh",
		args: (line) => ["-c", `${line}\nprintf '<<%s>>' "$ANTHROPIC_API_KEY"`],
	},
	{
		name: "fish",
		syntax: "fish",
		command: "fish",
		args: (line) => ["-c", `${line}\nprintf '<<%s>>' "$ANTHROPIC_API_KEY"`],
	},
	{
		name: "pwsh",
		syntax: "powershell",
		command: PWSH,
		args: (line) => ["-NoLogo", "-NoProfile", "-Command", `${line}\n'<<' + $env:ANTHROPIC_API_KEY + '>>'`],
	},
];

function run(command: string, args: string[], mode: string) {
	const started = performance.now();
	return new Promise<{ out: string; err: string; ms: number }>((resolve) => {
		execFile(
			command,
			args,
			{
				env: { PATH: `${bin}:${process.env.PATH}`, HOME: bin, FAKE_MODE: mode, FAKE_KEY: KEY },
				timeout: 20_000,
			},
			(_error, stdout, stderr) => resolve({ out: stdout, err: stderr, ms: performance.now() - started }),
		);
	});
}

const KINDS: readonly KeychainKind[] = ["secret-service", "macos-keychain"];
const cases = SHELLS.flatMap((shell) => KINDS.map((kind) => ({ ...shell, kind })));

describe.each(cases)("$name, $kind", ({ syntax, command, args, kind }) => {
	const line = keychainShellLine(kind, syntax, "ANTHROPIC_API_KEY");

	it("is one line and never holds a key", () => {
		expect(line).not.toMatch(/[\r\n]/);
		expect(line).not.toContain("sk-ant");
	});

	it("exports the key the store prints, and says nothing", async () => {
		const result = await run(command, args(line), "key");
		expect(result.out).toContain(`<<${KEY}>>`);
		expect(result.err).toBe("");
	});

	it("a silent failure (a locked keyring): unset, and one short line on stderr", async () => {
		const result = await run(command, args(line), "fail");
		expect(result.out).toContain("<<>>");
		expect(result.err.trim().split("\n")).toEqual([
			expect.stringMatching(/^claude-setup: ANTHROPIC_API_KEY not loaded/),
		]);
	});

	it("a store that never answers: given up after 2 s, the shell starts", async () => {
		const result = await run(command, args(line), "hang");
		expect(result.out).toContain("<<>>");
		expect(result.err).toMatch(/not loaded/);
		expect(result.ms).toBeGreaterThan(1900);
		expect(result.ms).toBeLessThan(8000);
	}, 20_000);
});
