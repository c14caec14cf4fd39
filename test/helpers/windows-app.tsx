// The whole Ink app on a fake Windows machine, driven like a person at the keyboard, plus
// the checks every Windows screen test makes: the key went only on standard input, and no
// frame showed it.
import { render } from "ink-testing-library";
import { expect } from "vitest";
import { App } from "../../source/app.js";
import type { ExitCodeValue } from "../../source/core/exit-codes.js";
import { expectNoLeak } from "./app-steps.js";
import { type FakeWindows, NODE_EXE, PARENT_PID } from "./fake-windows.js";
import { drive } from "./ink-driver.js";
import type { AppHarness, AppSettings } from "./render-app.js";
import { leaksOf } from "./scripted-runner.js";

export function renderOn(machine: FakeWindows, settings: Partial<AppSettings> = {}): AppHarness {
	let exited: ((code: ExitCodeValue) => void) | undefined;
	const exit = new Promise<ExitCodeValue>((resolve) => {
		exited = resolve;
	});
	const instance = render(
		<App
			system={machine.system}
			settings={{
				presetTargets: [],
				verify: true,
				dryRun: false,
				nodePath: NODE_EXE,
				parentPid: PARENT_PID,
				...settings,
			}}
			onExit={(code) => exited?.(code)}
		/>,
	);
	return {
		...drive(instance),
		system: machine.system,
		everything: () => [...instance.frames, ...instance.stderr.frames].join("\n"),
		waitForExit: (timeoutMs = 15_000) =>
			Promise.race([
				exit,
				new Promise<never>((_, reject) =>
					setTimeout(
						() => reject(new Error(`No exit after ${timeoutMs} ms:\n${instance.lastFrame()}`)),
						timeoutMs,
					).unref(),
				),
			]),
	};
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

export const MANIFEST = "C:\\Users\\Ada\\AppData\\Local\\claude-setup\\written.json";

/** What claude-setup recorded as written (for `remove`); it must never hold a key. */
export function manifest(machine: FakeWindows): unknown {
	const recorded = text(machine, MANIFEST);
	return recorded === undefined ? undefined : JSON.parse(recorded);
}
