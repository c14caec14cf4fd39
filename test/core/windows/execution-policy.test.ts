import { describe, expect, it } from "vitest";
import {
	allowProfiles,
	evaluatePolicy,
	type Policy,
	type PolicyReport,
	parsePolicyList,
	readExecutionPolicy,
} from "../../../source/core/windows/execution-policy.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { scriptedRunner } from "../../helpers/scripted-runner.js";

type Scopes = [machine: Policy, user: Policy, process: Policy, currentUser: Policy, localMachine: Policy];

function ours(scopes: Scopes): string {
	const names = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"];
	return names.map((name, index) => `${name}=${scopes[index]}`).join("\r\n");
}

/** What `Get-ExecutionPolicy -List` prints in a console, padded table and all. */
function table(scopes: Scopes): string {
	const names = ["MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine"];
	const rows = names.map((name, index) => `${name.padStart(13)} ${String(scopes[index]).padStart(15)}`);
	return ["", "        Scope ExecutionPolicy", "        ----- ---------------", ...rows, "", ""].join("\r\n");
}

interface Row {
	name: string;
	scopes: Scopes;
	expect: Partial<PolicyReport>;
	explanation: RegExp;
}

const U = "Undefined";
const rows: Row[] = [
	{
		name: "Restricted at LocalMachine",
		scopes: [U, U, U, U, "Restricted"],
		expect: {
			effective: "Restricted",
			decidedBy: "LocalMachine",
			profilesRun: false,
			lockedByGroupPolicy: false,
		},
		explanation:
			/Restricted \(set for LocalMachine\)\. PowerShell will not run your profile: it does not run any script.*run: Set-ExecutionPolicy -Scope CurrentUser RemoteSigned$/,
	},
	{
		name: "all Undefined: the Windows client default, Restricted",
		scopes: [U, U, U, U, U],
		expect: { effective: "Restricted", decidedBy: "default", profilesRun: false, lockedByGroupPolicy: false },
		explanation:
			/no policy is set, so Windows uses its default.*will not run your profile.*Set-ExecutionPolicy/,
	},
	{
		name: "AllSigned: our unsigned profile is blocked too",
		scopes: [U, U, U, U, "AllSigned"],
		expect: { effective: "AllSigned", profilesRun: false },
		explanation: /only scripts signed by a trusted publisher, and your profile is not signed/,
	},
	{
		name: "RemoteSigned at CurrentUser over Restricted at LocalMachine",
		scopes: [U, U, U, "RemoteSigned", "Restricted"],
		expect: {
			effective: "RemoteSigned",
			decidedBy: "CurrentUser",
			profilesRun: true,
			lockedByGroupPolicy: false,
		},
		explanation:
			/^Your PowerShell execution policy is RemoteSigned \(set for CurrentUser\)\. PowerShell will run your profile\.$/,
	},
	{
		name: "Unrestricted at LocalMachine",
		scopes: [U, U, U, U, "Unrestricted"],
		expect: { effective: "Unrestricted", profilesRun: true },
		explanation: /will run your profile/,
	},
	{
		name: "Bypass in Process only: new windows still use Restricted",
		scopes: [U, U, "Bypass", U, U],
		expect: { effective: "Bypass", decidedBy: "Process", profilesRun: false },
		explanation:
			/This window runs with Bypass only for this session; new windows use Restricted.*will not run your profile/,
	},
	{
		name: "Bypass in Process over RemoteSigned at CurrentUser",
		scopes: [U, U, "Bypass", "RemoteSigned", U],
		expect: { effective: "Bypass", decidedBy: "Process", profilesRun: true },
		explanation: /new windows use RemoteSigned \(set for CurrentUser\)\. PowerShell will run your profile/,
	},
	{
		name: "Group Policy (MachinePolicy) locks AllSigned",
		scopes: ["AllSigned", U, "Bypass", "RemoteSigned", U],
		expect: {
			effective: "AllSigned",
			decidedBy: "MachinePolicy",
			profilesRun: false,
			lockedByGroupPolicy: true,
		},
		explanation: /Group Policy, so you cannot change it yourself.*Windows user variable instead\.$/,
	},
	{
		name: "Group Policy (UserPolicy) allowing RemoteSigned",
		scopes: [U, "RemoteSigned", U, "Restricted", U],
		expect: {
			effective: "RemoteSigned",
			decidedBy: "UserPolicy",
			profilesRun: true,
			lockedByGroupPolicy: true,
		},
		explanation: /will run your profile\. Your organisation set it through Group Policy\.$/,
	},
];

describe("evaluatePolicy", () => {
	it.each(rows)("$name (our format)", (row) => {
		const report = evaluatePolicy(parsePolicyList(ours(row.scopes)));
		expect(report).toMatchObject({
			...row.expect,
			fixCommand: "Set-ExecutionPolicy -Scope CurrentUser RemoteSigned",
		});
		expect(report.explanation).toMatch(row.explanation);
	});

	it.each(rows)("$name (PowerShell's table)", (row) => {
		expect(evaluatePolicy(parsePolicyList(table(row.scopes)))).toEqual(
			evaluatePolicy(parsePolicyList(ours(row.scopes))),
		);
	});
});

describe("parsePolicyList", () => {
	it("reads both formats into the same map", () => {
		const scopes: Scopes = [U, U, "Bypass", "RemoteSigned", "AllSigned"];
		const expected = new Map<string, Policy>([
			["MachinePolicy", "Undefined"],
			["UserPolicy", "Undefined"],
			["Process", "Bypass"],
			["CurrentUser", "RemoteSigned"],
			["LocalMachine", "AllSigned"],
		]);
		expect(parsePolicyList(ours(scopes))).toEqual(expected);
		expect(parsePolicyList(table(scopes))).toEqual(expected);
	});

	it("treats Default as Restricted, ignores what it does not know", () => {
		expect(
			parsePolicyList("localmachine=Default\nProcess=Sometimes\nnoise\nCurrentUser  remotesigned"),
		).toEqual(
			new Map([
				["LocalMachine", "Restricted"],
				["CurrentUser", "RemoteSigned"],
			]),
		);
	});
});

describe("readExecutionPolicy and allowProfiles", () => {
	it.each(["powershell", "pwsh"] as const)(
		"asks %s itself (each host keeps its own policy)",
		async (host) => {
			const { run, calls } = scriptedRunner(() => ({ stdout: ours([U, U, U, U, "Restricted"]) }));
			const report = await readExecutionPolicy(run, host);
			expect(report?.profilesRun).toBe(false);
			expect(calls).toHaveLength(1);
			expect(calls[0]).toMatchObject({ command: host, script: SCRIPTS.executionPolicyList });
			expect(calls[0]?.args.slice(0, 4)).toEqual([
				"-NoLogo",
				"-NonInteractive",
				"-NoProfile",
				"-EncodedCommand",
			]);
		},
	);

	it.each([
		["not installed", undefined],
		["failing", { exitCode: 1, stderr: "boom" }],
		["printing nothing useful", { stdout: "hello" }],
	])("no report when the host is %s", async (_, answer) => {
		const { run } = scriptedRunner(() => answer);
		expect(await readExecutionPolicy(run, "pwsh")).toBeUndefined();
	});

	it("runs the one command when asked", async () => {
		const { run, calls } = scriptedRunner(() => ({}));
		expect(await allowProfiles(run, "powershell")).toEqual({ ok: true });
		expect(calls.map((call) => [call.command, call.script])).toEqual([["powershell", SCRIPTS.allowProfiles]]);
	});

	it("says plainly when Group Policy overrides it", async () => {
		const stderr =
			"Windows PowerShell updated your execution policy successfully, but the setting is overridden by a policy defined at a more specific scope.\r\n";
		const { run } = scriptedRunner(() => ({ exitCode: 1, stderr }));
		expect(await allowProfiles(run, "powershell")).toEqual({
			ok: false,
			detail: `Windows PowerShell could not change the execution policy: it said "${stderr.trim()}".`,
		});
	});

	it("says when the host is missing", async () => {
		const { run } = scriptedRunner(() => undefined);
		expect(await allowProfiles(run, "pwsh")).toEqual({
			ok: false,
			detail:
				"PowerShell 7 could not change the execution policy: PowerShell 7 (pwsh.exe) is not installed on this computer.",
		});
	});
});
