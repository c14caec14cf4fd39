// What the wizard does with the API besides the two requests, over the real Node system: the
// connection opened while the key is typed (never with --no-verify), and Claude asked while
// a fresh shell proves the file, with no "testing" frame when Claude answered first.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answer, pasteKey } from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import { type FakeAnthropic, scripted } from "./helpers/fake-anthropic.js";
import { watchProofs } from "./helpers/proof-watch.js";
import { readBack, TEST_KEY } from "./helpers/sandbox.js";

let fake: FakeAnthropic;
const { start, newSandbox } = zshAppSuite([TEST_KEY], (started) => {
	fake = started;
});

const TESTING = "Sending a tiny test request to Claude…";

describe("the API around the checks", { timeout: 30_000 }, () => {
	it("--no-verify: not a single request to the API, not even to open a connection", async () => {
		const { app, sandbox } = start({ presetTargets: ["zsh"], verify: false });
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expect(fake.requests).toEqual([]);
	});

	it("asks Claude while the fresh shell reads the key back, and shows both in one frame", async () => {
		const sandbox = newSandbox();
		writeFileSync(`${sandbox.home}/.zshrc`, "sleep 0.4\n"); // the proof takes at least 400 ms
		let watched: ReturnType<typeof watchProofs> | undefined;
		const { app } = start({ presetTargets: ["zsh"] }, sandbox, (system) => {
			watched = watchProofs(system);
			return watched.system;
		});
		let askedDuringProof: boolean | undefined;
		fake.setBehaviour((request) => {
			if (request.path === "/v1/messages") askedDuringProof = watched?.proving();
			return undefined;
		});
		await pasteKey(app);
		await answer(app, "Write these changes?");
		const done = await app.waitForText("All set.");
		expect(done).toContain("✓ A fresh zsh reads the key from ~/.zshrc");
		expect(askedDuringProof).toBe(true);
		// The proof outlasted the look-ahead (its frame showed), and ran once all the same: one
		// interactive and one login zsh.
		expect(app.frames().some((frame) => frame.includes("Starting a fresh shell to read the key back…"))).toBe(
			true,
		);
		expect(watched?.started()).toBe(2);
		// Claude answered before the shell: no "testing" frame between the proof and the verdict.
		expect(app.frames().some((frame) => frame.includes(TESTING))).toBe(false);
	});

	it("skips the busy lines of quick steps: Enter on the key goes straight to the preview", async () => {
		const { app } = start({ presetTargets: ["zsh"] });
		await app.waitForText(/(Linux|macOS) · zsh/); // detection has landed, as it has for a person
		await pasteKey(app);
		await app.waitForText("Write these changes?");
		expect(app.frames().some((frame) => frame.includes("Reading your files…"))).toBe(false);
	});

	it("shows 'Checking the key' only when the API takes longer than a blink", async () => {
		const CHECKING = "Checking the key with the Anthropic API";
		const quick = start({ presetTargets: ["zsh"] });
		await pasteKey(quick.app);
		await quick.app.waitForText("Write these changes?");
		expect(quick.app.frames().some((frame) => frame.includes(CHECKING))).toBe(false);
		fake.setBehaviour((request) => (request.path === "/v1/models" ? scripted.delay(300) : undefined));
		const slow = start({ presetTargets: ["zsh"] });
		await pasteKey(slow.app);
		await slow.app.waitForText(CHECKING);
		await slow.app.waitForText("Write these changes?");
	});

	it("shows the test request still running when the shell proved the key first", async () => {
		const { app } = start({ presetTargets: ["zsh"] });
		fake.setBehaviour((request) => (request.path === "/v1/messages" ? scripted.delay(300) : undefined));
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText(TESTING);
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
	});
});
