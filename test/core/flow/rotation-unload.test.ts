// The keychain with "only when I ask" (--no-shell): the shells claude-setup wrote to before are
// not written again, their blocks are taken out (`unload`); any other choice keeps them targets.
import { describe, expect, it } from "vitest";
import { rotationPlanInput } from "../../../source/core/flow/rotation.js";
import type { TargetName } from "../../../source/core/plan/targets.js";
import { API_KEY, environment } from "./wizard-fixtures.js";

interface Row {
	readonly name: string;
	readonly chosen: TargetName[];
	readonly shellBlock?: boolean;
	readonly ours: TargetName[];
	readonly targets: TargetName[];
	readonly unload?: TargetName[];
}

const rows: Row[] = [
	{
		name: "keychain, no shell block, zsh before → zsh unloaded",
		chosen: ["keychain"],
		shellBlock: false,
		ours: ["zsh"],
		targets: ["keychain"],
		unload: ["zsh"],
	},
	{
		name: "keychain, no shell block, every shell before → all unloaded",
		chosen: ["keychain"],
		shellBlock: false,
		ours: ["zsh", "bash", "fish", "powershell"],
		targets: ["keychain"],
		unload: ["zsh", "bash", "fish", "powershell"],
	},
	{
		name: "keychain before too: it stays a target, the shells go",
		chosen: ["keychain"],
		shellBlock: false,
		ours: ["keychain", "bash"],
		targets: ["keychain"],
		unload: ["bash"],
	},
	{
		name: "keychain, no shell block, nothing before → nothing unloaded",
		chosen: ["keychain"],
		shellBlock: false,
		ours: [],
		targets: ["keychain"],
	},
	{
		name: "keychain with a shell block → the shell gets the lookup block",
		chosen: ["keychain"],
		shellBlock: true,
		ours: ["zsh"],
		targets: ["keychain", "zsh"],
	},
	{
		name: "shellBlock not said (the default) → as with a block",
		chosen: ["keychain"],
		ours: ["fish"],
		targets: ["keychain", "fish"],
	},
	{
		name: "a shell chosen by name stays a target",
		chosen: ["keychain", "zsh"],
		shellBlock: false,
		ours: ["zsh", "bash"],
		targets: ["keychain", "zsh"],
		unload: ["bash"],
	},
	{
		name: "a .env written before is no shell: it stays a target",
		chosen: ["keychain"],
		shellBlock: false,
		ours: ["dotenv", "zsh"],
		targets: ["keychain", "dotenv"],
		unload: ["zsh"],
	},
	{
		name: "no keychain: shellBlock false means nothing",
		chosen: ["bash"],
		shellBlock: false,
		ours: ["zsh"],
		targets: ["bash", "zsh"],
	},
];

describe("rotationPlanInput: the keychain loaded only on request", () => {
	it.each(rows)("$name", (row) => {
		const base = environment("linux", "zsh");
		const env = { ...base, detected: { ...base.detected, pwsh: "/usr/bin/pwsh" }, ourTargets: row.ours };
		const { input } = rotationPlanInput(env, {
			targets: row.chosen,
			variable: "ANTHROPIC_API_KEY",
			key: API_KEY.key,
			disableOthers: false,
			shellBlock: row.shellBlock,
		});
		expect(input.targets).toEqual(row.targets);
		expect(input.unload).toEqual(row.unload);
	});
});
