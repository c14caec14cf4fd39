// The setup every whole-app test file shares: one fake API for the file, reset before each
// test, Ink unmounted, and every sandbox the test made removed.
import { cleanup } from "ink-testing-library";
import { afterEach } from "vitest";
import type { System } from "../../source/core/system.js";
import type { FakeAnthropic } from "./fake-anthropic.js";
import { fakeApiPerFile } from "./fake-api-per-file.js";
import { type AppSettings, removeSandbox, renderApp } from "./render-app.js";
import { makeSandbox, type Sandbox } from "./sandbox.js";

/** Registers the hooks; returns `track`, which removes a sandbox after the test that made it. */
export function withAppSuite(
	validKeys: readonly string[],
	started: (fake: FakeAnthropic) => void,
): (sandbox: Sandbox) => Sandbox {
	const sandboxes: Sandbox[] = [];
	fakeApiPerFile(validKeys, started);
	afterEach(async () => {
		cleanup();
		await Promise.all(sandboxes.splice(0).map(removeSandbox));
	});
	return (sandbox) => {
		sandboxes.push(sandbox);
		return sandbox;
	};
}

/** withAppSuite plus the two helpers most files want: a zsh sandbox, and the app started in one. */
export function zshAppSuite(
	validKeys: readonly string[],
	started: (fake: FakeAnthropic) => void = () => undefined,
) {
	let fake: FakeAnthropic | undefined;
	const track = withAppSuite(validKeys, (running) => {
		fake = running;
		started(running);
	});
	const url = () => {
		if (!fake) throw new Error("the fake API has not started yet");
		return fake.url;
	};
	const newSandbox = (): Sandbox => track(makeSandbox({ shell: "zsh", baseURL: url() }));
	const start = (
		settings: Partial<AppSettings> = {},
		sandbox = newSandbox(),
		wrap?: (system: System) => System,
	) => ({ app: renderApp({ sandbox, baseURL: url(), settings, wrap }), sandbox });
	return { newSandbox, start };
}
