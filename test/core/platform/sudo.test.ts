// Run through sudo, claude-setup would write the user's key into root's files (root's HOME) or
// leave root-owned files in the user's home (HOME kept): it refuses (exit 2 in cli.tsx).
// Decided from an environment snapshot and the uid.
import { describe, expect, it } from "vitest";
import { checkSudo, homeOfUser, sudoRefusal } from "../../../source/core/platform/sudo.js";
import type { System } from "../../../source/core/system.js";
import { scriptedRunner } from "../../helpers/scripted-runner.js";

const ADA = {
	SUDO_USER: "ada",
	SUDO_UID: "1000",
	SUDO_GID: "1000",
	SUDO_COMMAND: "/usr/bin/npx claude-setup",
};

describe("sudoRefusal", () => {
	it.each([
		// [name, env, uid, HOME, invoking user's home, root's home, refused]
		["plain user, no sudo", { HOME: "/home/ada" }, 1000, "/home/ada", undefined, undefined, false],
		["sudo with root's HOME (sudo -H, Debian/Fedora default)", ADA, 0, "/root", "/home/ada", "/root", true],
		[
			"sudo, HOME kept as the user's (macOS, old Ubuntu, sudo -E)",
			ADA,
			0,
			"/home/ada",
			"/home/ada",
			"/root",
			true,
		],
		["sudo, HOME kept, with a trailing slash", ADA, 0, "/home/ada/", "/home/ada", "/root", true],
		["sudo on macOS: root's home is /var/root", ADA, 0, "/var/root", "/Users/ada", "/var/root", true],
		["sudo, user unknown to the database, HOME /root", ADA, 0, "/root", undefined, undefined, true],
		["sudo, user unknown, HOME root's unusual home", ADA, 0, "/srv/admin", undefined, "/srv/admin", true],
		[
			"sudo, user unknown, HOME elsewhere: root would own what it creates",
			ADA,
			0,
			"/home/ada",
			undefined,
			"/root",
			true,
		],
		["sudo, HOME is a third user's home", ADA, 0, "/home/bob", "/home/ada", "/root", true],
		["sudo -u bob (not root): bob's own run", ADA, 1001, "/home/bob", "/home/ada", undefined, false],
		["root logged in (su -): no SUDO_USER", { HOME: "/root" }, 0, "/root", undefined, "/root", false],
		[
			"sudo from a root shell: SUDO_USER=root",
			{ ...ADA, SUDO_USER: "root" },
			0,
			"/root",
			"/root",
			"/root",
			false,
		],
		["empty SUDO_USER", { ...ADA, SUDO_USER: "" }, 0, "/root", undefined, "/root", false],
		["Windows: no uid", ADA, undefined, "C:\\Users\\ada", undefined, undefined, false],
	] as const)("%s", (_, env, uid, home, invokingUserHome, rootHome, refused) => {
		const message = sudoRefusal({ env, uid, home, invokingUserHome, rootHome });
		expect(message !== undefined).toBe(refused);
		if (message === undefined) return;
		expect(message).toContain("through sudo");
		expect(message).toContain(home.replace(/\/$/, ""));
		expect(message).toMatch(
			/ada's shells would never see it|ada's own shells could not read a new startup file/,
		);
		expect(message).toMatch(/Run it again without sudo/);
	});

	it("with the user's own HOME, says why root must not create files there", () => {
		const message = sudoRefusal({ env: ADA, uid: 0, home: "/Users/ada", invokingUserHome: "/Users/ada" });
		expect(message?.split("\n").slice(0, 2)).toEqual([
			"claude-setup is running as root through sudo, so what it creates in /Users/ada would belong to root.",
			"ada's own shells could not read a new startup file, and later runs as ada could not update it.",
		]);
	});

	it("names the user's home when it is known", () => {
		const message = sudoRefusal({ env: ADA, uid: 0, home: "/root", invokingUserHome: "/home/ada" });
		expect(message?.split("\n")[0]).toBe(
			"claude-setup is running as root through sudo, so it would save the key in /root, not in ada's home (/home/ada).",
		);
	});
});

function systemWith(
	platform: NodeJS.Platform,
	env: Record<string, string>,
	answer: Parameters<typeof scriptedRunner>[0],
) {
	const { run, calls } = scriptedRunner(answer);
	const system = { platform, env, homeDir: env.HOME ?? "/root", run } as unknown as System;
	return { system, calls };
}

describe("homeOfUser and checkSudo", () => {
	it("reads the home from getent passwd on Linux", async () => {
		const { system, calls } = systemWith("linux", {}, () => ({
			stdout: "ada:x:1000:1000:Ada Lovelace,,,:/home/ada:/usr/bin/zsh\n",
		}));
		expect(await homeOfUser(system, "ada")).toBe("/home/ada");
		expect(calls.map((call) => [call.command, ...call.args])).toEqual([["getent", "passwd", "ada"]]);
	});

	it("reads NFSHomeDirectory from dscl on macOS", async () => {
		const { system, calls } = systemWith("darwin", {}, () => ({ stdout: "NFSHomeDirectory: /Users/ada\n" }));
		expect(await homeOfUser(system, "ada")).toBe("/Users/ada");
		expect(calls[0]?.command).toBe("dscl");
	});

	it.each([
		["getent missing", () => undefined],
		["unknown user (exit 2)", () => ({ exitCode: 2, stdout: "" })],
		["a relative home", () => ({ stdout: "ada:x:1:1::home:/bin/sh\n" })],
	])("%s → unknown", async (_, answer) => {
		const { system } = systemWith("linux", {}, answer);
		expect(await homeOfUser(system, "ada")).toBeUndefined();
	});

	it.each(["-rf", "ada;id", "$(id)", "a b", ""])(
		"a user name like %j is never passed to a program",
		async (name) => {
			const { system, calls } = systemWith("linux", {}, () => ({ stdout: "x:x:0:0::/root:/bin/sh" }));
			expect(await homeOfUser(system, name)).toBeUndefined();
			expect(calls).toEqual([]);
		},
	);

	it("checkSudo asks the user database only when running as root through sudo", async () => {
		const { system, calls } = systemWith("linux", { ...ADA, HOME: "/root" }, () => ({
			stdout: "ada:x:1000:1000::/home/ada:/bin/bash\n",
		}));
		expect(await checkSudo(system, 1000)).toBeUndefined();
		expect(calls).toEqual([]);
		expect(await checkSudo(system, 0, () => "/root")).toMatch(/not in ada's home \(\/home\/ada\)/);
		expect(calls).toHaveLength(1);
	});
});
