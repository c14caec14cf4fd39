// The work an answer starts before React has seen it (the next step's, at once): quick work
// reaches the screen as one frame, slow work shows its busy line and is taken over, never
// started twice, and Esc or Ctrl-C meanwhile still tell the truth about what was written.
import { describe, expect, it } from "vitest";
import type { System } from "../source/core/system.js";
import { answer, pasteKey } from "./helpers/app-steps.js";
import { zshAppSuite } from "./helpers/app-suite.js";
import { watchProofs } from "./helpers/proof-watch.js";
import { readBack, TEST_KEY } from "./helpers/sandbox.js";

const { start } = zshAppSuite([TEST_KEY]);

const WRITING = "Writing…";

/** The moments a test presses a key at, as the system sees them. */
type Moment = "the write begins" | "the write ends" | "the proof begins";

/**
 * Counts the write lock's takings and the files written, calls `at` at each Moment, and with
 * `hold` keeps the file writes waiting until `release()`.
 */
function watchWrites(system: System, at: (moment: Moment) => void, hold: boolean) {
	let locks = 0;
	const written: string[] = [];
	let release: () => void = () => undefined;
	const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
	const lock: System["lock"] = async (path) => {
		locks++;
		at("the write begins");
		const taken = await (system.lock?.(path) ?? Promise.reject(new Error("no lock")));
		if (!taken.ok) return taken;
		const putBack = async () => {
			await taken.lock.release();
			at("the write ends"); // before applyPlan's own promise settles
		};
		return { ok: true, lock: { release: putBack } };
	};
	const writeAtomic: System["fs"]["writeAtomic"] = async (path, ...rest) => {
		await released;
		written.push(path);
		return system.fs.writeAtomic(path, ...rest);
	};
	const proofs = watchProofs({ ...system, lock, fs: { ...system.fs, writeAtomic } });
	const run: System["run"] = (command, args, options) => {
		const running = proofs.system.run(command, args, options);
		if (proofs.proving()) at("the proof begins");
		return running;
	};
	return {
		system: { ...proofs.system, run },
		locks: () => locks,
		zshrcWrites: () => written.filter((path) => path.endsWith("/.zshrc")).length,
		release: () => release(),
	};
}

type App = ReturnType<typeof start>["app"];

/** The wizard with --target zsh and its writes watched; `press` is pressed (once) at `when`. */
function startWatched({
	hold = false,
	press,
	when,
}: {
	hold?: boolean;
	press?: "ctrl-c" | "escape";
	when?: Moment;
} = {}) {
	let app: App | undefined;
	let pressed = false;
	let watch: ReturnType<typeof watchWrites> | undefined;
	const started = start({ presetTargets: ["zsh"] }, undefined, (system) => {
		const at = (moment: Moment) => {
			if (!press || moment !== when || pressed) return;
			pressed = true;
			app?.press(press);
		};
		watch = watchWrites(system, at, hold);
		return watch.system;
	});
	app = started.app;
	if (!watch) throw new Error("the system was not made");
	return { ...started, watch, pressed: () => pressed };
}

/** The wizard ended well, the key is in ~/.zshrc, and it was written exactly once. */
async function finishedWithOneWrite({ app, sandbox, watch }: ReturnType<typeof startWatched>) {
	await app.waitForText("All set.");
	expect(await app.waitForExit()).toBe(0);
	expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
	expect(watch.locks()).toBe(1);
	expect(watch.zshrcWrites()).toBe(1);
}

describe("answers start the next step's work at once", { timeout: 30_000 }, () => {
	it("Enter on where the key goes reads the files and shows the preview in one frame", async () => {
		const { app } = start();
		await app.waitForText(/(Linux|macOS) · zsh/);
		await pasteKey(app);
		await answer(app, "Where should the key go?");
		await app.waitForText("Write these changes?");
		expect(app.frames().some((frame) => frame.includes("Reading your files…"))).toBe(false);
	});

	// Timing: "quick" is a write under 50 ms, with fsync; on a loaded machine a run can miss that.
	it("Enter on the preview goes straight to the verdict when writing and proving are quick", {
		retry: 2,
	}, async () => {
		const started = startWatched();
		const { app } = started;
		await pasteKey(app);
		await app.waitForText("Write these changes?");
		// A second Enter before anything changed on screen: the answer is taken once.
		app.press("enter");
		app.press("enter");
		await finishedWithOneWrite(started);
		expect(app.frames().some((frame) => frame.includes(WRITING))).toBe(false);
	});

	it.each([
		["ctrl-c", "the write begins"],
		["escape", "the write begins"],
		["ctrl-c", "the write ends"],
	] as const)(
		"%s as %s, before React has seen Enter: the write's own run takes it over, once",
		async (press, when) => {
			const started = startWatched({ press, when });
			await pasteKey(started.app);
			await answer(started.app, "Write these changes?");
			await finishedWithOneWrite(started);
			expect(started.pressed()).toBe(true);
		},
	);

	it("a slow write shows 'Writing…'; Ctrl-C before or during that frame does not stop it", async () => {
		const started = startWatched({ hold: true, press: "ctrl-c", when: "the write begins" });
		const { app, watch } = started;
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText(WRITING);
		app.press("ctrl-c");
		app.press("escape");
		watch.release();
		await finishedWithOneWrite(started);
	});

	it.each([
		["a quick write, before its frame", false],
		["a slow write, 'Writing…' still on screen", true],
	])("Ctrl-C as the proof begins after %s says the changes were written", async (_name, hold) => {
		const started = startWatched({ hold, press: "ctrl-c", when: "the proof begins" });
		const { app, sandbox, watch } = started;
		await pasteKey(app);
		await answer(app, "Write these changes?");
		if (hold) {
			await app.waitForText(WRITING);
			watch.release();
		}
		// Nothing is shown above at that point: the message names the file and how to undo it.
		const frame = (await app.waitForText("Already written")).replace(/\s+/g, " ");
		expect(frame).toContain("Already written: ~/.zshrc.");
		expect(frame).toContain("run `claude-setup remove`");
		expect(await app.waitForExit()).toBe(130);
		expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
		expect(watch.locks()).toBe(1);
		expect(app.frames().some((frame) => frame.includes(WRITING))).toBe(hold);
	});
});
