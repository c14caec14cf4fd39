// The simulated Windows (test/helpers/fake-windows*) against the real pwsh 7.6: wherever pwsh
// can answer one of claude-setup's scripts off Windows, both get the SAME script and must give
// the same answer: the marker shape, a profile's value in each encoding and way of writing it,
// $env reads, the key on stdin with -EncodedCommand, the one-line error. What only Windows can
// answer (the registry, execution policies, Win32_Process) is listed in the README.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Env, RunCommand } from "../../source/core/system.js";
import { parsePolicyList } from "../../source/core/windows/execution-policy.js";
import { type InvokeOptions, invokePowerShell, plainError } from "../../source/core/windows/invoke.js";
import { readMarker, SCRIPTS } from "../../source/core/windows/powershell.js";
import { runCommand } from "../../source/system/node-run.js";
import { fakeWindows, PROFILE_PATHS } from "../helpers/fake-windows.js";
import { PWSH_DIR } from "../helpers/real-pwsh.js";
import { testKey } from "../helpers/temp-system.js";

const KEY = testKey("AgreeSecret", "AgRe");
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const utf16 = (text: string) => {
	const bytes = [0xff, 0xfe];
	for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
	return new Uint8Array(bytes);
};
const VARIABLE = "ANTHROPIC_API_KEY";

interface Answer {
	readonly exitCode: number | undefined;
	/** stdout with line endings as LF (Windows writes CRLF) and the marked value cut out. */
	readonly shape: string;
	readonly value: string | undefined;
	readonly marked: boolean;
	readonly error: string | undefined;
}

async function answer(run: RunCommand, script: string, options: InvokeOptions): Promise<Answer> {
	const outcome = await invokePowerShell(run, "pwsh", script, options);
	if (!outcome.ok) throw new Error(outcome.detail);
	const { stdout, stderr, exitCode } = outcome.result;
	const marker = readMarker(stdout);
	return {
		exitCode,
		shape: markerShape(stdout),
		value: marker.marked ? marker.value : undefined,
		marked: marker.marked,
		error: plainError(stderr),
	};
}

/**
 * What our script printed, from the line break before its marker: LF for Windows' CRLF, the
 * value cut out, without the final line break (execa drops it). What a profile printed before
 * it is not ours to compare (readMarker skips it).
 */
function markerShape(stdout: string): string {
	const text = stdout.replace(/\r\n/g, "\n");
	return text
		.slice(Math.max(0, text.lastIndexOf("\n<<claude-setup:")))
		.replace(/<<claude-setup:set:[^\n]*:claude-setup>>/, "<<claude-setup:set:…:claude-setup>>")
		.replace(/\n$/, "");
}

/** The real pwsh, with a HOME of its own holding `profile` (bytes) as its profile. */
async function realPwsh(profile?: Uint8Array): Promise<{ run: RunCommand; env: Env }> {
	const home = await mkdtemp(path.join(os.tmpdir(), "claude-setup-agree-"));
	if (profile !== undefined) {
		await mkdir(path.join(home, ".config", "powershell"), { recursive: true });
		await writeFile(path.join(home, ".config", "powershell", "profile.ps1"), profile);
	}
	const env = { PATH: `${PWSH_DIR}:/usr/bin:/bin`, HOME: home };
	return { run: (command, args, options) => runCommand(command, args, { env, ...options }), env };
}

function simulated(profile?: Uint8Array) {
	return fakeWindows({
		apiUrl: "http://127.0.0.1:9",
		hosts: { pwsh: "7.6.10" },
		policies: { pwsh: { CurrentUser: "RemoteSigned" } },
		files: profile === undefined ? {} : { [PROFILE_PATHS.pwsh]: profile },
	});
}

/** Both answers to one script; `options.env` is added to each side's own environment. */
async function both(script: string, options: InvokeOptions = {}, profile?: Uint8Array) {
	const real = await realPwsh(profile);
	const fake = simulated(profile);
	const env = (base: Env) => ({ ...base, ...options.env });
	return Promise.all([
		answer(real.run, script, { ...options, env: env(real.env) }),
		answer(fake.system.run, script, { ...options, env: env(fake.system.env) }),
	]);
}

describe("the simulated PowerShell answers as the real pwsh does", { timeout: 60_000 }, () => {
	it("the version and the profile path come back in the same marker shape", async () => {
		const [realVersion, fakeVersion] = await both(SCRIPTS.version);
		expect(realVersion).toMatchObject({ exitCode: 0, marked: true, error: undefined });
		expect(realVersion.value).toMatch(/^7\.\d+\.\d+$/);
		expect(fakeVersion.shape).toBe(realVersion.shape);
		const [realPath, fakePath] = await both(SCRIPTS.profilePath);
		expect(realPath.value).toMatch(/\/\.config\/powershell\/profile\.ps1$/);
		expect(fakePath.value).toMatch(/\\PowerShell\\profile\.ps1$/);
		expect(fakePath.shape).toBe(realPath.shape);
	});

	it.each([
		["inherited, no profile read", { env: { [VARIABLE]: KEY } }],
		["not set", {}],
	] as const)("$env reads: %s", async (_, options) => {
		const [real, fake] = await both(SCRIPTS.readVariableAfterProfile(VARIABLE), options);
		expect(fake).toEqual(real);
	});

	// Each way a profile sets the key (UTF-8), and the encodings people save profiles in.
	const PROFILES: ReadonlyArray<[string, Uint8Array]> = [
		["single quotes", utf8(`$env:${VARIABLE} = '${KEY}'`)],
		["the last of two wins", utf8(`$env:${VARIABLE} = "old"; $env:${VARIABLE} = '${KEY}'`)],
		["a doubled quote", utf8(`$env:${VARIABLE} = 'it''s'`)],
		["a backtick escape", utf8(`$env:${VARIABLE} = "a\`"b"`)],
		["braces", utf8(`\${env:${VARIABLE}} = '${KEY}'`)],
		[".NET, process scope", utf8(`[Environment]::SetEnvironmentVariable('${VARIABLE}', '${KEY}')`)],
		[
			".NET, User scope (not this process)",
			utf8(`[Environment]::SetEnvironmentVariable('${VARIABLE}', 'u', 'User')`),
		],
		["Set-Item", utf8(`Set-Item -Path env:${VARIABLE} -Value '${KEY}'`)],
		["a block comment", utf8(`<#\n$env:${VARIABLE} = 'no'\n#>`)],
		["a here-string", utf8(`$text = @'\n$env:${VARIABLE} = 'no'\n'@`)],
		["non-ASCII, UTF-8", utf8(`Write-Output 'hi'\n$env:${VARIABLE} = 'Zoë ✓'`)],
		["non-ASCII, UTF-8 with BOM", withBom(`Write-Output 'hi'\n$env:${VARIABLE} = 'Zoë ✓'`)],
		["non-ASCII, UTF-16LE with BOM", utf16(`Write-Output 'hi'\r\n$env:${VARIABLE} = 'Zoë ✓'`)],
		[
			"our block, UTF-16LE with BOM, CRLF",
			utf16(`#region claude-setup\r\n$env:${VARIABLE} = '${KEY}'\r\n#endregion claude-setup\r\n`),
		],
	];
	it.concurrent.each(PROFILES)("a profile that sets it: %s", async (_, bytes) => {
		const [real, fake] = await both(SCRIPTS.readVariableAfterProfile(VARIABLE), { loadProfile: true }, bytes);
		expect(real.exitCode).toBe(0);
		expect(fake).toEqual(real);
	});

	it("the key on stdin with -EncodedCommand: taken when there, the same one-line error when not", async () => {
		const [realSaved, fakeSaved] = await both(SCRIPTS.setUserVariable(VARIABLE), { input: `${KEY}\n` });
		expect(realSaved).toMatchObject({ exitCode: 0, error: undefined });
		expect(fakeSaved).toEqual(realSaved);
		const [realEmpty, fakeEmpty] = await both(SCRIPTS.setUserVariable(VARIABLE), { input: "\n" });
		expect(realEmpty).toMatchObject({ exitCode: 1, error: "No value arrived on standard input." });
		expect(fakeEmpty).toEqual(realEmpty);
	});

	it("reading and removing a user variable that is not there", async () => {
		const [realRead, fakeRead] = await both(SCRIPTS.readUserVariable(VARIABLE));
		expect(realRead).toMatchObject({ exitCode: 0, marked: true, value: undefined });
		expect(fakeRead).toEqual(realRead);
		const [realRemoved, fakeRemoved] = await both(SCRIPTS.removeUserVariable(VARIABLE));
		expect(fakeRemoved).toEqual(realRemoved);
	});

	it("the execution policy list names the same scopes, one per line, in a form parsePolicyList reads", async () => {
		const real = await realPwsh();
		const fake = simulated();
		const lists = await Promise.all(
			[real.run, fake.system.run].map(async (run) => {
				const outcome = await invokePowerShell(run, "pwsh", SCRIPTS.executionPolicyList);
				return outcome.ok ? [...parsePolicyList(outcome.result.stdout).keys()] : [];
			}),
		);
		expect(lists[0]).toEqual(["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"]);
		expect(lists[1]).toEqual(lists[0]);
	});
});
