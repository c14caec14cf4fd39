// XDG base folders by the spec: relative values are ignored (a relative XDG_STATE_HOME put
// backups holding the old key inside the project, unignored).
import { describe, expect, it } from "vitest";
import { stateDirectory } from "../../../source/core/plan/manifest.js";
import { backupDirectory } from "../../../source/core/plan/plan.js";
import { privateFilePath } from "../../../source/core/plan/private-file.js";
import { xdgFolder } from "../../../source/core/platform/paths.js";
import { detectPlatform } from "../../../source/core/platform/platform.js";
import type { System } from "../../../source/core/system.js";

const HOME = "/home/ada";

describe("xdgFolder", () => {
	it.each([
		["XDG_STATE_HOME", undefined, "/home/ada/.local/state"],
		["XDG_STATE_HOME", "", "/home/ada/.local/state"],
		["XDG_STATE_HOME", "state", "/home/ada/.local/state"],
		["XDG_STATE_HOME", "./state", "/home/ada/.local/state"],
		["XDG_STATE_HOME", "../elsewhere", "/home/ada/.local/state"],
		["XDG_STATE_HOME", "~/state", "/home/ada/.local/state"],
		["XDG_STATE_HOME", "/var/state", "/var/state"],
		["XDG_DATA_HOME", "data", "/home/ada/.local/share"],
		["XDG_DATA_HOME", "/srv/data", "/srv/data"],
		["XDG_CONFIG_HOME", "cfg", "/home/ada/.config"],
		["XDG_CONFIG_HOME", "/etc/ada", "/etc/ada"],
	] as const)("%s=%j → %s", (variable, value, expected) => {
		expect(xdgFolder({ [variable]: value }, variable, HOME, "linux")).toBe(expected);
	});
});

function systemWith(env: Record<string, string>): System {
	return { platform: "linux", env, homeDir: HOME, cwd: "/work/project" } as unknown as System;
}

describe("claude-setup's state folder (backups, private key file, lock)", () => {
	it.each(["state", "./.state", "../state", "project/state"])(
		"a relative XDG_STATE_HOME (%j) is ignored: nothing lands in the project",
		(value) => {
			const system = systemWith({ XDG_STATE_HOME: value });
			expect(stateDirectory(system)).toBe("/home/ada/.local/state/claude-setup");
			expect(backupDirectory(system)).toBe("/home/ada/.local/state/claude-setup/backups");
			expect(privateFilePath(system, "posix")).toBe("/home/ada/.local/state/claude-setup/env.sh");
		},
	);

	it("an absolute XDG_STATE_HOME is used", () => {
		expect(stateDirectory(systemWith({ XDG_STATE_HOME: "/xdg/state" }))).toBe("/xdg/state/claude-setup");
	});

	it("a relative XDG_CONFIG_HOME is ignored for fish and pwsh files", () => {
		const detected = detectPlatform({ platform: "linux", env: { XDG_CONFIG_HOME: "conf" }, home: HOME });
		expect(detected.xdgConfigHome).toBeUndefined();
	});
});
