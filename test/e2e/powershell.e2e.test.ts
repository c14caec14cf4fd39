// The powershell target on Linux with the real pwsh 7.6: the built CLI writes the key into
// pwsh's profile in every encoding and shape people have (UTF-8, UTF-8 with BOM, UTF-16LE with
// BOM as Windows PowerShell writes, CRLF, no final newline, non-ASCII lines), keeps every byte
// outside its block, and a fresh pwsh then reads the key AND the profile's own lines right;
// `remove` gives the file back byte for byte. Then the wizard typed into pwsh: detected, offered
// first, proven by pwsh.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { PWSH, type PwshWrapper, runPwsh, withPwshWrapper } from "../helpers/real-pwsh.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, KEYS, openTerminal, runCli } from "../helpers/terminal.js";

const MASKED = "sk-ant-api03-…XwAA";
const OWN = "Zoë Łukasz — ✓ 日本語 🙂";

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());

/** A sandbox whose `pwsh` is the real one behind a wrapper that logs every argument. */
function pwshSandbox(): Sandbox & { profile: string; wrapper: PwshWrapper } {
	const sandbox = makeSandbox({ shell: "bash", baseURL: api.url });
	const folder = join(sandbox.home, ".config", "powershell");
	mkdirSync(folder, { recursive: true });
	return { ...sandbox, ...withPwshWrapper(sandbox.env, sandbox.root), profile: join(folder, "profile.ps1") };
}

/** The CLI started pwsh with -EncodedCommand, and the key was in none of its arguments. */
function expectNoKeyInArgv(wrapper: PwshWrapper): void {
	const calls = wrapper.calls();
	expect(calls.filter((call) => call.script !== undefined).length).toBeGreaterThan(0);
	for (const call of calls) expect(JSON.stringify(call)).not.toContain(SECRET_PART);
}

const utf8 = (text: string) => Buffer.from(text, "utf8");
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The profile's own lines: a non-ASCII value PowerShell must decode right, and some output. */
const own = (eol: string, final: boolean) =>
	[`Write-Output 'profile ran'`, `$env:CLAUDE_SETUP_OWN = '${OWN}'`, "Set-Alias ll Get-ChildItem"].join(eol) +
	(final ? eol : "");

interface Shape {
	readonly bytes: Buffer;
	readonly encode: (text: string) => Buffer;
	readonly eol: "\n" | "\r\n";
	readonly final: boolean;
}

const SHAPES: Readonly<Record<string, Shape>> = {
	"UTF-8, LF": { bytes: utf8(own("\n", true)), encode: utf8, eol: "\n", final: true },
	"UTF-8 with BOM": {
		bytes: Buffer.concat([BOM, utf8(own("\n", true))]),
		encode: utf8,
		eol: "\n",
		final: true,
	},
	"UTF-16LE with BOM, CRLF (Windows PowerShell's Out-File)": {
		bytes: utf16le(own("\r\n", true)),
		encode: (text) => Buffer.from(text, "utf16le"),
		eol: "\r\n",
		final: true,
	},
	"UTF-8, CRLF": { bytes: utf8(own("\r\n", true)), encode: utf8, eol: "\r\n", final: true },
	"no final newline": { bytes: utf8(own("\n", false)), encode: utf8, eol: "\n", final: false },
};

/** What a brand-new pwsh sees: our key, and the profile's own value decoded right. */
async function freshPwsh(sandbox: Sandbox): Promise<{ key: string; own: string; output: string }> {
	const script =
		"[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false); " +
		"[Console]::Out.Write((ConvertTo-Json -Compress @{ key = $env:ANTHROPIC_API_KEY; own = $env:CLAUDE_SETUP_OWN }))";
	const result = await runPwsh(["-NoLogo", "-NonInteractive", "-Command", script], {
		env: sandbox.env,
		cwd: sandbox.project,
	});
	expect(result.code).toBe(0);
	const json = result.stdout.slice(result.stdout.indexOf("{"));
	return { ...(JSON.parse(json) as { key: string; own: string }), output: result.stdout };
}

async function cli(sandbox: Sandbox, args: string[], input = "", env: Record<string, string> = {}) {
	const result = await runCli(sandbox, args, input, env);
	expect(result.stdout + result.stderr).not.toContain(SECRET_PART);
	return result;
}

describe("the powershell target with the real pwsh, in every encoding", { timeout: 60_000 }, () => {
	it.each(Object.entries(SHAPES))(
		"%s: kept byte for byte, the key read by a fresh pwsh, removed exactly",
		async (_, shape) => {
			const sandbox = pwshSandbox();
			writeFileSync(sandbox.profile, shape.bytes);
			const saved = await cli(sandbox, ["--key-stdin", "--target", "powershell", "--json"], TEST_KEY);
			expect(saved.exitCode, saved.stdout + saved.stderr).toBe(0);
			const report = JSON.parse(saved.stdout) as { proofs: { ok: boolean; detail: string }[] };
			expect(report.proofs).toEqual([
				{
					display: "~/.config/powershell/profile.ps1",
					target: "powershell",
					ok: true,
					detail: "A fresh PowerShell 7 reads the key from ~/.config/powershell/profile.ps1",
				},
			]);

			// Every byte of the profile is still there, then the block, in the file's encoding and line endings.
			const after = readFileSync(sandbox.profile);
			const kept = shape.final ? shape.bytes : Buffer.concat([shape.bytes, shape.encode(shape.eol)]);
			expect(after.subarray(0, kept.length).equals(kept)).toBe(true);
			const block = [
				"#region claude-setup",
				"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.",
				`$env:ANTHROPIC_API_KEY = '${TEST_KEY}'`,
				"#endregion claude-setup",
			].join(shape.eol);
			expect(after.subarray(kept.length).equals(shape.encode(block + (shape.final ? shape.eol : "")))).toBe(
				true,
			);

			const seen = await freshPwsh(sandbox);
			expect(seen.key === TEST_KEY).toBe(true);
			expect(seen.own).toBe(OWN);
			expect(seen.output).toContain("profile ran");

			const removed = await cli(sandbox, ["remove", "--yes"]);
			expect(removed.exitCode, removed.stdout).toBe(0);
			expect(readFileSync(sandbox.profile).equals(shape.bytes)).toBe(true);
			expectNoKeyInArgv(sandbox.wrapper);
		},
	);

	it("status finds the key in pwsh's profile and asks a fresh pwsh which one it gets", async () => {
		const sandbox = pwshSandbox();
		writeFileSync(
			sandbox.profile,
			SHAPES["UTF-16LE with BOM, CRLF (Windows PowerShell's Out-File)"]?.bytes ?? "",
		);
		expect(
			(await cli(sandbox, ["--key-stdin", "--target", "powershell", "--no-verify"], TEST_KEY)).exitCode,
		).toBe(0);
		// As in a new terminal, which has the key (#13: a terminal without it is not "All good").
		const status = await cli(sandbox, ["status", "--json"], "", { SHELL: PWSH, ANTHROPIC_API_KEY: TEST_KEY });
		const report = JSON.parse(status.stdout) as {
			findings: { variable: string; where: string; masked: string; wins: boolean; managed: boolean }[];
			newTerminal: { shell: string; masked?: string };
			exitCode: number;
		};
		const inFiles = report.findings.filter((finding) => finding.where !== "this terminal");
		expect(inFiles.filter((finding) => finding.variable === "ANTHROPIC_API_KEY")).toEqual([
			expect.objectContaining({
				where: "~/.config/powershell/profile.ps1 line 6",
				masked: MASKED,
				managed: true,
				wins: true,
			}),
		]);
		expect(report.newTerminal).toEqual({ shell: "PowerShell", masked: MASKED });
		expect(report.exitCode).toBe(0);
		expect(status.exitCode).toBe(0);
		expectNoKeyInArgv(sandbox.wrapper);
	});
});

describe("the wizard typed into pwsh", { timeout: 60_000 }, () => {
	it("detects pwsh, offers its profile first, and a fresh pwsh proves it", async () => {
		const sandbox = pwshSandbox();
		// pwsh runs the CLI, as when someone types `npx claude-setup` at its prompt.
		const command = `& '${process.execPath}' '${CLI_PATH}'; exit $LASTEXITCODE`;
		const terminal = openTerminal(PWSH, ["-NoLogo", "-NoProfile", "-Command", command], {
			env: sandbox.env,
			cwd: sandbox.project,
		});
		try {
			await terminal.seen("Paste your Anthropic API key", 20_000);
			terminal.write(TEST_KEY);
			await terminal.seen("Looks like an API key");
			terminal.write(KEYS.enter);
			const screen = await terminal.seen("↑/↓ to move, Enter to choose").then(terminal.screen);
			const options = screen
				.split("\n")
				.filter((line) => / — /.test(line) && !line.includes("OS keychain: not available here"));
			expect(options[0]).toMatch(
				/❯ ~\/\.config\/powershell\/profile\.ps1 \(your shell\) — every new PowerShell \(pwsh\) terminal/,
			);
			// No session bus in the sandbox: the keychain is named unavailable, not offered.
			expect(options).toHaveLength(5);
			expect(screen).toMatch(/OS keychain: not available here — there is no session bus here/);
			terminal.write(KEYS.enter);
			await terminal.seen("Write these changes?", 20_000);
			expect(terminal.screen()).toContain("Linux · powershell ·");
			terminal.write(KEYS.enter);
			await terminal.seen("A fresh PowerShell 7 reads the key from ~/.config/powershell/profile.ps1", 30_000);
			await terminal.seen("All set.");
			expect(await terminal.exited).toBe(0);
			expect(terminal.output()).not.toContain(SECRET_PART);
			expect((await freshPwsh(sandbox)).key === TEST_KEY).toBe(true);
			// (pwsh puts its own folder first on PATH for what it starts: the wrapper sees nothing here.)
		} finally {
			terminal.kill();
		}
	});
});
