// A PowerShell that is not there, started through the real runner with a PATH that has none:
// the message names the program as this system calls it (`pwsh` on macOS and Linux, `pwsh.exe`
// and `powershell.exe` on Windows).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskKey } from "../../../source/core/key/key.js";
import type { RunCommand } from "../../../source/core/system.js";
import { invokePowerShell } from "../../../source/core/windows/invoke.js";
import { SCRIPTS } from "../../../source/core/windows/powershell.js";
import { proveProfile } from "../../../source/core/windows/user-env.js";
import { runCommand } from "../../../source/system/node-run.js";
import { testKey } from "../../helpers/temp-system.js";

const KEY = testKey("InvokeSecret", "InVk");
let empty: string;
let run: RunCommand;

beforeAll(async () => {
	empty = await mkdtemp(path.join(os.tmpdir(), "claude-setup-no-pwsh-"));
	// Only an empty folder on PATH: no pwsh, no powershell.
	run = (command, args, options) =>
		runCommand(command, args, { ...options, env: { PATH: empty, HOME: empty } });
});
afterAll(() => rm(empty, { recursive: true, force: true }));

describe("PowerShell is not installed", () => {
	it.each([
		["pwsh", false, "PowerShell 7 (pwsh) is not installed on this computer."],
		["pwsh", true, "PowerShell 7 (pwsh.exe) is not installed on this computer."],
		["powershell", undefined, "Windows PowerShell (powershell.exe) is not installed on this computer."],
	] as const)("%s, windows: %s → %j", async (host, windows, detail) => {
		const outcome = await invokePowerShell(
			run,
			host,
			SCRIPTS.version,
			windows === undefined ? {} : { windows },
		);
		expect(outcome).toEqual({ ok: false, why: "not-installed", detail });
	});

	it("a fresh pwsh on Linux that is gone says `pwsh`", async () => {
		const proof = await proveProfile(run, "pwsh", "ANTHROPIC_API_KEY", KEY, { PATH: empty }, maskKey, false);
		expect(proof).toEqual({
			ok: false,
			reason: "failed",
			detail: "PowerShell 7 (pwsh) is not installed on this computer.",
		});
	});
});
