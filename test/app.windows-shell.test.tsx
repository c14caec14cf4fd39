// Nothing can tell which shell started us (WMI off as under Wine, only Windows PowerShell 5.1,
// whose Get-Process has no .Parent): the wizard asks after saving, and its answer shapes the advice.
import { describe, expect, it } from "vitest";
import { answer, pasteKey } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { fakeWindows } from "./helpers/fake-windows.js";
import { flat } from "./helpers/ink-driver.js";
import { TEST_KEY } from "./helpers/sandbox.js";
import { expectKeptSecret, renderOn } from "./helpers/windows-app.js";

let fake: FakeAnthropic;
withAppSuite([TEST_KEY], (running) => {
	fake = running;
});

const QUESTION = "Which shell do you type commands into?";
const CMD_ADVICE = "In cmd, `set ANTHROPIC_API_KEY=…` lasts only for that window";

function undetectable() {
	return fakeWindows({
		hosts: { powershell: "5.1.26100.2161" },
		ancestors: ["node.exe", "cmd.exe", "cmd.exe", "explorer.exe"],
		wmi: false,
		apiUrl: fake.url,
	});
}

describe("shell detection that cannot tell", { timeout: 30_000 }, () => {
	it.each([
		{ name: "Command Prompt", downs: 1, picked: "❯ Command Prompt (cmd)", cmdAdvice: true },
		{ name: "PowerShell (the default)", downs: 0, picked: "❯ PowerShell", cmdAdvice: false },
		{ name: "Git Bash", downs: 2, picked: "❯ Git Bash", cmdAdvice: false },
	])("asks after saving; $name shapes the advice", async ({ downs, picked, cmdAdvice }) => {
		const windows = undetectable();
		const app = renderOn(windows);
		await app.waitForText("shell not detected");
		expect(windows.steps().slice(0, 3)).toEqual([
			"powershell version",
			"pwsh (not installed)",
			"powershell parentChain",
		]);
		await pasteKey(app);
		await answer(app, "Where should the key go?");
		await answer(app, "Write these changes?");
		const question = flat(await app.waitForText(QUESTION));
		expect(question).toContain("❯ PowerShell");
		expect(windows.registry).toEqual({ ANTHROPIC_API_KEY: TEST_KEY });
		for (let i = 0; i < downs; i++) app.press("down");
		await app.waitForText(picked);
		app.press("enter");
		const done = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(done.includes(CMD_ADVICE)).toBe(cmdAdvice);
		expect(done).toContain("Every new PowerShell, cmd and Git Bash window");
		expectKeptSecret(app, windows, [TEST_KEY]);
	});

	it("does not ask when the advice is the same for every shell (a .env only)", async () => {
		const windows = undetectable();
		const app = renderOn(windows, { presetTargets: ["dotenv"] });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		const after = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(after).not.toContain(QUESTION);
		expect(app.frames().some((frame) => frame.includes(QUESTION))).toBe(false);
	});
});
