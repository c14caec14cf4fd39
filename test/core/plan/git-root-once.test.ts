// git is asked once per folder and run whether it is a work tree: detection asks about the home
// folder behind the key prompt, so planning after Enter does not start git again.
import { afterAll, describe, expect, it } from "vitest";
import { detectEnvironment } from "../../../source/core/flow/session.js";
import { planChanges } from "../../../source/core/plan/plan.js";
import { gitRoot } from "../../../source/core/plan/tracked-dotfile.js";
import type { System } from "../../../source/core/system.js";
import { makeTempSystem, removeTempSystems } from "../../helpers/temp-system.js";

afterAll(removeTempSystems);

/** The system, recording every `git rev-parse --show-toplevel` it runs (with its folder). */
function countingRevParse(system: System): { system: System; asked: string[] } {
	const asked: string[] = [];
	const run: System["run"] = (command, args, options) => {
		if (command === "git" && args.includes("--show-toplevel"))
			asked.push(String(args[args.indexOf("-C") + 1]));
		return system.run(command, args, options);
	};
	return { system: { ...system, run }, asked };
}

describe("the git work tree of a folder", () => {
	it("is asked once per folder in a run, and again in the next run", async () => {
		const { system: base, home, project } = await makeTempSystem();
		const first = countingRevParse(base);
		const answers = await Promise.all([gitRoot(first.system, home), gitRoot(first.system, home)]);
		expect(answers).toEqual([undefined, undefined]);
		await gitRoot(first.system, project);
		expect(first.asked).toEqual([home, project]);
		const next = countingRevParse(base);
		await gitRoot(next.system, home);
		expect(next.asked).toEqual([home]);
	});

	it("is asked by detection for the home folder, so planning ~/.zshrc runs no git", async () => {
		const { system: base, home } = await makeTempSystem();
		const { system, asked } = countingRevParse(base);
		const environment = await detectEnvironment(system, process.pid);
		expect(asked).toContain(home); // (and the project, for the .env)
		const detection = [...asked];
		const planned = await planChanges(system, {
			targets: ["zsh"],
			variable: "ANTHROPIC_API_KEY",
			key: `sk-ant-api03-${"g".repeat(89)}GitsAA`,
			detected: environment.detected,
		});
		expect(planned.ok).toBe(true);
		expect(asked).toEqual(detection);
	});
});
