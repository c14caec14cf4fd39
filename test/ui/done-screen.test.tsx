// The verdict screen over a real environment, plan and write in a temp HOME; proofs and the
// live test are given, so each way the end can look is shown on its own.
import { cleanup } from "ink-testing-library";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../source/core/apply/apply.js";
import { detectEnvironment, type LiveTest } from "../../source/core/flow/session.js";
import { initialState, type WizardState } from "../../source/core/flow/wizard.js";
import { planChanges } from "../../source/core/plan/plan.js";
import type { Proof } from "../../source/core/prove/proofs.js";
import { DoneScreen } from "../../source/ui/done-screen.js";
import { flat } from "../helpers/ink-driver.js";
import { removeSandbox, renderScreen, sandboxSystem } from "../helpers/render-app.js";
import { makeSandbox, type Sandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";

let sandbox: Sandbox;
let finished: WizardState;
beforeAll(async () => {
	sandbox = makeSandbox({ shell: "zsh", baseURL: "http://127.0.0.1:9" });
	const system = sandboxSystem(sandbox, "http://127.0.0.1:9");
	const environment = await detectEnvironment(system, process.pid);
	const planned = await planChanges(system, {
		targets: ["zsh"],
		variable: "ANTHROPIC_API_KEY",
		key: TEST_KEY,
		detected: environment.detected,
	});
	if (!planned.ok) throw new Error(planned.message);
	const applied = await applyPlan(system, planned.plan);
	if (!applied.ok) throw new Error(applied.message);
	const settings = { presetTargets: [], verify: true, dryRun: false };
	finished = {
		...initialState(settings),
		step: { name: "done" },
		environment,
		plan: planned.plan,
		written: applied.written,
	};
});
afterAll(() => removeSandbox(sandbox));
afterEach(() => cleanup());

const proven: Proof = {
	display: "~/.zshrc",
	target: "zsh",
	ok: true,
	detail: "A fresh zsh reads the key from ~/.zshrc",
};
const replied: LiveTest = { ok: true, model: "claude-haiku-5-5", reply: " Hi there, friend! ", ms: 41.6 };
const creditAdvice = {
	title: "Your account has no credit left",
	why: "The key works, but the API answered 400: the credit balance is too low to use the API.",
	next: ["Add credits at console.anthropic.com → Plans & Billing, then run `claude-setup` again."],
	requestId: "req_011DoneScreenTest",
	outcome: "account" as const,
};

async function show(state: Partial<WizardState>, dryRun = false) {
	const screen = renderScreen(<DoneScreen state={{ ...finished, ...state }} dryRun={dryRun} />);
	const frame = flat(await screen.waitForText(/All set\.|not everything checks out|Dry run finished/));
	expect(screen.frames().join("\n")).not.toContain(SECRET_PART);
	return frame;
}

describe("DoneScreen", () => {
	it("shows what was saved, the proof, Claude's reply and how to use it", async () => {
		const frame = await show({ proofs: [proven], liveTest: replied });
		expect(frame).toContain("✓ Saved to ~/.zshrc");
		expect(frame).toContain("✓ A fresh zsh reads the key from ~/.zshrc");
		expect(frame).toContain("✓ Claude replied in 42 ms (claude-haiku-5-5): “Hi there, friend!”");
		expect(frame).toContain("All set.");
		expect(frame).toContain("source ~/.zshrc");
	});

	it("shows a failed proof in red words and does not say all set", async () => {
		const detail = "A fresh zsh does not see ANTHROPIC_API_KEY: something after the block unsets it.";
		const frame = await show({ proofs: [{ ...proven, ok: false, detail }], liveTest: replied });
		expect(frame).toContain(`✗ ${detail}`);
		expect(frame).toContain("Saved, but not everything checks out — see above.");
		expect(frame).not.toContain("All set.");
	});

	it("shows the advice and request id when the live test failed", async () => {
		const liveTest: LiveTest = { ok: false, model: "claude-haiku-5-5", advice: creditAdvice };
		const frame = await show({ proofs: [proven], liveTest });
		expect(frame).toContain("✓ Saved to ~/.zshrc");
		expect(frame).toContain("✗ Your account has no credit left");
		expect(frame).toContain("→ Add credits at console.anthropic.com → Plans & Billing");
		expect(frame).toContain("request-id: req_011DoneScreenTest");
		expect(frame).toContain("Saved, but not everything checks out");
	});

	it("says the key was not checked when it was saved without a live check", async () => {
		const frame = await show({ proofs: [proven], unchecked: true });
		expect(frame).toContain("The key was saved without a live check");
		expect(frame).not.toContain("Claude replied");
		expect(frame).not.toContain("All set.");
	});

	it("says git stopped tracking the file after an untrack", async () => {
		const frame = await show({ proofs: [proven], liveTest: replied, untracked: true });
		expect(frame).toContain("✓ git no longer tracks the key file; commit that change.");
	});

	it("after a dry run says nothing was written", async () => {
		const frame = await show({}, true);
		expect(frame).toContain("Dry run finished: nothing was written.");
		expect(frame).not.toContain("Saved to");
	});
});
