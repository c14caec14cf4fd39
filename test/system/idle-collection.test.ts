// The collection run while a person pastes their key: it really collects, and leaves gc()
// hidden from code that runs afterwards.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { collectGarbageNow } from "../../source/system/idle-collection.js";

/** An object only a WeakRef holds, made in an earlier task (a WeakRef keeps its target alive until then). */
async function unreachableObject(): Promise<WeakRef<object>> {
	const ref = new WeakRef({ payload: new Array(1000).fill("garbage") });
	await new Promise((resolve) => setImmediate(resolve));
	return ref;
}

describe("collectGarbageNow", () => {
	it("collects what nothing holds, at once", async () => {
		const ref = await unreachableObject();
		expect(collectGarbageNow()).toBe(true);
		expect(ref.deref()).toBeUndefined();
	});

	it("leaves gc() out of contexts made afterwards, and works again", async () => {
		expect(collectGarbageNow()).toBe(true);
		expect(runInNewContext("typeof gc")).toBe("undefined");
		const ref = await unreachableObject();
		expect(collectGarbageNow()).toBe(true);
		expect(ref.deref()).toBeUndefined();
	});
});
