import { describe, expect, it } from "vitest";
import { ExitCode } from "../../../source/core/exit-codes.js";
import { stoppedLines } from "../../../source/core/flow/stopped.js";

const ZSHRC = { display: "~/.zshrc", path: "/h/.zshrc", action: "inserted" as const };

describe("stoppedLines: a run stopped part-way names what it wrote and how to undo it", () => {
	it("Ctrl-C during the test request names the file and the undo command, never 'shown above'", () => {
		const lines = stoppedLines(ExitCode.cancelled, [ZSHRC, { ...ZSHRC, action: "disabled" }]).join("\n");
		expect(lines).toContain("Cancelled");
		expect(lines).toContain("Already written: ~/.zshrc.");
		expect(lines).toContain("`claude-setup remove`");
		expect(lines).not.toContain("shown above");
	});
	it("nothing written says so", () => {
		expect(stoppedLines(ExitCode.cancelled, [])).toEqual(["Cancelled. Nothing was written."]);
		expect(stoppedLines(ExitCode.notProven, [])).toEqual(["Stopped. Nothing was written."]);
	});
});
