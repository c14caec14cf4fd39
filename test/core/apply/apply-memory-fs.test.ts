// planChanges + applyPlan against the in-memory Windows file system: Git Bash's
// ~/.bash_profile under C:\Users\Ada, written byte-exact or left alone on a failure.
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../../source/core/apply/apply.js";
import { planChanges } from "../../../source/core/plan/plan.js";
import type { System } from "../../../source/core/system.js";
import { createMemoryFs, fsError, type MemoryFs } from "../../helpers/memory-fs.js";
import { NO_API, testKey } from "../../helpers/temp-system.js";

const HOME = "C:\\Users\\Ada";
const PROFILE = `${HOME}\\.bash_profile`;
const KEY = testKey("MemoryFsSecretNeverShown");
const ORIGINAL = "# mine\nalias ll='ls -l'\n";

function windowsSystem(fs: MemoryFs): System {
	return {
		platform: "win32",
		env: { HOME, USERPROFILE: HOME },
		homeDir: HOME,
		cwd: `${HOME}\\project`,
		fs,
		run: () => Promise.reject(new Error("unexpected command")),
		api: NO_API,
		now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
	};
}

async function planAndApply(fs: MemoryFs) {
	const system = windowsSystem(fs);
	const planned = await planChanges(system, {
		targets: ["bash"],
		variable: "ANTHROPIC_API_KEY",
		key: KEY,
		detected: { os: "windows", shell: "git-bash", shellSource: "SHELL", home: HOME },
	});
	if (!planned.ok) throw new Error(planned.message);
	return { planned: planned.plan, result: await applyPlan(system, planned.plan) };
}

describe("plan and apply on the in-memory Windows file system", () => {
	it("writes the block into the existing profile and a byte-identical backup", async () => {
		const fs = createMemoryFs({ files: { [PROFILE]: ORIGINAL } });
		const { planned, result } = await planAndApply(fs);
		expect(result.ok).toBe(true);
		const files = fs.files();
		const backup = Object.keys(files).find((path) => path.endsWith(".bak"));
		expect(backup && files[backup]).toEqual(new TextEncoder().encode(ORIGINAL));
		expect(new TextDecoder().decode(files[PROFILE])).toBe(planned.changes[0]?.after);
		expect(planned.changes[0]?.after?.startsWith(ORIGINAL)).toBe(true);
	});

	it.each(["EPERM", "EACCES", "ENOSPC"])(
		"leaves the profile as it was when its write fails with %s",
		async (code) => {
			const fs = createMemoryFs({
				files: { [PROFILE]: ORIGINAL },
				failWrites: (path) => (path === PROFILE ? fsError(code, "rename", path) : undefined),
			});
			const { result } = await planAndApply(fs);
			expect(result).toMatchObject({ ok: false, path: PROFILE });
			if (!result.ok) expect(result.message).toContain(`(${code})`);
			expect(fs.files()[PROFILE]).toEqual(new TextEncoder().encode(ORIGINAL));
			expect(JSON.stringify(result)).not.toContain(KEY);
		},
	);
});
