// The whole Ink app on a fake Windows machine, driven like a person at the keyboard, plus
// the checks every Windows screen test makes: the key went only on standard input, and no
// frame showed it.
import { expect } from "vitest";
import { expectNoLeak } from "./app-steps.js";
import { type FakeWindows, LOCAL_APP_DATA, NODE_EXE, PARENT_PID } from "./fake-windows.js";
import { type AppHarness, type AppSettings, renderWithSystem } from "./render-app.js";
import { leaksOf } from "./scripted-runner.js";

export function renderOn(machine: FakeWindows, settings: Partial<AppSettings> = {}): AppHarness {
	return renderWithSystem(machine.system, { nodePath: NODE_EXE, parentPid: PARENT_PID, ...settings });
}

/** The keys travelled only on standard input, and nobody saw their secret part. */
export function expectKeptSecret(app: AppHarness, machine: FakeWindows, keys: readonly string[]): void {
	for (const key of keys) expect(leaksOf(machine.calls, key)).toEqual([]);
	expect(machine.steps().filter((step) => step.startsWith("unexpected"))).toEqual([]);
	for (const key of keys) expect(text(machine, MANIFEST) ?? "").not.toContain(key);
	expectNoLeak(app);
}

/** The calls that carried something on standard input, as "label ← input". */
export function inputs(machine: FakeWindows): string[] {
	const steps = machine.steps();
	return machine.calls.flatMap((call, index) =>
		call.input === undefined ? [] : [`${steps[index]} ← ${JSON.stringify(call.input)}`],
	);
}

/** The UTF-8 (or one-byte) text of a file on the fake disk. */
export function text(machine: FakeWindows, path: string): string | undefined {
	const bytes = machine.bytes(path);
	return bytes === undefined ? undefined : Buffer.from(bytes).toString("utf8");
}

export const MANIFEST = `${LOCAL_APP_DATA}\\claude-setup\\written.json`;

/** What claude-setup recorded as written (for `remove`); it must never hold a key. */
export function manifest(machine: FakeWindows): unknown {
	const recorded = text(machine, MANIFEST);
	return recorded === undefined ? undefined : JSON.parse(recorded);
}
