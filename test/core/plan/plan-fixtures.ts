// planChanges and applyPlan as a zsh user on Linux runs them (unless `os` says otherwise),
// throwing when either fails, for tests about what a plan holds or what applying it does.
import { applyPlan } from "../../../source/core/apply/apply.js";
import { type Plan, planChanges } from "../../../source/core/plan/plan.js";
import type { TargetName } from "../../../source/core/plan/targets.js";
import type { Detected } from "../../../source/core/platform/platform.js";
import type { System } from "../../../source/core/system.js";

export async function planFor(
	system: System,
	targets: TargetName[],
	key: string,
	os: Detected["os"] = "linux",
): Promise<Plan> {
	const result = await planChanges(system, {
		targets,
		variable: "ANTHROPIC_API_KEY",
		key,
		detected: { os, shell: "zsh", shellSource: "SHELL", home: system.homeDir },
	});
	if (!result.ok) throw new Error(`plan failed: ${result.message}`);
	return result.plan;
}

/** Applies `planned` and returns what was written. */
export async function applyOrThrow(system: System, planned: Plan) {
	const result = await applyPlan(system, planned);
	if (!result.ok) throw new Error(`apply failed: ${result.message}`);
	return result.written;
}

export async function planAndApply(system: System, targets: TargetName[], key: string): Promise<Plan> {
	const planned = await planFor(system, targets, key);
	await applyOrThrow(system, planned);
	return planned;
}
