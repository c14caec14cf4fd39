import { describe, expect, it } from "vitest";
import { detectWindows, gatherWindowsFacts, type HostInfo } from "../../../source/core/windows/detect.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { marked, type RecordedCall, scriptedRunner } from "../../helpers/scripted-runner.js";

const BOTH: HostInfo[] = [
	{ host: "powershell", version: "5.1.22621.4391" },
	{ host: "pwsh", version: "7.4.6" },
];
const ONLY_51: HostInfo[] = [{ host: "powershell", version: "5.1.19041.5129" }];

function answerFor(installed: Record<string, string>, chain: string | "fail") {
	return (call: RecordedCall) => {
		const version = installed[call.command];
		if (version === undefined) return undefined;
		if (call.script === SCRIPTS.version) return { stdout: marked(version) };
		if (call.script === SCRIPTS.parentChain(4242)) {
			return chain === "fail"
				? { exitCode: 1, stderr: "Get-CimInstance : Access denied" }
				: { stdout: chain };
		}
		throw new Error(`unexpected call: ${call.command} ${call.script}`);
	};
}

describe("gatherWindowsFacts", () => {
	const env = { PATH: "C:\\Windows", WT_SESSION: "abc" };

	it("asks each host its version and Windows PowerShell for the parent chain", async () => {
		const { run, calls } = scriptedRunner(
			answerFor(
				{ powershell: "5.1.22621.4391", pwsh: "7.4.6" },
				"cmd.exe\r\nnode.exe\r\ncmd.exe\r\npwsh.exe\r\n\r\n",
			),
		);
		const facts = await gatherWindowsFacts(run, env, 4242);
		expect(facts).toEqual({ env, hosts: BOTH, ancestors: ["cmd.exe", "node.exe", "cmd.exe", "pwsh.exe"] });
		expect(
			calls.map((call) => [call.command, call.script === SCRIPTS.version ? "version" : "chain"]),
		).toEqual([
			["powershell", "version"],
			["pwsh", "version"],
			["powershell", "chain"],
		]);
		for (const call of calls) {
			expect(call.args.slice(0, 4)).toEqual(["-NoLogo", "-NonInteractive", "-NoProfile", "-EncodedCommand"]);
			expect(call.env).toBe(env);
			expect(call.input).toBeUndefined();
		}
		expect(detectWindows(facts)).toEqual({
			shell: "pwsh",
			hosts: BOTH,
			vscode: false,
			windowsTerminal: true,
		});
	});

	it("pwsh missing: only 5.1 is installed", async () => {
		const { run } = scriptedRunner(answerFor({ powershell: "5.1.19041.5129" }, "powershell.exe\n"));
		expect(await gatherWindowsFacts(run, {}, 4242)).toEqual({
			env: {},
			hosts: ONLY_51,
			ancestors: ["powershell.exe"],
		});
	});

	it("only pwsh: it walks the chain", async () => {
		const { run, calls } = scriptedRunner(answerFor({ pwsh: "7.5.0" }, "pwsh.exe\n"));
		const facts = await gatherWindowsFacts(run, {}, 4242);
		expect(facts.hosts).toEqual([{ host: "pwsh", version: "7.5.0" }]);
		expect(facts.ancestors).toEqual(["pwsh.exe"]);
		expect(calls.at(-1)?.command).toBe("pwsh");
	});

	it("no PowerShell at all: nothing installed, no ancestors", async () => {
		const { run, calls } = scriptedRunner(() => undefined);
		expect(await gatherWindowsFacts(run, {}, 4242)).toEqual({ env: {}, hosts: [], ancestors: [] });
		expect(calls).toHaveLength(2);
	});

	it("a failing chain or a host without a version marker is tolerated", async () => {
		const { run } = scriptedRunner((call) =>
			call.command === "pwsh"
				? { exitCode: 0, stdout: "garbage" }
				: answerFor({ powershell: "5.1" }, "fail")(call),
		);
		expect(await gatherWindowsFacts(run, {}, 4242)).toEqual({
			env: {},
			hosts: [{ host: "powershell", version: "5.1" }],
			ancestors: [],
		});
	});

	// WMI off (a disabled service, Wine): 5.1 prints no chain, PowerShell 7's Get-Process does
	// (names without ".exe"); the chain is never half a one from 5.1 alone.
	it.each([
		["5.1 without WMI, pwsh's Get-Process knows", "", "cmd\r\nnode\r\ncmd\r\npwsh\r\n", "pwsh"],
		["neither can tell: no guess from the chain", "", "", "unknown"],
	] as const)("%s", async (_, fromWindowsPowerShell, fromPwsh, shell) => {
		const { run, calls } = scriptedRunner((call) => {
			if (call.script === SCRIPTS.version) {
				return { stdout: marked(call.command === "pwsh" ? "7.6.10" : "5.1.26100.2161") };
			}
			return { stdout: call.command === "pwsh" ? fromPwsh : fromWindowsPowerShell };
		});
		const facts = await gatherWindowsFacts(run, {}, 4242);
		expect(calls.slice(2).map((call) => [call.command, call.script])).toEqual([
			["powershell", SCRIPTS.parentChain(4242)],
			["pwsh", SCRIPTS.parentChain(4242)],
		]);
		expect(detectWindows(facts).shell).toBe(shell);
	});

	it("a timed-out host counts as not installed; no chain for an impossible pid", async () => {
		const { run, calls } = scriptedRunner((call) =>
			call.command === "pwsh" ? { timedOut: true, exitCode: undefined } : { stdout: marked("5.1") },
		);
		const facts = await gatherWindowsFacts(run, {}, 0);
		expect(facts.hosts).toEqual([{ host: "powershell", version: "5.1" }]);
		expect(facts.ancestors).toEqual([]);
		expect(calls).toHaveLength(2);
	});
});
