// Rotation in a PowerShell profile: an old definition is commented out only when that leaves
// the profile whole; one that is part of a longer statement is left, and the preview says so.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupPlace } from "../../../source/core/plan/plan.js";
import { planFile } from "../../../source/core/plan/plan-file.js";
import { makeTempSystem, testKey } from "../../helpers/temp-system.js";

const KEY = testKey("PlanFilePs", "PfPs");
const OLD = testKey("PlanFileOld", "PfOl");

async function rotate(profile: string, lines: number[]) {
	const { system, home } = await makeTempSystem();
	const file = path.join(home, "profile.ps1");
	await writeFile(file, profile);
	const target = {
		target: "powershell" as const,
		path: file,
		syntax: "powershell" as const,
		ownsWholeFile: false,
		label: "p",
	};
	const disable = lines.map((line) => ({ path: file, line, masked: "sk-ant-…Ol" }));
	const context = { variable: "ANTHROPIC_API_KEY", key: KEY, ...backupPlace(system) };
	const planned = await planFile(system, target, context, disable);
	if (!planned.ok) throw new Error(planned.message);
	return planned.change;
}

// Each plan asks pwsh's parser (parse/), which takes seconds to start on a busy machine.
describe("planFile: commenting out old PowerShell definitions", { timeout: 60_000 }, () => {
	it("comments out a definition that stands alone", async () => {
		const change = await rotate(`$env:ANTHROPIC_API_KEY = '${OLD}'\n`, [1]);
		expect(change.after?.split("\n")[0]).toMatch(/^# claude-setup disabled this line/);
		expect(change.previewLines.at(-1)).toBe("# line 1: ANTHROPIC_API_KEY=sk-ant-…Ol — commented out");
		expect(change.otherDefinitions).toEqual([]);
	});

	it("leaves one that opens a block, and says so (commenting it out would break the profile)", async () => {
		const profile = `if ($work) { $env:ANTHROPIC_API_KEY = '${OLD}'\n\tWrite-Host work\n}\n`;
		const change = await rotate(profile, [1]);
		expect(change.after?.startsWith(profile)).toBe(true);
		expect(change.previewLines.at(-1)).toBe(
			"# line 1: ANTHROPIC_API_KEY=sk-ant-…Ol — left as it is: it is inside an if, case, loop, function, braces or brackets; delete it or change it by hand, then run `claude-setup` again",
		);
		expect(change.otherDefinitions).toEqual([
			{
				line: 1,
				masked: expect.any(String),
				left: "left as it is: it is inside an if, case, loop, function, braces or brackets; delete it or change it by hand, then run `claude-setup` again",
			},
		]);
		expect(change.parseCheck).toEqual({ kind: "checked", parser: "pwsh" });
	});

	it("a new profile off Windows gets LF line endings", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, "new.ps1");
		const target = {
			target: "powershell" as const,
			path: file,
			syntax: "powershell" as const,
			ownsWholeFile: false,
			label: "p",
		};
		const planned = await planFile(system, target, {
			variable: "ANTHROPIC_API_KEY",
			key: KEY,
			...backupPlace(system),
		});
		expect(planned.ok && planned.change.after).toMatch(
			/^#region claude-setup\n.*\n#endregion claude-setup\n$/s,
		);
		expect(planned.ok && planned.change.after).not.toContain("\r");
	});
});
