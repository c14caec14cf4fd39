// One fake API for a whole test file: started before its tests, closed after them, and with
// no script and an empty record at the start of each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "./fake-anthropic.js";

export function fakeApiPerFile(validKeys: readonly string[], started: (fake: FakeAnthropic) => void): void {
	let fake: FakeAnthropic | undefined;
	beforeAll(async () => {
		fake = await startFakeAnthropic({ validKeys });
		started(fake);
	});
	afterAll(() => fake?.close());
	beforeEach(() => {
		fake?.setBehaviour(undefined);
		if (fake) fake.requests.length = 0;
	});
}
