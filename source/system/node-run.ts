// Runs a program for the real System with execa: the environment as given minus every
// credential, input on stdin, and a deadline that also ends whatever the program started.

import { withoutSecrets } from "../core/platform/child-env.js";
import type { RunCommand } from "../core/system.js";
import { hasCode } from "./error-code.js";
import { forget, killProcessGroup, remember } from "./running-commands.js";

/** Every child has a deadline; callers that know better pass their own. */
export const DEFAULT_TIMEOUT_MS = 60_000;

// Loaded on the first command, after the first frame: nothing runs a program before that.
let execaPromise: Promise<typeof import("execa")> | undefined;

export const runCommand: RunCommand = async (command, args, options = {}) => {
	// On Unix the child gets its own session: an interactive shell (`bash -i`) then has no
	// terminal to take over from us, and a timeout can kill it with everything it started.
	const ownGroup = process.platform !== "win32";
	execaPromise ??= import("execa");
	const { execa } = await execaPromise;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const subprocess = execa(command, [...args], {
		cwd: options.cwd,
		// No child needs a credential in its environment (a proof shell must read the key from the
		// files, the Windows variable gets it on stdin): none is ever handed on, whatever the caller gave.
		env: withoutSecrets(options.env ?? process.env),
		extendEnv: false,
		// No input: give the child an empty stdin so a prompt in a startup file sees EOF at once.
		...(options.input === undefined ? { stdin: "ignore" as const } : { input: options.input }),
		...(ownGroup ? { detached: true } : { timeout: timeoutMs, killSignal: "SIGKILL" as const }),
		reject: false,
		encoding: "utf8",
		windowsHide: true,
	});
	const pid = ownGroup ? subprocess.pid : undefined;
	if (pid !== undefined) remember(pid);
	let killedForTime = false;
	const timer = ownGroup
		? setTimeout(() => {
				killedForTime = true;
				// Interactive shells ignore SIGTERM, and a background job would keep our pipes open.
				if (subprocess.pid !== undefined) killProcessGroup(subprocess.pid);
			}, timeoutMs)
		: undefined;
	const result = await subprocess.finally(() => {
		clearTimeout(timer);
		if (pid !== undefined) forget(pid);
	});
	const notFound =
		hasCode(result, "ENOENT") ||
		(result.failed && result.cause !== undefined && hasCode(result.cause, "ENOENT"));
	return {
		exitCode: killedForTime ? undefined : result.exitCode,
		stdout: typeof result.stdout === "string" ? result.stdout : "",
		stderr: typeof result.stderr === "string" ? result.stderr : "",
		notFound,
		timedOut: killedForTime || result.timedOut,
	};
};
