// An e2e file's fake API (accepting TEST_KEY) and its sandboxes, started and removed with the file.
import { rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "./fake-anthropic.js";
import { makeSandbox, type Sandbox, TEST_KEY } from "./sandbox.js";

export function fakeApiSuite() {
	let api: FakeAnthropic | undefined;
	const sandboxes: Sandbox[] = [];
	beforeAll(async () => {
		api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
	});
	afterAll(() => {
		api?.close();
		for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
	});
	const started = () => {
		if (!api) throw new Error("the fake API starts in beforeAll");
		return api;
	};
	return {
		api: started,
		/** A sandbox for `shell` whose API is the fake (or `baseURL`), removed after the file. */
		sandbox(shell: string, baseURL?: string): Sandbox {
			const sandbox = makeSandbox({ shell, baseURL: baseURL ?? started().url });
			sandboxes.push(sandbox);
			return sandbox;
		},
	};
}
