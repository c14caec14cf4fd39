// The interrupt handler with a stand-in process: it waits for a write under way, refuses
// new writes, runs the cleanup (Ink's unmount) and exits with 128 + the signal's number.
import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { handleInterrupts, SIGNAL_EXIT_CODES } from "../../source/system/interrupts.js";
import { createWriteLock } from "../../source/system/write-lock.js";

function harness(options: { writeWaitMs?: number } = {}) {
	const process = new EventEmitter();
	const events: string[] = [];
	let finishWrite: () => void = () => undefined;
	const writeDone = new Promise<void>((resolve) => {
		finishWrite = resolve;
	});
	let exited: (code: number) => void = () => undefined;
	const exit = new Promise<number>((resolve) => {
		exited = resolve;
	});
	const interrupts = handleInterrupts({
		process: process as unknown as Pick<NodeJS.Process, "on" | "off">,
		exit: (code) => {
			events.push(`exit ${code}`);
			exited(code);
		},
		waitForWrites: () => writeDone.then(() => void events.push("write done")),
		writeWaitMs: options.writeWaitMs,
	});
	interrupts.setCleanup(() => void events.push("cleanup"));
	return { process, events, finishWrite, exit, interrupts };
}

describe("handleInterrupts", () => {
	it.each(Object.entries(SIGNAL_EXIT_CODES))(
		"%s → waits for the write, cleans up, exits %i",
		async (signal, code) => {
			const { process, events, finishWrite, exit } = harness();
			process.emit(signal);
			await new Promise((resolve) => setImmediate(resolve));
			expect(events).toEqual([]); // still writing
			finishWrite();
			expect(await exit).toBe(code);
			expect(events).toEqual(["write done", "cleanup", `exit ${code}`]);
		},
	);

	it("a second signal while stopping changes nothing: one cleanup, one exit", async () => {
		const { process, events, finishWrite, exit } = harness();
		process.emit("SIGTERM");
		process.emit("SIGINT");
		process.emit("SIGTERM");
		finishWrite();
		expect(await exit).toBe(143);
		await new Promise((resolve) => setImmediate(resolve));
		expect(events.filter((event) => event.startsWith("exit"))).toEqual(["exit 143"]);
		expect(events.filter((event) => event === "cleanup")).toHaveLength(1);
	});

	it("a write that never finishes is given up on after the wait", async () => {
		const { process, events, exit } = harness({ writeWaitMs: 20 });
		process.emit("SIGHUP");
		expect(await exit).toBe(129);
		expect(events).toEqual(["cleanup", "exit 129"]);
	});

	it("dispose removes the handlers", () => {
		const { process, interrupts } = harness();
		expect(process.listenerCount("SIGINT")).toBe(1);
		interrupts.dispose();
		for (const signal of Object.keys(SIGNAL_EXIT_CODES)) expect(process.listenerCount(signal)).toBe(0);
	});
});

describe("after a signal", () => {
	let dir: string;
	afterAll(() => rm(dir, { recursive: true, force: true }));

	it("no new write lock is granted: a run that was about to write stops, nothing written", async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-interrupt-"));
		const { process, finishWrite, exit } = harness();
		process.emit("SIGTERM");
		finishWrite();
		await exit;
		expect(await createWriteLock()(path.join(dir, "write.lock"))).toEqual({ ok: false, reason: "stopping" });
	});
});
