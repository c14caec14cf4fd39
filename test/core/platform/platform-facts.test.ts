import { describe, expect, it } from "vitest";
import { detectPlatform, gatherFacts } from "../../../source/core/platform/platform.js";
import type { RunCommand, System } from "../../../source/core/system.js";

const home = "/home/ada";

function systemWith(platform: NodeJS.Platform, files: Record<string, string>, run: RunCommand): System {
	return {
		platform,
		env: { SHELL: "/bin/zsh" },
		homeDir: home,
		cwd: "/work",
		fs: {
			read: async (path) => {
				if (path === "/proc/version" && files[path] === undefined) throw new Error("EACCES");
				return new TextEncoder().encode(files[path]);
			},
			info: async () => undefined,
			writeAtomic: async () => {},
			makeDirectory: async () => {},
			remove: async () => {},
			list: async () => [],
		},
		run,
		api: {} as System["api"],
		now: () => 0,
	};
}

const ok = (stdout: string) => ({
	exitCode: 0,
	stdout,
	stderr: "",
	notFound: false,
	timedOut: false,
});

describe("gatherFacts", () => {
	it("reads /proc/version on linux and asks ps about the given parent pid", async () => {
		const calls: string[][] = [];
		const system = systemWith(
			"linux",
			{ "/proc/version": "Linux 5.15 microsoft-standard" },
			async (command, args) => {
				calls.push([command, ...args]);
				return ok("-zsh\n");
			},
		);
		const facts = await gatherFacts(system, 4242);
		expect(calls).toEqual([["ps", "-o", "comm=", "-p", "4242"]]);
		expect(facts).toMatchObject({
			platform: "linux",
			home,
			procVersion: "Linux 5.15 microsoft-standard",
			parentProcessName: "-zsh",
		});
		expect(detectPlatform(facts)).toMatchObject({ os: "wsl", shell: "zsh" });
	});

	it("tolerates an unreadable /proc, a failing ps and a missing ps", async () => {
		const failing = await gatherFacts(
			systemWith("linux", {}, async () => ({ ...ok(""), exitCode: 1 })),
			1,
		);
		expect(failing.procVersion).toBeUndefined();
		expect(failing.parentProcessName).toBeUndefined();
		const throwing = await gatherFacts(
			systemWith("darwin", {}, async () => {
				throw new Error("spawn ps ENOENT");
			}),
			1,
		);
		expect(throwing).toEqual({
			platform: "darwin",
			env: { SHELL: "/bin/zsh" },
			home,
		});
	});

	it("does not run ps or read /proc on Windows", async () => {
		const calls: string[] = [];
		const facts = await gatherFacts(
			systemWith("win32", {}, async (command) => {
				calls.push(command);
				return ok("");
			}),
			1,
		);
		expect(calls).toEqual([]);
		expect(facts.procVersion).toBeUndefined();
	});
});
