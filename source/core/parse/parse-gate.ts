// Asks the real shell whether a startup file still parses after our edit. The shells run with
// no startup files of their own and an environment without credentials; the texts (the new
// one holds the key) go on standard input only.
import { maskSecrets } from "../key/scrub.js";
import { withoutSecrets } from "../platform/child-env.js";
import type { Env, RunCommand } from "../system.js";
import { invokePowerShell } from "../windows/invoke.js";
import type { PowerShellHost } from "../windows/powershell.js";
import { readMarker, SCRIPTS } from "../windows/powershell.js";

export type Parser = "bash" | "zsh" | "fish" | PowerShellHost;

/** What parserFor needs to know of a file (plan's TargetFile has it). */
export interface ParsedFile {
	readonly path: string;
	readonly syntax: "posix" | "fish" | "powershell" | "dotenv" | "json";
	readonly target: string;
	readonly host?: PowerShellHost;
}

/** The shell that reads the file: zsh for zsh's files, bash for the other sh files. */
export function parserFor(file: ParsedFile): Parser | undefined {
	if (file.syntax === "dotenv" || file.syntax === "json") return undefined;
	if (file.syntax === "fish") return "fish";
	if (file.syntax === "powershell") return file.host ?? "pwsh";
	const name = file.path.split(/[\\/]/).pop() ?? "";
	return file.target === "zsh" || /zsh/.test(name) ? "zsh" : "bash";
}

/** How the check is said in the preview and the plain output ("" when nothing is worth saying). */
export function describeParseCheck(check: ParseCheck): string {
	if (check.kind === "unchecked")
		return `not checked by ${check.parser} (${check.why}): only claude-setup's own rules decided what to change`;
	if (check.kind === "checked" && check.note !== undefined) return check.note;
	return "";
}

export type ParseCheck =
	/** The new text parses (or the old one did not either, which the check names). */
	| { readonly kind: "checked"; readonly parser: Parser; readonly note?: string }
	/** The shell could not tell: missing, too slow, or not run on this system. */
	| { readonly kind: "unchecked"; readonly parser: Parser; readonly why: string }
	/** The old text parsed, the new one does not: never write it. */
	| { readonly kind: "broken"; readonly parser: Parser; readonly error: string };

const TIMEOUT_MS = 10_000;
const POWERSHELL_TIMEOUT_MS = 20_000;

// fish makes its config and data folders when it starts: pointed at a device, it makes none.
const NOWHERE = { XDG_CONFIG_HOME: "/dev/null", XDG_DATA_HOME: "/dev/null", XDG_CACHE_HOME: "/dev/null" };

const COMMANDS: Record<"bash" | "zsh" | "fish", readonly string[]> = {
	bash: ["--norc", "--noprofile", "-n"],
	zsh: ["-f", "-n"],
	// fish cannot read a script from the socket Node gives as stdin: a fixed command pipes it through.
	fish: ["--no-config", "-c", "set -l fish (status fish-path); cat | $fish --no-config --no-execute"],
};

/** Whether `after` parses where `before` did (undefined before: a new file). */
export async function checkParses(
	run: RunCommand,
	env: Env,
	parser: Parser,
	before: string | undefined,
	after: string,
	options: { windows?: boolean } = {},
): Promise<ParseCheck> {
	const verdicts =
		parser === "bash" || parser === "zsh" || parser === "fish"
			? await shellVerdicts(run, env, parser, before, after)
			: await powershellVerdicts(run, env, parser, before, after, options.windows === true);
	if ("why" in verdicts) return { kind: "unchecked", parser, why: verdicts.why };
	const [old, next] = verdicts.results;
	if (next === undefined || next.ok) return { kind: "checked", parser };
	if (old !== undefined && !old.ok) {
		const note = `${parser} already reported an error in this file before the change (${old.error}); the change was checked by structure only`;
		return { kind: "checked", parser, note };
	}
	return { kind: "broken", parser, error: next.error };
}

type Verdict = { ok: true } | { ok: false; error: string };
type Verdicts = { results: [Verdict | undefined, Verdict] } | { why: string };

async function shellVerdicts(
	run: RunCommand,
	env: Env,
	shell: "bash" | "zsh" | "fish",
	before: string | undefined,
	after: string,
): Promise<Verdicts> {
	const one = async (text: string): Promise<Verdict | { why: string }> => {
		const result = await run(shell, COMMANDS[shell], {
			input: text,
			env: shell === "fish" ? { ...childEnv(env), HOME: undefined, ...NOWHERE } : childEnv(env),
			timeoutMs: TIMEOUT_MS,
		}).catch(() => undefined);
		if (result === undefined || result.notFound) return { why: `${shell} is not installed here` };
		if (result.timedOut || result.exitCode === undefined)
			return { why: `${shell} did not finish checking it` };
		return result.exitCode === 0 ? { ok: true } : { ok: false, error: firstLine(result.stderr) };
	};
	const next = await one(after);
	if ("why" in next) return next;
	// Only a failing new text needs the old one's verdict.
	const old = next.ok || before === undefined ? undefined : await one(before);
	if (old !== undefined && "why" in old) return old;
	return { results: [old, next] };
}

async function powershellVerdicts(
	run: RunCommand,
	env: Env,
	host: PowerShellHost,
	before: string | undefined,
	after: string,
	windows: boolean,
): Promise<Verdicts> {
	const input = `${base64(before ?? "")}\n${base64(after)}\n`;
	const invoked = await invokePowerShell(run, host, SCRIPTS.parseTexts, {
		input,
		env: childEnv(env),
		timeoutMs: POWERSHELL_TIMEOUT_MS,
		windows,
	});
	if (!invoked.ok) return { why: invoked.detail };
	const marker = readMarker(invoked.result.stdout);
	if (!marker.marked || marker.value === undefined) return { why: "PowerShell's parser gave no answer" };
	const [old, next] = marker.value.split("|").map(verdictOf);
	if (next === undefined) return { why: "PowerShell's parser gave no answer" };
	return { results: [before === undefined ? undefined : old, next] };
}

/** "ok" or "error:<line>:<message>", as SCRIPTS.parseTexts prints each. */
function verdictOf(text: string): Verdict {
	if (text === "ok") return { ok: true };
	const [, line = "?", message = ""] = /^error:(\d+):(.*)$/s.exec(text) ?? [];
	return { ok: false, error: maskSecrets(`line ${line}: ${message}`) };
}

function childEnv(env: Env): Env {
	const { PATH, HOME, LANG, LC_ALL, SystemRoot, USERPROFILE } = withoutSecrets(env);
	return { PATH, HOME, LANG, LC_ALL, SystemRoot, USERPROFILE };
}

/** A shell's first error line, without its own name, anything key-shaped masked. */
function firstLine(stderr: string): string {
	const line = stderr.split(/\r?\n/).find((text) => text.trim() !== "") ?? "syntax error";
	return maskSecrets(line.replace(/^(bash|zsh|fish): /, "").slice(0, 200));
}

function base64(text: string): string {
	let binary = "";
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}
