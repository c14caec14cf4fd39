// A rotation updates every place claude-setup wrote before, pwsh's profile included, but only
// where pwsh is still installed: planning that target asks pwsh for its profile.
import { describe, expect, it } from "vitest";
import { rotationPlanInput } from "../../../source/core/flow/rotation.js";
import { API_KEY, environment } from "./wizard-fixtures.js";

const choice = {
	targets: ["zsh" as const],
	variable: "ANTHROPIC_API_KEY",
	key: API_KEY.key,
	disableOthers: false,
};

describe("rotation and pwsh's profile", () => {
	it.each([
		["pwsh installed", { pwsh: "/usr/bin/pwsh" }, ["zsh", "powershell"]],
		["pwsh is the shell", { shell: "powershell" as const }, ["zsh", "powershell"]],
		["pwsh no longer installed", {}, ["zsh"]],
	])("%s → %j", (_, detected, expected) => {
		const base = environment("linux", "zsh");
		const env = { ...base, detected: { ...base.detected, ...detected }, ourTargets: ["powershell" as const] };
		expect(rotationPlanInput(env, choice).input.targets).toEqual(expected);
	});
});
