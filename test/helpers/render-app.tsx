// The whole wizard in ink-testing-library over the REAL Node system (files, shells, git)
// and the real SDK client against the fake API, with HOME, the project and the
// environment of a temp sandbox instead of the person running the tests.
import { rm } from "node:fs/promises";
import { render } from "ink-testing-library";
import type { ReactElement } from "react";
import { App, type AppProps } from "../../source/app.js";
import type { ExitCodeValue } from "../../source/core/exit-codes.js";
import type { System } from "../../source/core/system.js";
import { createAnthropicApi } from "../../source/system/anthropic-api.js";
import { runCommand } from "../../source/system/node-run.js";
import { createNodeSystem } from "../../source/system/node-system.js";
import { KeyRouter } from "../../source/ui/keys.js";
import { type Driver, drive, type Instance } from "./ink-driver.js";
import type { Sandbox } from "./sandbox.js";

export type AppSettings = AppProps["settings"];

export interface RenderAppOptions {
	readonly sandbox: Sandbox;
	/** Where the SDK sends requests: the fake's url, or a closed port. */
	readonly baseURL: string;
	readonly settings?: Partial<AppSettings>;
	readonly platform?: NodeJS.Platform;
	/** Wraps the system the app gets, to watch or change what it does. */
	readonly wrap?: (system: System) => System;
}

export interface AppHarness extends Driver {
	readonly system: System;
	/** The code the app passed to onExit. */
	waitForExit(timeoutMs?: number): Promise<ExitCodeValue>;
	/** Every frame, raw, joined: what the person saw, for leak checks. */
	everything(): string;
}

/** A System that is the real Node one, but sees only the sandbox. */
export function sandboxSystem(sandbox: Sandbox, baseURL: string, platform?: NodeJS.Platform): System {
	const node = createNodeSystem({ api: createAnthropicApi({ baseURL, env: sandbox.env }) });
	return {
		...node,
		platform: platform ?? node.platform,
		env: sandbox.env,
		homeDir: sandbox.home,
		cwd: sandbox.project,
		// Some core calls (git) pass no environment; they must not see the real HOME either.
		run: (command, args, options) =>
			runCommand(command, args, { ...options, env: options?.env ?? sandbox.env }),
	};
}

export function renderApp({ sandbox, baseURL, settings, platform, wrap }: RenderAppOptions): AppHarness {
	const base = sandboxSystem(sandbox, baseURL, platform);
	return renderWithSystem(wrap ? wrap(base) : base, settings);
}

/** The whole app over `system`, run as this Node process unless `settings` says otherwise. */
export function renderWithSystem(system: System, settings: Partial<AppSettings> = {}): AppHarness {
	let exited: ((code: ExitCodeValue) => void) | undefined;
	const exit = new Promise<ExitCodeValue>((resolve) => {
		exited = resolve;
	});
	const instance = render(
		<App
			system={system}
			settings={{
				presetTargets: [],
				verify: true,
				dryRun: false,
				nodePath: process.execPath,
				parentPid: process.pid,
				...settings,
			}}
			onExit={(code) => exited?.(code)}
		/>,
	);
	return {
		...drive(instance),
		system,
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

/** One screen on its own, inside the key router the app gives every screen. */
export function renderScreen(element: ReactElement): Driver & { readonly instance: Instance } {
	const instance = render(<KeyRouter onKey={() => undefined}>{element}</KeyRouter>);
	return { ...drive(instance), instance };
}

export async function removeSandbox(sandbox: Sandbox): Promise<void> {
	await rm(sandbox.root, { recursive: true, force: true });
}
