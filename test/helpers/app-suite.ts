// The setup every whole-app test file shares: one fake API for the file, reset after each
// test, Ink unmounted, and every sandbox the test made removed.
import { cleanup } from "ink-testing-library";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "./fake-anthropic.js";
import { removeSandbox } from "./render-app.js";
import type { Sandbox } from "./sandbox.js";

/** Registers the hooks; returns `track`, which removes a sandbox after the test that made it. */
export function withAppSuite(
	validKeys: readonly string[],
	started: (fake: FakeAnthropic) => void,
): (sandbox: Sandbox) => Sandbox {
	let fake: FakeAnthropic | undefined;
	const sandboxes: Sandbox[] = [];
	beforeAll(async () => {
		fake = await startFakeAnthropic({ validKeys: [...validKeys] });
		started(fake);
	});
	afterAll(() => fake?.close());
	afterEach(async () => {
		cleanup();
		fake?.setBehaviour(undefined);
		if (fake) fake.requests.length = 0;
		await Promise.all(sandboxes.splice(0).map(removeSandbox));
	});
	return (sandbox) => {
		sandboxes.push(sandbox);
		return sandbox;
	};
}
