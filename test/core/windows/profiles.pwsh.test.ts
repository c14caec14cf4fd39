// pwsh's profile off Windows, asked from the real pwsh 7.6: `profilePaths` gets
// $PROFILE.CurrentUserAllHosts from it, and the files the scan reads without starting pwsh
// (unixProfilePaths) are exactly the two profiles pwsh names, with and without XDG_CONFIG_HOME.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { profilePaths, unixProfilePaths } from "../../../source/core/windows/profiles.js";
import { runCommand } from "../../../source/system/node-run.js";
import { PWSH_DIR, runPwsh } from "../../helpers/real-pwsh.js";

describe("pwsh's profile paths on Linux", { timeout: 30_000 }, () => {
	it.concurrent.each([
		["~/.config", false],
		["XDG_CONFIG_HOME", true],
	])("under %s", async (_, xdg) => {
		const home = await mkdtemp(path.join(os.tmpdir(), "claude-setup-profile-"));
		const xdgConfigHome = xdg ? path.join(home, "xdg config") : undefined;
		const env = {
			PATH: `${PWSH_DIR}:/usr/bin:/bin`,
			HOME: home,
			...(xdgConfigHome ? { XDG_CONFIG_HOME: xdgConfigHome } : {}),
		};
		const asked = await profilePaths(runCommand, [{ host: "pwsh", version: "" }], env);
		const both = await runPwsh(
			[
				"-NoLogo",
				"-NoProfile",
				"-NonInteractive",
				"-Command",
				"$PROFILE.CurrentUserAllHosts; $PROFILE.CurrentUserCurrentHost",
			],
			{ env },
		);
		const expected = unixProfilePaths(home, xdgConfigHome);
		expect(asked).toEqual([{ host: "pwsh", path: expected[0] }]);
		expect(both.stdout.trim().split("\n")).toEqual(expected);
	});
});
