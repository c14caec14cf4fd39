// The script that saves the key runs under the real pwsh 7.6 exactly as claude-setup starts it:
// -EncodedCommand, the key on standard input. A wrapper named pwsh logs every argument as
// /proc/<pid>/cmdline holds it: the key is in no argument and in no decoded script.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunCommand } from "../../../source/core/system.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { setUserVariable } from "../../../source/core/windows/user-env.js";
import { runCommand } from "../../../source/system/node-run.js";
import { pwshWrapper, runPwsh } from "../../helpers/real-pwsh.js";
import { testKey } from "../../helpers/temp-system.js";

const SECRET = "StdinSecretNeverInArgv";
const KEY = testKey(SECRET, "StIn");

describe("setUserVariable under the real pwsh", { timeout: 30_000 }, () => {
	it("reads the key from stdin, and the key is in no argument", async () => {
		const root = await mkdtemp(path.join(os.tmpdir(), "claude-setup-stdin-"));
		const wrapper = pwshWrapper(root);
		const env = { PATH: `${wrapper.folder}:/usr/bin:/bin`, HOME: root };
		const run: RunCommand = (command, args, options) => runCommand(command, args, { ...options, env });
		const [saved, empty] = await Promise.all([
			setUserVariable(run, "pwsh", "ANTHROPIC_API_KEY", KEY),
			// The same script with nothing on stdin: it did read stdin (and says so in one line).
			runCommand(
				"pwsh",
				[
					"-NoLogo",
					"-NonInteractive",
					"-NoProfile",
					"-EncodedCommand",
					Buffer.from(SCRIPTS.setUserVariable("ANTHROPIC_API_KEY"), "utf16le").toString("base64"),
				],
				{ env, input: "\n" },
			),
		]);
		expect(saved).toEqual({ ok: true });
		expect(empty).toMatchObject({ exitCode: 1, stderr: "No value arrived on standard input." });
		const calls = wrapper.calls();
		expect(calls).toHaveLength(2);
		for (const call of calls) {
			expect(call.args.slice(0, 4)).toEqual(["-NoLogo", "-NonInteractive", "-NoProfile", "-EncodedCommand"]);
			expect(call.script).toBe(SCRIPTS.setUserVariable("ANTHROPIC_API_KEY"));
			expect(JSON.stringify(call)).not.toContain(SECRET);
		}
	});
});

// Removing runs SetEnvironmentVariable with a null value. PowerShell turns `$null` passed to a
// string parameter into "", and since .NET 9 (pwsh 7.5+) "" sets the variable EMPTY instead of
// deleting it: `remove` left ANTHROPIC_API_KEY as an empty REG_SZ on Windows (seen under Wine).
// The User scope is the registry, which only Windows has; the Process scope takes the same path
// through .NET here, so the real pwsh shows both the conversion and that our script deletes.
describe("removeUserVariable under the real pwsh", { timeout: 30_000 }, () => {
	const asProcessScope = (script: string) => script.replace("'User')", "'Process')");
	const probe = (remove: string) =>
		[
			"$env:ANTHROPIC_API_KEY = 'old'",
			remove,
			"[Console]::Out.Write('exists=' + (Test-Path env:ANTHROPIC_API_KEY))",
		].join("\n");

	it("`$null` arrives as an empty string, which leaves the variable set and empty", async () => {
		const result = await runPwsh([
			"-NoLogo",
			"-NoProfile",
			"-NonInteractive",
			"-Command",
			probe("[Environment]::SetEnvironmentVariable('ANTHROPIC_API_KEY', $null, 'Process')"),
		]);
		expect(result.stdout).toBe("exists=True");
	});

	it("the script `remove` runs deletes the variable", async () => {
		const script = SCRIPTS.removeUserVariable("ANTHROPIC_API_KEY");
		expect(script).toContain("'User')");
		const result = await runPwsh([
			"-NoLogo",
			"-NoProfile",
			"-NonInteractive",
			"-Command",
			probe(asProcessScope(script)),
		]);
		expect(result).toMatchObject({ code: 0, stderr: "" });
		expect(result.stdout).toBe("exists=False");
	});
});
