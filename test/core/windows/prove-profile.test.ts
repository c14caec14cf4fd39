import { describe, expect, it } from "vitest";
import { maskKey } from "../../../source/core/key/key.js";
import type { Env } from "../../../source/core/system.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { proveProfile } from "../../../source/core/windows/user-env.js";
import { marked } from "../../helpers/scripted-runner.js";
import { guardKey, KEY, NAME, OLD, runner, said, WITH_PROFILE } from "./key-guard.js";

guardKey();

describe("proveProfile", () => {
	const baseEnv: Env = {
		Path: "C:\\Windows",
		USERPROFILE: "C:\\Users\\Ada",
		[NAME]: KEY,
		anthropic_api_key: KEY,
		PSExecutionPolicyPreference: "Bypass",
	};
	const noise = "Loading personal and system profiles took 812ms.\r\n🐍 conda base\r\n";
	const policyError =
		". : File C:\\Users\\Ada\\OneDrive\\Documents\\PowerShell\\profile.ps1 cannot be loaded because running scripts is disabled on this system.\r\nAt line:1 char:3\r\n+ CategoryInfo : SecurityError: (:) [], PSSecurityException\r\n";

	it.each([
		[
			"ok, with noise around the markers",
			{ stdout: `${noise}${marked(KEY, "PS C:\\> ")}Goodbye\r\n` },
			{ ok: true },
		],
		[
			"missing, and stderr names the execution policy",
			{ stdout: marked(undefined, noise), stderr: policyError },
			{
				ok: false,
				reason: "missing",
				detail: `A new PowerShell 7 window refused to run your profile because of the execution policy ("File C:\\Users\\Ada\\OneDrive\\Documents\\PowerShell\\profile.ps1 cannot be loaded because running scripts is disabled on this system."), so it does not see ${NAME}.`,
			},
		],
		[
			"missing, the policy error wrapped in CLIXML",
			{
				stdout: marked(undefined),
				stderr: `#< CLIXML\r\n<Objs><S S="Error">${policyError.replace(/\r\n/g, "_x000D__x000A_")}</S></Objs>`,
			},
			{
				ok: false,
				reason: "missing",
				detail: expect.stringMatching(/refused to run your profile because of the execution policy/),
			},
		],
		[
			"missing, nothing on stderr",
			{ stdout: marked(undefined) },
			{
				ok: false,
				reason: "missing",
				detail: `A new PowerShell 7 window does not see ${NAME}. The most likely cause is the execution policy, which stops PowerShell from running your profile at all (check it with Get-ExecutionPolicy -List).`,
			},
		],
		[
			"different",
			{ stdout: marked(OLD, noise) },
			{
				ok: false,
				reason: "different",
				detail: `A new PowerShell 7 window sees a different value (${maskKey(OLD)}) for ${NAME}: a later line in one of your profiles sets it again.`,
			},
		],
		[
			"failed before the marker, stderr echoing the key",
			{ exitCode: 1, stderr: `Unexpected token '${KEY}' in expression or statement.\r\n` },
			{
				ok: false,
				reason: "failed",
				detail: `A new PowerShell 7 window stopped before it could report ${NAME}: it said "Unexpected token '${maskKey(KEY)}' in expression or statement.".`,
			},
		],
		[
			"hung in the profile",
			{ timedOut: true, exitCode: undefined },
			{
				ok: false,
				reason: "failed",
				detail:
					"PowerShell 7 did not finish within 30 seconds. Something in your profile may be waiting for input.",
			},
		],
	])("%s", async (_, answer, expected) => {
		const { run, calls, record } = runner(() => answer);
		expect(said(await proveProfile(run, "pwsh", NAME, KEY, baseEnv, maskKey))).toEqual(expected);
		record();
		expect(calls).toHaveLength(1);
		const call = calls[0];
		expect(call?.command).toBe("pwsh");
		expect(call?.args.slice(0, -1)).toEqual(WITH_PROFILE);
		expect(call?.script).toBe(SCRIPTS.readVariableAfterProfile(NAME));
		expect(call?.input).toBeUndefined();
		// The variable (in any case) and a session-only policy override are gone; the rest stays.
		expect(call?.env).toEqual({ Path: "C:\\Windows", USERPROFILE: "C:\\Users\\Ada" });
	});
});
