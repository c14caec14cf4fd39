// Runs one PowerShell script and turns what can go wrong into plain sentences: the host is not
// installed, it hung, or it failed with an error that PowerShell may have wrapped in CLIXML.

import { maskKey } from "../key/key.js";
import { maskSecrets } from "../key/scrub.js";
import type { Env, RunCommand, RunResult } from "../system.js";
import { HOST_LABEL, type PowerShellHost, powershellCall } from "./powershell.js";

const DEFAULT_TIMEOUT_MS = 15_000;

export interface InvokeOptions {
	readonly input?: string;
	readonly loadProfile?: boolean;
	readonly env?: Env;
	readonly timeoutMs?: number;
	/** Off Windows (pwsh on macOS and Linux) the program is `pwsh`, not `pwsh.exe`. Default: Windows. */
	readonly windows?: boolean;
}

/** The answer of a script that only has to succeed. */
export type Done = { ok: true } | { ok: false; detail: string };

export type Invocation =
	| { ok: true; result: RunResult }
	| { ok: false; why: "not-installed" | "timed-out" | "not-started"; detail: string };

export async function invokePowerShell(
	run: RunCommand,
	host: PowerShellHost,
	script: string,
	options: InvokeOptions = {},
): Promise<Invocation> {
	const call = powershellCall(host, script, { input: options.input, loadProfile: options.loadProfile });
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const label = HOST_LABEL[host];
	let result: RunResult;
	try {
		result = await run(call.command, call.args, {
			...(call.input === undefined ? {} : { input: call.input }),
			...(options.env === undefined ? {} : { env: options.env }),
			timeoutMs,
		});
	} catch (error) {
		return { ok: false, why: "not-started", detail: `${label} could not be started (${String(error)}).` };
	}
	if (result.notFound) {
		const program = options.windows === false ? host : `${host}.exe`;
		return {
			ok: false,
			why: "not-installed",
			detail: `${label} (${program}) is not installed on this computer.`,
		};
	}
	if (result.timedOut) {
		return {
			ok: false,
			why: "timed-out",
			detail: `${label} did not finish within ${Math.round(timeoutMs / 1000)} seconds.`,
		};
	}
	return { ok: true, result };
}

// pwsh 7 colours its errors (ESC [ … m), even inside CLIXML as _x001B_.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");
// The lines PowerShell adds under an error message: position, caret, category, error id.
const ERROR_DECORATION = /^(At line:|At [A-Za-z]:\\|\+|~|CategoryInfo|FullyQualifiedErrorId|#< CLIXML)/;

/** `#< CLIXML <Objs…><S S="Error">text_x000D__x000A_</S>…` → the text; plain text is kept. */
export function decodeClixml(stderr: string): string {
	const start = stderr.indexOf("#< CLIXML");
	if (start === -1) return stderr;
	const parts = [...stderr.slice(start).matchAll(/<S S="Error">([\s\S]*?)<\/S>/g)].map((match) =>
		(match[1] ?? "")
			.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
			.replace(/&lt;/g, "<")
			.replace(/&gt;/g, ">")
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, "&"),
	);
	return stderr.slice(0, start) + parts.join("");
}

/** The error's own message, first line, without PowerShell's decoration; keys masked. */
export function plainError(
	stderr: string,
	secret?: string,
	mask: (secret: string) => string = maskKey,
): string | undefined {
	const lines = decodeClixml(stderr)
		.replace(ANSI, "")
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== "" && !ERROR_DECORATION.test(line));
	const first = lines[0]?.replace(/^\.\s*:\s*/, "");
	return first === undefined ? undefined : maskSecrets(first, secret, mask).slice(0, 300);
}

const SILENT =
	"it answered nothing at all, so it is not a working PowerShell. Install PowerShell 7 (`winget install --id Microsoft.PowerShell --source winget`) and run `claude-setup` again";

/** "exited with code 1: <message>" for a run that ended without doing its job. */
export function exitDetail(result: RunResult, secret?: string, mask?: (secret: string) => string): string {
	const message = plainError(result.stderr, secret, mask);
	if (message !== undefined) return `it said "${message}"`;
	// Success with no output at all is not PowerShell running a script: a stub (as Wine ships)
	// or a broken install.
	if (result.exitCode === 0 && result.stdout.trim() === "") return SILENT;
	return `it stopped with exit code ${result.exitCode ?? "none"} and no message`;
}

/**
 * Runs a script that only has to succeed; otherwise says why, after `failed` ("Windows did not
 * save …"). `secret` (the value on stdin) is masked in any error PowerShell repeats.
 */
export async function invokeForDone(
	run: RunCommand,
	host: PowerShellHost,
	script: string,
	failed: string,
	options: InvokeOptions = {},
	secret?: string,
): Promise<Done> {
	const outcome = await invokePowerShell(run, host, script, options);
	if (!outcome.ok) return { ok: false, detail: `${failed}: ${outcome.detail}` };
	if (outcome.result.exitCode !== 0) {
		return { ok: false, detail: `${failed}: ${exitDetail(outcome.result, secret)}.` };
	}
	return { ok: true };
}
