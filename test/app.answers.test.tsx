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

interface WriteWatch {
	/** Runs as the write lock is asked for: the write has begun. */
	readonly onLock?: () => void;
	/** Writes wait until `release()`. */
	readonly hold?: boolean;
}

/** Counts the write lock's takings and the files written; can hold the writes. */
function watchWrites(system: System, { onLock, hold = false }: WriteWatch = {}) {
	let locks = 0;
	const written: string[] = [];
	let release: () => void = () => undefined;
	const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
	const lock: System["lock"] = (path) => {
		locks++;
		onLock?.();
		return system.lock?.(path) ?? Promise.reject(new Error("no lock"));
	};
	const writeAtomic: System["fs"]["writeAtomic"] = async (path, ...rest) => {
		await released;
		written.push(path);
		return system.fs.writeAtomic(path, ...rest);
	};
	return {
		system: { ...system, lock, fs: { ...system.fs, writeAtomic } },
		locks: () => locks,
		zshrcWrites: () => written.filter((path) => path.endsWith("/.zshrc")).length,
		release: () => release(),
	};
}

type App = ReturnType<typeof start>["app"];

/** The wizard ended well, the key is in ~/.zshrc, and it was written exactly once. */
async function finishedWithOneWrite({ app, sandbox, watch }: ReturnType<typeof startWatched>) {
	await app.waitForText("All set.");
	expect(await app.waitForExit()).toBe(0);
	expect(readBack("zsh", sandbox)).toBe(TEST_KEY);
	expect(watch.locks()).toBe(1);
	expect(watch.zshrcWrites()).toBe(1);
}

/** The wizard with --target zsh and its writes watched; `pressOnLock` is pressed as the write begins. */
function startWatched({
	hold = false,
	pressOnLock,
}: {
	hold?: boolean;
	pressOnLock?: "ctrl-c" | "escape";
} = {}) {
	let app: App | undefined;
	let watch: ReturnType<typeof watchWrites> | undefined;
	const started = start({ presetTargets: ["zsh"] }, undefined, (system) => {
		watch = watchWrites(system, { hold, onLock: () => pressOnLock && app?.press(pressOnLock) });
		return watch.system;
	});
	app = started.app;
	if (!watch) throw new Error("the system was not made");
	return { ...started, watch };
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

	it("Enter on the preview goes straight to the verdict when writing and proving are quick", async () => {
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

	it.each(["ctrl-c", "escape"] as const)(
		"%s as the write begins: handed over to the write's own frame, written once, and finished",
		async (key) => {
			const started = startWatched({ pressOnLock: key });
			const { app } = started;
			await pasteKey(app);
			await answer(app, "Write these changes?");
			await finishedWithOneWrite(started);
		},
	);

	it("a slow write shows 'Writing…'; Ctrl-C before or during that frame does not stop it", async () => {
		const started = startWatched({ hold: true, pressOnLock: "ctrl-c" });
		const { app, watch } = started;
		await pasteKey(app);
		await answer(app, "Write these changes?");
		await app.waitForText(WRITING);
		app.press("ctrl-c");
		app.press("escape");
		watch.release();
		await finishedWithOneWrite(started);
	});

	it("Ctrl-C after a quick write, before its frame, says the changes were written", async () => {
		let app: App | undefined;
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
