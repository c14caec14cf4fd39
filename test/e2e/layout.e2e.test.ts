// Every line fits: the built CLI in a real pseudo-terminal at 40, 60, 80 and 120 columns. Paths and
// commands a person copies are never cut or split across lines; wrapped lines hang under their text.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../source/core/layout/width.js";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, TEST_KEY, WRONG_KEY } from "../helpers/sandbox.js";
import { KEYS, runInTerminal } from "../helpers/terminal.js";

const BACKUPS = "~/.local/state/claude-setup/backups/";
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing escape codes is the point
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());

/** A sandbox whose ~/.zshrc already exports another key: the preview comments it out and backs up. */
function staleZsh() {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
	writeFileSync(
		join(sandbox.home, ".zshrc"),
		`export PATH=$PATH:/opt/bin\nexport ANTHROPIC_API_KEY=${WRONG_KEY}\n`,
	);
	return sandbox;
}

const shown = (screen: string, home: string) => screen.split(home).join("~");

describe.each([40, 60, 80, 120])("at %i columns", { timeout: 90_000 }, (cols) => {
	it("the wizard's screens cut and split nothing a person needs", async () => {
		const sandbox = staleZsh();
		const run = runInTerminal([], { ...sandbox, cols, rows: 60 });
		await run.waitForText("Paste your Anthropic API key");
		run.write(TEST_KEY);
		await run.waitForText("Looks like an API key");
		run.write(KEYS.enter);
		await run.waitForText("Where should the key go?", 30_000);
		run.write(KEYS.enter);
		await run.waitForText(/Comment (it|them) out\?/, 30_000);
		run.write(KEYS.enter);
		const preview = shown(await run.waitForText("Write these changes?", 30_000), sandbox.home);
		// The commented-out line is wrapped, not cut to "— co…".
		expect(preview.replace(/\s+/g, " ")).toContain("commented out");
		expect(preview).not.toMatch(/\S…$/m);
		// The backup: its folder whole on one line.
		expect(preview.split("\n").some((line) => line.includes(BACKUPS))).toBe(true);
		// A wrapped "●" item continues under its text, not under the bullet.
		const bullet = preview.split("\n").findIndex((line) => line.startsWith(" ● "));
		const next = preview.split("\n")[bullet + 1] ?? "";
		if (!next.includes("+")) expect(next).toMatch(/^ {3}\S/);
		run.write(KEYS.enter);
		// Proven: the offer to delete the old key from what still holds it (Enter: no).
		await run.waitForText("Delete the old key from them?", 30_000);
		run.write(KEYS.enter);
		const done = shown(await run.waitForText("All set.", 30_000), sandbox.home);
		expect(done.split("\n").some((line) => line.includes("`source ~/.zshrc`"))).toBe(true);
		expect(done.split("\n").some((line) => line.includes(BACKUPS))).toBe(true);
		expect(await run.exited).toBe(0);
	});

	it("status is wrapped to the terminal: no line wider than it, commands whole, hanging indent", async () => {
		const sandbox = staleZsh();
		const run = runInTerminal(["status", "--no-verify"], { ...sandbox, cols, rows: 60 });
		await run.exited;
		const lines = run.output().replace(ESCAPES, "").split(/\r?\n/);
		// Every line fits, except a single word wider than the terminal (never at these widths here).
		for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
		const problem = lines.findIndex((line) => line.startsWith("  ✗ ") || line.startsWith("  ! "));
		if (problem >= 0 && lines[problem + 1]?.trim()) expect(lines[problem + 1]).toMatch(/^ {4}\S/);
	});
});
