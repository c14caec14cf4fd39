// The preview over real plans: planChanges reads real files in a temp HOME and a real git repo.
import { writeFileSync } from "node:fs";
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Plan, planChanges } from "../../source/core/plan/plan.js";
import type { TargetName } from "../../source/core/plan/targets.js";
import { detectPlatform } from "../../source/core/platform/platform.js";
import { Invocation } from "../../source/ui/paragraph.js";
import { PreviewScreen } from "../../source/ui/preview-screen.js";
import { flat } from "../helpers/ink-driver.js";
import { removeSandbox, renderScreen, sandboxSystem } from "../helpers/render-app.js";
import { git, makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";

const OLD_KEY = `sk-ant-api03-${"o".repeat(89)}OldK`;
const sandboxes: Sandbox[] = [];
afterEach(async () => {
	cleanup();
	await Promise.all(sandboxes.splice(0).map(removeSandbox));
});

async function planFor(targets: TargetName[], prepare: (sandbox: Sandbox) => void = () => undefined) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: "http://127.0.0.1:9", gitRepo: true });
	sandboxes.push(sandbox);
	prepare(sandbox);
	const system = sandboxSystem(sandbox, "http://127.0.0.1:9");
	const detected = detectPlatform({ platform: "linux", env: sandbox.env, home: sandbox.home });
	const result = await planChanges(system, {
		targets,
		variable: "ANTHROPIC_API_KEY",
		key: TEST_KEY,
		detected,
	});
	if (!result.ok) throw new Error(result.message);
	return { plan: result.plan, sandbox };
}

function preview(plan: Plan, dryRun = false) {
	const onAnswer = vi.fn<(yes: boolean) => void>();
	const screen = renderScreen(<PreviewScreen plan={plan} dryRun={dryRun} onAnswer={onAnswer} />);
	return { ...screen, onAnswer };
}

describe("PreviewScreen", () => {
	it("shows a new file with the masked block and asks before writing", async () => {
		const { plan } = await planFor(["zsh"]);
		const screen = preview(plan);
		const frame = await screen.waitForText("Write these changes?");
		expect(frame).toContain("This is what will change:");
		expect(frame).toContain("● Create ~/.zshrc (readable only by you)");
		expect(frame).toContain("+ # >>> claude-setup >>>");
		expect(frame).toContain("+ export ANTHROPIC_API_KEY='sk-ant-api03-…XwAA'");
		expect(frame).toContain("+ # <<< claude-setup <<<");
		expect(frame).toContain("Y/n");
		expect(frame).not.toContain("backed up");
		expect(screen.frames().join("\n")).not.toContain(SECRET_PART);
	});

	it("warns about another definition by line number and names the backup", async () => {
		const { plan } = await planFor(["zsh"], (sandbox) =>
			writeFileSync(`${sandbox.home}/.zshrc`, `alias ll='ls -l'\n\nexport ANTHROPIC_API_KEY=${OLD_KEY}\n`),
		);
		const screen = preview(plan);
		const frame = flat(await screen.waitForText("Write these changes?"));
		expect(frame).toContain("● Add a claude-setup block to ~/.zshrc");
		expect(frame).toContain("! line 3 also sets ANTHROPIC_API_KEY (sk-ant-api03-…OldK)");
		expect(frame).toContain("the claude-setup block comes later, so it wins");
		// File and folder, each whole: neither is broken across lines.
		expect(frame).toMatch(
			/the old file is backed up as \.zshrc\.\S+\.bak in ~\/\.local\/state\/claude-setup\/backups\//,
		);
		expect(frame).not.toContain("o".repeat(20));
	});

	it("shows the .gitignore entry and warns when git already tracks .env", async () => {
		const { plan } = await planFor(["dotenv"], (sandbox) => {
			writeFileSync(`${sandbox.project}/.env`, "DEBUG=1\n");
			git(sandbox.project, sandbox.env, "add", ".env");
			git(sandbox.project, sandbox.env, "commit", "-qm", "env");
		});
		const screen = preview(plan);
		const frame = flat(await screen.waitForText("Write these changes?"));
		expect(frame).toMatch(/● Add the key to \S*\.env \+ ANTHROPIC_API_KEY=sk-ant-api03-…XwAA/);
		expect(frame).toMatch(/● Create \S*\.gitignore so git ignores the key \+ \/?\.env/);
		expect(frame).toMatch(/! git already tracks \S*\.env\. Ignoring it does not untrack it/);
		expect(screen.frames().join("\n")).not.toContain(SECRET_PART);
	});

	it("replaces an old key in .env in place, without a warning about it", async () => {
		const { plan } = await planFor(["dotenv"], (sandbox) =>
			writeFileSync(`${sandbox.project}/.env`, `DEBUG=1\nANTHROPIC_API_KEY=${OLD_KEY}\n`),
		);
		const screen = preview(plan);
		const frame = flat(await screen.waitForText("Write these changes?"));
		expect(frame).toMatch(/● Replace the key in \S*\.env \+ ANTHROPIC_API_KEY=sk-ant-api03-…XwAA/);
		expect(frame).not.toContain("also sets");
	});

	it("in a dry run says nothing will be written", async () => {
		const { plan } = await planFor(["zsh"]);
		const screen = preview(plan, true);
		const frame = await screen.waitForText("Nothing will be written");
		expect(frame).toContain("Dry run — this is what would change:");
		expect(frame).not.toContain("Write these changes?");
	});

	it.each([
		{ typed: "y", yes: true },
		{ typed: "Y", yes: true },
		{ typed: "n", yes: false },
		{ typed: "N", yes: false },
		{ typed: "\r", yes: true },
	])("answers $yes to $typed", async ({ typed, yes }) => {
		const { plan } = await planFor(["zsh"]);
		const screen = preview(plan);
		await screen.waitForText("Write these changes?");
		screen.type("x");
		screen.type(typed);
		await vi.waitFor(() => expect(screen.onAnswer).toHaveBeenCalledTimes(1));
		expect(screen.onAnswer).toHaveBeenCalledWith(yes);
	});
});

describe("PreviewScreen shows the file's lines exactly", () => {
	it("a command inside the block's comment is not renamed for the person (the bytes written are shown)", async () => {
		const { plan } = await planFor(["zsh"]);
		const screen = renderScreen(
			<Invocation.Provider value="npm start --">
				<PreviewScreen plan={plan} dryRun={false} onAnswer={() => undefined} />
			</Invocation.Provider>,
		);
		const frame = flat(await screen.waitForText("Write these changes?"));
		const comment = plan.changes[0]?.previewLines.find((line) => line.includes("Re-run")) ?? "";
		expect(frame).toContain(comment);
		expect(frame).not.toContain("Re-run `npm start --`");
	});
});
