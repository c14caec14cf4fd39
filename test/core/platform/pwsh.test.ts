import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectPlatform, gatherFacts } from "../../../source/core/platform/platform.js";
import { findOnPath, gatherAncestors, nearestShell } from "../../../source/core/platform/pwsh.js";
import type { RunCommand } from "../../../source/core/system.js";
import { makeTempSystem } from "../../helpers/temp-system.js";

const DOTNET_PWSH =
	"dotnet /home/ada/.dotnet/tools/.store/powershell/7.6.10/powershell/7.6.10/tools/net10.0/any/unix/pwsh.dll";

describe("nearestShell: the shell the person typed into, past npm's layers", () => {
	it.each([
		[["pwsh"], "pwsh"],
		[["/opt/microsoft/powershell/7/pwsh -NoLogo"], "pwsh"],
		[[DOTNET_PWSH], "pwsh"],
		[["sh -c claude-setup", "npm exec claude-setup", "-pwsh"], "pwsh"],
		[["sh -c claude-setup", "node /usr/bin/npx claude-setup", "/bin/zsh"], "zsh"],
		[["bash", "pwsh"], "bash"],
		[["fish", DOTNET_PWSH], "fish"],
		[["tmux: server", "pwsh"], undefined],
		[["dotnet run"], undefined],
		[[], undefined],
	] as const)("%j → %s", (ancestors, expected) => {
		expect(nearestShell(ancestors)).toBe(expected);
	});
});

describe("detectPlatform with pwsh", () => {
	const home = "/home/ada";
	it("a pwsh above us wins over $SHELL (a terminal starts $SHELL; this person typed into pwsh)", () => {
		const detected = detectPlatform({
			platform: "linux",
			env: { SHELL: "/bin/bash" },
			home,
			ancestors: ["sh -c claude-setup", "npm exec claude-setup", DOTNET_PWSH],
			pwshPath: "/home/ada/.dotnet/tools/pwsh",
		});
		expect(detected).toMatchObject({
			shell: "powershell",
			shellSource: "parent",
			pwsh: "/home/ada/.dotnet/tools/pwsh",
		});
	});
	it("a bash started from pwsh is bash", () => {
		const facts = {
			platform: "linux" as const,
			env: { SHELL: "/bin/zsh" },
			home,
			ancestors: ["bash", "pwsh"],
		};
		expect(detectPlatform(facts)).toMatchObject({ shell: "zsh", shellSource: "SHELL" });
	});
	it("a login shell of pwsh ($SHELL) is pwsh", () => {
		expect(detectPlatform({ platform: "darwin", env: { SHELL: "/usr/local/bin/pwsh" }, home })).toMatchObject(
			{
				os: "macos",
				shell: "powershell",
			},
		);
	});
});

describe("gatherAncestors and gatherFacts", () => {
	const table: Record<string, string> = {
		"100": "  90 sh -c claude-setup\n",
		"90": "  80 npm exec claude-setup\n",
		"80": `  70 ${DOTNET_PWSH} -NoLogo\n`,
		"70": "  1 /usr/sbin/sshd -D\n",
	};
	const calls: string[] = [];
	const run: RunCommand = async (command, args) => {
		calls.push([command, ...args].join(" "));
		const pid = args.at(-1) ?? "";
		const stdout = args.includes("comm=") ? "sh\n" : (table[pid] ?? "");
		return { exitCode: stdout === "" ? 1 : 0, stdout, stderr: "", notFound: false, timedOut: false };
	};

	it("walks up with ps until the first shell", async () => {
		calls.length = 0;
		expect(await gatherAncestors(run, {}, 100)).toEqual([
			"sh -c claude-setup",
			"npm exec claude-setup",
			`${DOTNET_PWSH} -NoLogo`,
		]);
		expect(calls).toEqual(["ps -o ppid=,args= -p 100", "ps -o ppid=,args= -p 90", "ps -o ppid=,args= -p 80"]);
	});

	it("asks about ancestors only below a pwsh (PSModulePath), and finds pwsh on PATH", async () => {
		const { system, root } = await makeTempSystem();
		const bin = path.join(root, "bin");
		await mkdir(bin);
		await writeFile(path.join(bin, "pwsh"), "#!/bin/sh\n");
		await chmod(path.join(bin, "pwsh"), 0o755);
		calls.length = 0;
		const plain = await gatherFacts({ ...system, run, env: { PATH: `relative:${bin}` } }, 100);
		expect(calls).toEqual(["ps -o comm= -p 100"]);
		expect(plain.ancestors).toBeUndefined();
		expect(plain.pwshPath).toBe(path.join(bin, "pwsh"));
		const below = await gatherFacts(
			{ ...system, run, env: { PATH: "/nonexistent", PSModulePath: "/m" } },
			100,
		);
		expect(below.pwshPath).toBeUndefined();
		expect(detectPlatform(below)).toMatchObject({ shell: "powershell", shellSource: "parent" });
	});

	it("findOnPath skips files that are not executable", async () => {
		const { system, root } = await makeTempSystem();
		await writeFile(path.join(root, "pwsh"), "not executable");
		expect(await findOnPath(system.fs, { PATH: root }, "pwsh")).toBeUndefined();
	});
});
