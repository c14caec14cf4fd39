// `--key-stdin` on a fake Windows machine: the default target is the user environment, a
// blocked PowerShell profile is explained (never allowed behind the person's back), and a dry
// run changes nothing. The key only ever travels on standard input.
import { describe, expect, it } from "vitest";
import { type HeadlessOptions, runHeadless } from "../../../source/core/flow/headless.js";
import type { FakeAnthropic } from "../../helpers/fake-anthropic.js";
import { fakeApiPerFile } from "../../helpers/fake-api-per-file.js";
import {
	type FakeWindows,
	type FakeWindowsOptions,
	fakeWindows,
	NODE_EXE,
	PARENT_PID,
	PROFILE_PATHS,
} from "../../helpers/fake-windows.js";
import { leaksOf } from "../../helpers/scripted-runner.js";
import { KEY, MASKED, SECRET } from "./headless-harness.js";

let fake: FakeAnthropic;
fakeApiPerFile([KEY], (running) => {
	fake = running;
});

const PWSH: Omit<FakeWindowsOptions, "apiUrl"> = {
	ancestors: ["node.exe", "pwsh.exe", "WindowsTerminal.exe"],
	env: { WT_SESSION: "0b7a3c1e-8f7e-4a43-9a53-2f0c5d1e9a61" },
};

async function run(
	options: Partial<HeadlessOptions> = {},
	machine: Omit<FakeWindowsOptions, "apiUrl"> = PWSH,
) {
	const windows = fakeWindows({ ...machine, apiUrl: fake.url });
	const lines: string[] = [];
	const report = await runHeadless(
		windows.system,
		KEY,
		{ targets: [], verify: true, dryRun: false, ...options },
		{ nodePath: NODE_EXE, parentPid: PARENT_PID, print: (line) => lines.push(line) },
	);
	const text = lines.join("\n");
	expectKeptSecret(windows, text, JSON.stringify(report));
	return { windows, report, text };
}

function expectKeptSecret(windows: FakeWindows, ...shown: string[]) {
	expect(leaksOf(windows.calls, KEY)).toEqual([]);
	expect(windows.steps().filter((step) => step.startsWith("unexpected"))).toEqual([]);
	for (const output of shown) expect(output).not.toContain(SECRET);
}

const setCalls = (windows: FakeWindows) => windows.steps().filter((step) => step.includes("setUserVariable"));

describe("--key-stdin on Windows", () => {
	it("saves to the user environment by default and proves it (exit 0)", async () => {
		const { windows, report, text } = await run();
		expect(report).toMatchObject({
			ok: true,
			exitCode: 0,
			key: { masked: MASKED },
			files: [
				{ target: "windows", path: "the Windows user environment", action: "create", otherDefinitions: [] },
			],
			proofs: [{ target: "windows", ok: true }],
			liveTest: { model: "claude-haiku-5-5" },
		});
		expect(text).toContain("• Set ANTHROPIC_API_KEY in the Windows user environment");
		expect(text).toContain("✓ A fresh process reads the key from the Windows user environment");
		expect(text).toContain("In Windows Terminal: close every tab and window");
		expect(windows.registry).toEqual({ ANTHROPIC_API_KEY: KEY });
		const set = windows.calls.filter((call) => call.script?.includes("SetEnvironmentVariable"));
		expect(set.map((call) => call.input)).toEqual([`${KEY}\n`]);
	});

	it("--target powershell: 5.1's default blocks its profile, pwsh 7's shipped RemoteSigned loads; exits 7", async () => {
		const { windows, report, text } = await run({ targets: ["powershell"] });
		expect(text).toContain(
			"! Windows PowerShell: Your PowerShell execution policy is Restricted (no policy is set, so Windows uses its default).",
		);
		expect(text).not.toContain("! PowerShell 7:");
		expect(text).toContain("run: Set-ExecutionPolicy -Scope CurrentUser RemoteSigned");
		expect(text).toContain(
			"→ The windows target (--target windows) needs no execution policy and reaches every app.",
		);
		expect(windows.steps().filter((step) => step.includes("allowProfiles"))).toEqual([]);
		expect(windows.policies).toEqual({ powershell: {}, pwsh: { LocalMachine: "RemoteSigned" } });
		expect(report).toMatchObject({
			ok: false,
			exitCode: 7,
			proofs: [
				{ target: "powershell", ok: false },
				{ target: "powershell", ok: true },
			],
		});
		expect(text).toContain(
			"✗ A new Windows PowerShell window refused to run your profile because of the execution policy",
		);
		expect(text).toContain(
			"✓ A fresh PowerShell 7 reads the key from ~\\OneDrive\\Documents\\PowerShell\\profile.ps1",
		);
		for (const path of Object.values(PROFILE_PATHS)) expect(windows.bytes(path)).toBeDefined();
		expect(setCalls(windows)).toEqual([]);
	});

	it("--target powershell under Group Policy Restricted for both hosts explains it, never allows it, exits 7", async () => {
		const locked = { MachinePolicy: "Restricted" } as const;
		const { windows, report, text } = await run(
			{ targets: ["powershell"] },
			{ ...PWSH, policies: { powershell: locked, pwsh: locked } },
		);
		for (const label of ["Windows PowerShell", "PowerShell 7"])
			expect(text).toContain(
				`! ${label}: Your PowerShell execution policy is Restricted (set for MachinePolicy). Your organisation set it through Group Policy`,
			);
		expect(text).not.toContain("Set-ExecutionPolicy");
		expect(windows.steps().filter((step) => step.includes("allowProfiles"))).toEqual([]);
		expect(report).toMatchObject({
			ok: false,
			exitCode: 7,
			proofs: [
				{ target: "powershell", ok: false },
				{ target: "powershell", ok: false },
			],
		});
		expect(setCalls(windows)).toEqual([]);
	});

	it("--dry-run writes nothing and never sets the user variable", async () => {
		const { windows, report, text } = await run({ dryRun: true });
		expect(report).toMatchObject({
			ok: true,
			exitCode: 0,
			dryRun: true,
			files: [{ target: "windows", action: "would-create" }],
		});
		expect(text).toContain("Would set ANTHROPIC_API_KEY in the Windows user environment");
		expect(text).toContain("Dry run: nothing was written.");
		expect(windows.fs.files()).toEqual({});
		expect(windows.registry).toEqual({});
		expect(setCalls(windows)).toEqual([]);
	});

	it("a failing SetEnvironmentVariable is reported, exit 6, nothing written", async () => {
		const { windows, report, text } = await run(
			{},
			{ ...PWSH, failSetVariable: "Requested registry access is not allowed." },
		);
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
		expect(text).toContain('it said "Requested registry access is not allowed.". Nothing was changed.');
		expect(windows.fs.files()).toEqual({});
		expect(windows.registry).toEqual({});
	});
});
