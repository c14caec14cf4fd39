// The fake Windows machine answers like the real one where the wizard's tests depend on it:
// profiles load only when the policy for NEW windows allows it, unknown scripts and programs are
// "not installed" and listed, and Git Bash / Node read the files on the fake disk.
import { describe, expect, it } from "vitest";
import { proveTarget } from "../../source/core/prove/prove.js";
import { encodeText } from "../../source/core/text/text-encoding.js";
import { invokePowerShell } from "../../source/core/windows/invoke.js";
import { readMarker, SCRIPTS } from "../../source/core/windows/powershell.js";
import { proveProfile } from "../../source/core/windows/user-env.js";
import {
	type FakeWindowsOptions,
	fakeWindows,
	HOME,
	PROFILE_PATHS,
	PROJECT,
} from "../helpers/fake-windows.js";

const NAME = "ANTHROPIC_API_KEY";
const KEY = `sk-ant-api03-${"f".repeat(91)}FaKe`;
const mask = () => "masked";
const profile = `#region claude-setup\r\n$env:${NAME} = '${KEY}'\r\n#endregion claude-setup\r\n`;

function machine(options: Omit<FakeWindowsOptions, "apiUrl">) {
	return fakeWindows({ apiUrl: "http://127.0.0.1:9", ...options });
}

describe("a profile-loading PowerShell on the fake machine", () => {
	// pwsh 7 ships RemoteSigned for LocalMachine (powershell.config.json); 5.1 has no such file.
	it.each([
		["pwsh: RemoteSigned for CurrentUser", "pwsh", { CurrentUser: "RemoteSigned" }, {}, { ok: true }],
		["pwsh: nothing set by the person (shipped RemoteSigned)", "pwsh", {}, {}, { ok: true }],
		[
			"5.1: nothing set (Restricted)",
			"powershell",
			{},
			{},
			{ ok: false, detail: /running scripts is disabled/ },
		],
		[
			"pwsh: Restricted set for CurrentUser outranks the shipped RemoteSigned",
			"pwsh",
			{ CurrentUser: "Restricted" },
			{},
			{ ok: false, detail: /running scripts is disabled/ },
		],
		[
			"pwsh: AllSigned",
			"pwsh",
			{ LocalMachine: "AllSigned" },
			{},
			{ ok: false, detail: /is not digitally signed/ },
		],
		[
			"5.1: Bypass for this process only (new windows are Restricted)",
			"powershell",
			{},
			{ PSExecutionPolicyPreference: "Bypass" },
			{ ok: false, detail: /running scripts is disabled/ },
		],
		[
			"pwsh: Group Policy Restricted wins over CurrentUser",
			"pwsh",
			{ MachinePolicy: "Restricted", CurrentUser: "RemoteSigned" },
			{},
			{ ok: false, detail: /execution policy/ },
		],
	] as const)("%s", async (_, host, policy, env, expected) => {
		const windows = machine({
			hosts: { [host]: host === "pwsh" ? "7.6.10" : "5.1.26100.2161" },
			policies: { [host]: policy },
			env,
			files: { [PROFILE_PATHS[host]]: profile },
		});
		const proof = await proveProfile(windows.system.run, host, NAME, KEY, windows.system.env, mask);
		if (expected.ok) expect(proof).toEqual({ ok: true });
		else
			expect(proof).toMatchObject({
				ok: false,
				reason: "missing",
				detail: expect.stringMatching(expected.detail),
			});
	});

	it("Get-ExecutionPolicy -List: pwsh 7 says LocalMachine RemoteSigned out of the box, 5.1 all Undefined", async () => {
		const windows = machine({ hosts: { powershell: "5.1.26100.2161", pwsh: "7.6.10" } });
		const lists = await Promise.all(
			(["powershell", "pwsh"] as const).map((host) =>
				invokePowerShell(windows.system.run, host, SCRIPTS.executionPolicyList),
			),
		);
		const scopes = (policyOf: (scope: string) => string) =>
			["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"]
				.map((scope) => `${scope}=${policyOf(scope)}\r\n`)
				.join("");
		expect(lists.map((list) => list.ok && list.result.stdout)).toEqual([
			scopes(() => "Undefined"),
			scopes((scope) => (scope === "LocalMachine" ? "RemoteSigned" : "Undefined")),
		]);
	});

	it("reads a UTF-16LE profile, the last definition winning, and ignores it with -NoProfile", async () => {
		const text = `\uFEFF$env:${NAME} = 'first'\r\n${profile}`;
		const windows = machine({
			hosts: { powershell: "5.1.19041.5247" },
			policies: { powershell: { CurrentUser: "Unrestricted" } },
			files: { [PROFILE_PATHS.powershell]: encodeText({ text, encoding: "utf16le" }) },
		});
		const script = SCRIPTS.readVariableAfterProfile(NAME);
		const loaded = await invokePowerShell(windows.system.run, "powershell", script, { loadProfile: true });
		const skipped = await invokePowerShell(windows.system.run, "powershell", script);
		expect(loaded.ok && readMarker(loaded.result.stdout)).toEqual({ marked: true, value: KEY });
		expect(skipped.ok && readMarker(skipped.result.stdout)).toEqual({ marked: true, value: undefined });
	});
});

describe("what the fake machine does not know", () => {
	it("a host that is not installed, an unknown script and an unknown program are not found, and listed", async () => {
		const windows = machine({ hosts: { powershell: "5.1.19041.5247" } });
		const missing = await invokePowerShell(windows.system.run, "pwsh", SCRIPTS.version);
		const unknown = await invokePowerShell(windows.system.run, "powershell", "Get-ChildItem Env:");
		const setx = await windows.system.run("setx", [NAME, "x"]);
		expect([missing.ok, unknown.ok, setx.notFound]).toEqual([false, false, true]);
		expect(windows.steps()).toEqual([
			"pwsh (not installed)",
			expect.stringMatching(/^unexpected: powershell -NoLogo -NonInteractive -NoProfile -EncodedCommand /),
			`unexpected: setx ${NAME} x`,
		]);
	});
});

describe("Git Bash and Node's .env loader on the fake disk", () => {
	const env = { MSYSTEM: "MINGW64", HOME };
	it.each([
		["Git Bash reads ~/.bash_profile", env, { ok: true }],
		["bash is not on PATH outside Git Bash", {}, { ok: false, reason: "shell-missing" }],
	] as const)("%s", async (_, extra, expected) => {
		const windows = machine({
			env: extra,
			files: { [`${HOME}\\.bash_profile`]: `export ${NAME}='${KEY}'\n` },
		});
		const proof = await proveTarget(windows.system.run, {
			target: "bash",
			os: "windows",
			variable: NAME,
			expected: KEY,
			baseEnv: windows.system.env,
			mask,
		});
		expect(proof).toMatchObject(expected);
	});

	it.each([
		["a .env with the key", { [`${PROJECT}\\.env`]: `${NAME}=${KEY}\r\n` }, { ok: true }],
		["no .env at all", {}, { ok: false, reason: "failed" }],
	] as const)("%s", async (_, files, expected) => {
		const windows = machine({ files });
		const proof = await proveTarget(windows.system.run, {
			target: "dotenv",
			os: "windows",
			variable: NAME,
			expected: KEY,
			baseEnv: windows.system.env,
			envFilePath: `${PROJECT}\\.env`,
			nodePath: "node.exe",
			mask,
		});
		expect(proof).toMatchObject(expected);
	});
});
