// The Windows suite's hang guard on real processes: a run past its deadline is ended (with the
// cleanup hook) and reported, within the deadline plus the grace; a hung run gets one retry.
import { describe, expect, it } from "vitest";
import { boundedRun, longestRun, withOneRetry } from "./helpers/bounded-run.js";

const OPTIONS = { cwd: process.cwd(), env: { PATH: "/usr/bin:/bin" }, timeoutMs: 400, graceMs: 2_000 };

describe("boundedRun", { timeout: 20_000 }, () => {
	it("a run that finishes: its exit code and output, not hung, no cleanup", async () => {
		let cleanups = 0;
		const result = await boundedRun("echo done; exit 3", { ...OPTIONS, onHang: () => cleanups++ });
		expect(result).toMatchObject({ exitCode: 3, hung: false });
		expect(result.output).toContain("done");
		expect(cleanups).toBe(0);
	});

	it("a run that never ends is killed at its deadline, with the cleanup run once", async () => {
		let cleanups = 0;
		const started = Date.now();
		const result = await boundedRun("echo waiting; exec sleep 600", { ...OPTIONS, onHang: () => cleanups++ });
		const took = Date.now() - started;
		expect(result.hung).toBe(true);
		expect(result.output).toContain("waiting");
		expect(cleanups).toBe(1);
		expect(took).toBeGreaterThanOrEqual(OPTIONS.timeoutMs);
		expect(took).toBeLessThan(OPTIONS.timeoutMs + OPTIONS.graceMs);
	});

	it("the longest a retried run can take is two deadlines plus two graces", () => {
		expect(longestRun({ timeoutMs: 100_000, graceMs: 10_000 })).toBe(220_000);
	});
});

describe("withOneRetry", () => {
	it.each([
		{ name: "fine the first time: one attempt, no log", hungs: [false], attempts: 1, logs: 0, hung: false },
		{ name: "hung once: one retry, logged", hungs: [true, false], attempts: 2, logs: 1, hung: false },
		{ name: "hung twice: no third try, hung", hungs: [true, true, false], attempts: 2, logs: 1, hung: true },
	])("$name", async ({ hungs, attempts, logs, hung }) => {
		let tries = 0;
		const lines: string[] = [];
		const result = await withOneRetry(
			async () => ({ hung: hungs[tries++] ?? false, attempt: tries }),
			"Wine: cli.js hung for 100 s",
			(line) => lines.push(line),
		);
		expect({ tries, logs: lines.length, hung: result.hung }).toEqual({ tries: attempts, logs, hung });
		for (const line of lines) expect(line).toBe("Wine: cli.js hung for 100 s; ended and run again");
	});
});
