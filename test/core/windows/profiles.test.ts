import { describe, expect, it } from "vitest";
import { profileFiles } from "../../../source/core/plan/windows-plan.js";
import type { System } from "../../../source/core/system.js";
import type { HostInfo, WindowsContext } from "../../../source/core/windows/detect.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { profilePaths } from "../../../source/core/windows/profiles.js";
import { marked, type RecordedCall, scriptedRunner } from "../../helpers/scripted-runner.js";

const BOTH: HostInfo[] = [
	{ host: "powershell", version: "5.1.22621.4391" },
	{ host: "pwsh", version: "7.4.6" },
];
const PWSH_PATH = "C:\\Users\\Ada\\OneDrive\\Documents\\PowerShell\\profile.ps1";
const WINPS_PATH = "C:\\Users\\Ada\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1";
const onedrive = (call: RecordedCall) =>
	call.script !== SCRIPTS.profilePath
		? { exitCode: 1 }
		: { stdout: marked(call.command === "pwsh" ? PWSH_PATH : WINPS_PATH) };

describe("profilePaths", () => {
	it("asks each installed host, without its profile, and keeps OneDrive's Documents", async () => {
		const { run, calls } = scriptedRunner(onedrive);
		expect(await profilePaths(run, BOTH)).toEqual([
			{ host: "powershell", path: WINPS_PATH },
			{ host: "pwsh", path: PWSH_PATH },
		]);
		expect(calls.map((call) => call.command)).toEqual(["powershell", "pwsh"]);
		for (const call of calls) {
			expect(call.script).toBe(SCRIPTS.profilePath);
			expect(call.args).toContain("-NoProfile");
		}
	});

	it("only the hosts it is given (pwsh missing)", async () => {
		const { run, calls } = scriptedRunner(onedrive);
		expect(await profilePaths(run, [{ host: "powershell", version: "5.1" }])).toEqual([
			{ host: "powershell", path: WINPS_PATH },
		]);
		expect(calls).toHaveLength(1);
	});

	it.each([
		["not installed after all", undefined],
		["erroring", { exitCode: 1, stderr: "The term '$PROFILE' is not recognized" }],
		["printing no marker", { stdout: "C:\\somewhere\\profile.ps1" }],
		["printing an empty path", { stdout: marked("") }],
		["timing out", { timedOut: true, exitCode: undefined }],
	])("skips a host %s", async (_, answer) => {
		const { run } = scriptedRunner((call) => (call.command === "pwsh" ? answer : onedrive(call)));
		expect(await profilePaths(run, BOTH)).toEqual([{ host: "powershell", path: WINPS_PATH }]);
	});

	it("lists one file once, whatever the case", async () => {
		const { run } = scriptedRunner((call) => ({
			stdout: marked(call.command === "pwsh" ? PWSH_PATH.toLowerCase() : PWSH_PATH),
		}));
		expect(await profilePaths(run, [...BOTH, { host: "pwsh", version: "7.5" }])).toEqual([
			{ host: "powershell", path: PWSH_PATH },
		]);
	});
});

describe("profileFiles labels", () => {
	it("shorten the home folder to ~ only at a path boundary", async () => {
		const { run } = scriptedRunner(onedrive);
		const system = { run } as unknown as System;
		const windows: WindowsContext = { shell: "pwsh", hosts: BOTH, vscode: false, windowsTerminal: false };
		const labels = async (home: string) => {
			const planned = await profileFiles(system, windows, home);
			return planned.ok ? planned.files.map((file) => file.label) : [];
		};
		expect(await labels("C:\\Users\\Ada")).toEqual([
			"Windows PowerShell profile — ~\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1",
			"PowerShell 7 profile — ~\\OneDrive\\Documents\\PowerShell\\profile.ps1",
		]);
		expect(await labels("C:\\Users\\Ad")).toEqual([
			`Windows PowerShell profile — ${WINPS_PATH}`,
			`PowerShell 7 profile — ${PWSH_PATH}`,
		]);
	});
});
