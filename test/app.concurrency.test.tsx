// What the wizard does with the API besides the two requests, over the real Node system: the
// connection opened while the key is typed (never with --no-verify), and Claude asked while
// a fresh shell proves the file, with no "testing" frame when Claude answered first. And the
// work an answer starts before its frame: Esc and Ctrl-C meanwhile still tell the truth.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { System } from "../source/core/system.js";
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
const WRITING = "Writing…";

/** Calls `onWrite` as each file write starts, and holds the writes until `release()`. */
function holdWrites(system: System, onWrite: () => void) {
	let release: () => void = () => undefined;
	const released = new Promise<void>((resolve) => {
		release = resolve;
	});
	const writeAtomic: System["fs"]["writeAtomic"] = async (...args) => {
		onWrite();
		await released;
		return system.fs.writeAtomic(...args);
	};
	return { system: { ...system, fs: { ...system.fs, writeAtomic } }, release: () => release() };
}

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
		// The proof outlasted the look-ahead (its frame showed), and ran once all the same.
		expect(app.frames().some((frame) => frame.includes("Starting a fresh shell to read the key back…"))).toBe(
			true,
		);
		expect(watched?.started()).toBe(1);
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

	it("Enter on where the key goes reads the files and shows the preview in one frame", async () => {
		const { app } = start();
		await app.waitForText(/(Linux|macOS) · zsh/);
		await pasteKey(app);
		await answer(app, "Where should the key go?");
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

	it("Enter on the preview goes straight to the verdict when writing and proving are quick", async () => {
		const written: string[] = [];
		let locked = 0;
		const { app, sandbox } = start({ presetTargets: ["zsh"] }, undefined, (system) => {
			const writeAtomic: System["fs"]["writeAtomic"] = (path, ...rest) => {
				written.push(path);
				return system.fs.writeAtomic(path, ...rest);
			};
			const lock: System["lock"] = (path) => {
				locked++;
				return system.lock?.(path) ?? Promise.reject(new Error("no lock"));
			};
			return { ...system, lock, fs: { ...system.fs, writeAtomic } };
		});
		await pasteKey(app);
		await app.waitForText("Write these changes?");
		// A second Enter before anything changed on screen: the answer is taken once.
		app.press("enter");
		app.press("enter");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expect(locked).toBe(1); // one write, not a second one refused
		expect(written.filter((path) => path.endsWith("/.zshrc"))).toHaveLength(1);
		expect(app.frames().some((frame) => frame.includes(WRITING))).toBe(false);
	});

	it("a slow write shows 'Writing…'; Ctrl-C before or during that frame does not stop it", async () => {
		let held: ReturnType<typeof holdWrites> | undefined;
		let app: ReturnType<typeof start>["app"] | undefined;
		let writes = 0;
		const started = start({ presetTargets: ["zsh"] }, undefined, (system) => {
			// Ctrl-C as the first write starts: the preview is still on screen.
			held = holdWrites(system, () => writes++ === 0 && app?.press("ctrl-c"));
			return held.system;
		});
		app = started.app;
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText(WRITING);
		app.press("ctrl-c");
		app.press("escape");
		held?.release();
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(readBack("zsh", started.sandbox)).toBe(TEST_KEY);
	});

	it("Ctrl-C after a quick write, before its frame, says the changes were written", async () => {
		let app: ReturnType<typeof start>["app"] | undefined;
		const started = start({ presetTargets: ["zsh"] }, undefined, (system) => {
			const watched = watchProofs(system);
			const run: System["run"] = (command, args, options) => {
				const result = watched.system.run(command, args, options);
				// The file is written and proving has begun, all before React has seen any of it.
				if (watched.proving()) app?.press("ctrl-c");
				return result;
			};
			return { ...watched.system, run };
		});
		app = started.app;
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText("Cancelled. The changes shown above were already written.");
		expect(await app.waitForExit()).toBe(130);
		expect(readBack("zsh", started.sandbox)).toBe(TEST_KEY);
		expect(app.frames().some((frame) => frame.includes(WRITING))).toBe(false);
	});
});
