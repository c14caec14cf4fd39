// The write lock on real files: exclusive across calls and processes, waits briefly for a
// holder, takes over only a lock whose holder is gone (or too old), removes only its own.
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStaleLock, LOCK_STALE_MS, parseHolder } from "../../source/core/apply/write-lock.js";
import { whenWritesDone, writeInProgress } from "../../source/system/write-activity.js";
import { createWriteLock, processIsAlive } from "../../source/system/write-lock.js";
import { deadPid, holdLock, killHolders } from "../helpers/lock-holder.js";
import { exists } from "../helpers/temp-system.js";

let dir: string;
let count = 0;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-lock-"));
});
afterAll(async () => {
	killHolders();
	await rm(dir, { recursive: true, force: true });
});

const freshLock = () => path.join(dir, `write-${count++}.lock`);

describe("taking and releasing", () => {
	it("writes pid, start and a token into a 0600 file, and removes it on release", async () => {
		const file = freshLock();
		const taken = await createWriteLock({ now: () => 1_700_000_000_000 })(file);
		if (!taken.ok) throw new Error("not taken");
		expect(writeInProgress()).toBe(true);
		const holder = parseHolder(await readFile(file, "utf8"));
		expect(holder).toMatchObject({ pid: process.pid, started: 1_700_000_000_000 });
		expect(holder?.token).toMatch(/^[0-9a-f]{16}$/);
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		const done = whenWritesDone();
		await taken.lock.release();
		await done;
		expect(writeInProgress()).toBe(false);
		expect(await exists(file)).toBe(false);
	});

	it("a second taker in the same process waits until the first releases", async () => {
		const file = freshLock();
		const acquire = createWriteLock({ waitMs: 10_000, pollMs: 5 });
		const first = await acquire(file);
		if (!first.ok) throw new Error("not taken");
		const order: string[] = [];
		const second = acquire(file).then((result) => {
			order.push("second took it");
			return result;
		});
		// Let the second taker find the lock held at least once.
		for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
		order.push("first released");
		await first.lock.release();
		const result = await second;
		expect(order).toEqual(["first released", "second took it"]);
		expect(result.ok).toBe(true);
		if (result.ok) await result.lock.release();
	});

	it("gives up after waiting when the holder stays: busy, with the holder's pid, lock untouched", async () => {
		const file = freshLock();
		const first = await createWriteLock()(file);
		const before = await readFile(file, "utf8");
		const started = Date.now();
		const second = await createWriteLock({ waitMs: 150, pollMs: 20 })(file);
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
		expect(second).toEqual({ ok: false, reason: "busy", holderPid: process.pid });
		expect(await readFile(file, "utf8")).toBe(before);
		if (first.ok) await first.lock.release();
	});

	it("release leaves alone a lock that another run took over meanwhile", async () => {
		const file = freshLock();
		const taken = await createWriteLock()(file);
		const other = `${JSON.stringify({ pid: process.pid, started: Date.now(), token: "someone-else" })}\n`;
		await writeFile(file, other);
		if (taken.ok) await taken.lock.release();
		expect(await readFile(file, "utf8")).toBe(other);
		expect(writeInProgress()).toBe(false);
	});
});

describe("another process holding the lock", () => {
	it("a live process: busy, naming its pid; once it dies (SIGKILL, lock left behind) the lock is taken over", async () => {
		const file = freshLock();
		const holder = await holdLock(file);
		const acquire = createWriteLock({ waitMs: 100, pollMs: 10 });
		expect(await acquire(file)).toEqual({ ok: false, reason: "busy", holderPid: holder.pid });
		await holder.kill();
		expect(await exists(file)).toBe(true);
		const taken = await acquire(file);
		expect(taken.ok).toBe(true);
		expect(parseHolder(await readFile(file, "utf8"))?.pid).toBe(process.pid);
		if (taken.ok) await taken.lock.release();
	});

	it("a live process whose lock is older than two minutes (hung, or its pid reused) is taken over", async () => {
		const file = freshLock();
		const holder = await holdLock(file);
		const later = () => Date.now() + LOCK_STALE_MS + 1000;
		const taken = await createWriteLock({ waitMs: 0, now: later })(file);
		expect(taken.ok).toBe(true);
		if (taken.ok) await taken.lock.release();
		await holder.kill();
	});

	it.each([
		["empty", ""],
		["cut short", '{"pid": 12'],
		["not ours", "hello\n"],
	])(
		"a lock file with no readable holder (%s): waited for while fresh, taken over when old",
		async (_, text) => {
			const file = freshLock();
			await writeFile(file, text);
			expect(await createWriteLock({ waitMs: 0 })(file)).toEqual({ ok: false, reason: "busy" });
			const old = new Date(Date.now() - 60_000);
			await utimes(file, old, old);
			const taken = await createWriteLock({ waitMs: 0 })(file);
			expect(taken.ok).toBe(true);
			if (taken.ok) await taken.lock.release();
		},
	);
});

describe("isStaleLock and processIsAlive", () => {
	const holder = { pid: 4242, started: 1_000_000, token: "t" };
	it.each([
		["alive and fresh", { holder, modified: 0 }, 1_000_000 + 1000, true, false],
		["alive, exactly two minutes", { holder, modified: 0 }, 1_000_000 + LOCK_STALE_MS, true, false],
		["alive, older than two minutes", { holder, modified: 0 }, 1_000_000 + LOCK_STALE_MS + 1, true, true],
		["its process is gone", { holder, modified: 0 }, 1_000_000 + 1, false, true],
		["started in the future (clock moved back)", { holder, modified: 0 }, 0, true, false],
		["no holder, written a second ago", { holder: undefined, modified: 9_000 }, 10_000, true, false],
		["no holder, written a minute ago", { holder: undefined, modified: 0 }, 60_000, true, true],
	])("%s", (_, found, now, alive, stale) => {
		expect(isStaleLock(found, now, () => alive)).toBe(stale);
	});

	it("knows this process is alive and an exited one is not", async () => {
		expect(processIsAlive(process.pid)).toBe(true);
		expect(processIsAlive(await deadPid())).toBe(false);
	});
});
