import { describe, expect, it } from "vitest";
import { maskKey } from "../../../source/core/key/key.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import {
	proveUserVariable,
	readUserVariable,
	removeUserVariable,
	setUserVariable,
} from "../../../source/core/windows/user-env.js";
import { leaksOf, marked, scriptedRunner } from "../../helpers/scripted-runner.js";
import { guardKey, KEY, NAME, NO_PROFILE, OLD, runner, said } from "./key-guard.js";

guardKey();

describe("setUserVariable", () => {
	it.each(["powershell", "pwsh"] as const)(
		"%s: the key goes on stdin, SetEnvironmentVariable saves it",
		async (host) => {
			const { run, calls, record } = runner(() => ({}));
			expect(said(await setUserVariable(run, host, NAME, KEY))).toEqual({ ok: true });
			record();
			expect(calls).toHaveLength(1);
			expect(calls[0]).toMatchObject({
				command: host,
				input: `${KEY}\n`,
				script: SCRIPTS.setUserVariable(NAME),
			});
			expect(calls[0]?.args.slice(0, -1)).toEqual(NO_PROFILE);
			expect(calls[0]?.env).toBeUndefined();
		},
	);

	it.each([
		[
			"an error on stderr",
			{ exitCode: 1, stderr: "Requested registry access is not allowed.\r\n" },
			`Windows did not save ${NAME} in your user environment: it said "Requested registry access is not allowed.".`,
		],
		[
			"an error that echoes the key",
			{ exitCode: 1, stderr: `Cannot store ${KEY}\r\nAt line:3 char:2\r\n` },
			`Windows did not save ${NAME} in your user environment: it said "Cannot store ${maskKey(KEY)}".`,
		],
		[
			"a CLIXML error",
			{
				exitCode: 1,
				stderr: '#< CLIXML\r\n<Objs Version="1.1.0.1"><S S="Error">Access denied_x000D__x000A_</S></Objs>',
			},
			`Windows did not save ${NAME} in your user environment: it said "Access denied".`,
		],
		[
			"a silent failure",
			{ exitCode: 1 },
			`Windows did not save ${NAME} in your user environment: it stopped with exit code 1 and no message.`,
		],
		[
			"a missing host",
			undefined,
			`Windows did not save ${NAME} in your user environment: PowerShell 7 (pwsh.exe) is not installed on this computer.`,
		],
		[
			"a hang",
			{ timedOut: true, exitCode: undefined },
			`Windows did not save ${NAME} in your user environment: PowerShell 7 did not finish within 30 seconds.`,
		],
	])("fails with %s in plain words", async (_, answer, detail) => {
		const { run, record } = runner(() => answer);
		expect(said(await setUserVariable(run, "pwsh", NAME, KEY))).toEqual({ ok: false, detail });
		record();
	});

	it.each(["", `${KEY}\nmore`, `${KEY}\r`])(
		"refuses a value that is empty or has line breaks",
		async (value) => {
			const { run, calls } = runner(() => ({}));
			const outcome = said(await setUserVariable(run, "pwsh", NAME, value));
			expect(outcome).toMatchObject({
				ok: false,
				detail: expect.stringMatching(/empty or spans several lines/),
			});
			expect(calls).toEqual([]);
		},
	);

	it("refuses a name that is not an identifier before running anything", async () => {
		const { run, calls } = runner(() => ({}));
		await expect(setUserVariable(run, "pwsh", "BAD NAME", KEY)).rejects.toThrow(/Not a variable name/);
		expect(calls).toEqual([]);
	});
});

describe("readUserVariable and removeUserVariable", () => {
	it.each([
		["set", marked(KEY), { ok: true, value: KEY }],
		["not set", marked(undefined), { ok: true, value: undefined }],
		["empty", marked(""), { ok: true, value: "" }],
	])("reads a variable that is %s", async (_, stdout, expected) => {
		const { run, calls, record } = runner(() => ({ stdout }));
		expect(await readUserVariable(run, "powershell", NAME)).toEqual(expected);
		record();
		expect(calls[0]).toMatchObject({ command: "powershell", script: SCRIPTS.readUserVariable(NAME) });
		expect(calls[0]?.input).toBeUndefined();
	});

	it("a read without a marker is a failure", async () => {
		const { run, record } = runner(() => ({ exitCode: 0, stdout: "" }));
		expect(said(await readUserVariable(run, "powershell", NAME))).toEqual({
			ok: false,
			detail: `Could not read ${NAME} from your user environment: it answered nothing at all, so it is not a working PowerShell. Install PowerShell 7 (\`winget install --id Microsoft.PowerShell --source winget\`) and run \`claude-setup\` again.`,
		});
		record();
	});

	it("removes with SetEnvironmentVariable(name, [NullString]::Value, 'User')", async () => {
		const { run, calls, record } = runner(() => ({}));
		expect(await removeUserVariable(run, "pwsh", NAME)).toEqual({ ok: true });
		record();
		expect(calls.map((call) => [call.command, call.script, call.input])).toEqual([
			["pwsh", SCRIPTS.removeUserVariable(NAME), undefined],
		]);
	});

	it("a failed removal says why", async () => {
		const { run, record } = runner(() => ({ exitCode: 1, stderr: "Access denied\r\n" }));
		expect(said(await removeUserVariable(run, "pwsh", NAME))).toEqual({
			ok: false,
			detail: `Windows did not remove ${NAME} from your user environment: it said "Access denied".`,
		});
		record();
	});
});

describe("proveUserVariable", () => {
	it.each([
		["ok", marked(KEY), { ok: true }],
		[
			"missing",
			marked(undefined),
			{
				ok: false,
				reason: "missing",
				detail: `Your Windows user environment has no ${NAME}, so new windows will not get it.`,
			},
		],
		[
			"different",
			marked(OLD),
			{
				ok: false,
				reason: "different",
				detail: `Your Windows user environment holds a different value (${maskKey(OLD)}) for ${NAME}: something else changed it.`,
			},
		],
	])("%s", async (_, stdout, expected) => {
		const { run, calls, record } = runner(() => ({ stdout }));
		expect(said(await proveUserVariable(run, "powershell", NAME, KEY, maskKey))).toEqual(expected);
		record();
		expect(calls[0]?.script).toBe(SCRIPTS.readUserVariable(NAME));
		expect(calls[0]?.script).toContain(`[Environment]::GetEnvironmentVariable('${NAME}', 'User')`);
	});

	it("failed", async () => {
		const { run, record } = runner(() => undefined);
		expect(said(await proveUserVariable(run, "pwsh", NAME, KEY, maskKey))).toMatchObject({
			ok: false,
			reason: "failed",
			detail: expect.stringMatching(/PowerShell 7 \(pwsh\.exe\) is not installed/),
		});
		record();
	});
});

describe("the leak check itself", () => {
	it("notices a key in an argument, a script or the environment", async () => {
		const { run, calls } = scriptedRunner(() => ({}));
		await run("pwsh", ["-Command", `echo ${KEY}`], { env: { X: KEY } });
		await run("pwsh", ["-EncodedCommand", btoa(Array.from(KEY, (c) => `${c}\0`).join(""))]);
		expect(leaksOf(calls, KEY)).toEqual(["call 0 arg 1", "call 0 env X", "call 1 script"]);
	});
});
