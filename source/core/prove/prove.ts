// Proves a saved key took effect: start a fresh shell (or Node's own .env loader) with the
// variable removed from its environment, let it read the startup files, and have it print
// what a program started from it would see. The value is compared here and never printed.

import { maskSecrets } from "../key/scrub.js";
import { displayPath, type FileTargetName } from "../plan/targets.js";
import type { OsKind } from "../platform/platform.js";
import type { Env, RunCommand } from "../system.js";
import { hasProofMarker, parseProof, proofCommand, proofModes, type ShellMode } from "./prove-command.js";

export type ProofOutcome =
	| { ok: true }
	| {
			ok: false;
			reason: "missing" | "different" | "shell-missing" | "failed";
			detail: string;
			/** What the shell saw instead, masked (a different key), to name the definition that wins. */
			sees?: string;
	  };

export interface ProveOptions {
	target: FileTargetName;
	os: OsKind;
	variable: string;
	/** The key we saved; only compared, never put in args or messages. */
	expected: string;
	baseEnv: Env;
	/** The file that was written (the .env for dotenv; used in messages for the others). */
	envFilePath?: string;
	/** process.execPath, so the .env check uses the Node that runs us. */
	nodePath?: string;
	cwd?: string;
	mask: (secret: string) => string;
	timeoutMs?: number;
	/** A login or an interactive shell (zsh, bash); the default is what a new window opens here. */
	mode?: ShellMode;
	/** Definitions claude-setup left in place (masked, and where): one the shell sees is named. */
	definitions?: readonly Definition[];
}

export interface Definition {
	readonly masked: string;
	/** `~/.zlogin line 1` */
	readonly where: string;
}

// What interactive shells say when started without a terminal: true, and no help.
const SHELL_NOISE = /no job control|terminal process group|Inappropriate ioctl/;

/** The most telling stderr line, with anything that looks like a key masked. */
function lastErrorLine(
	stderr: string,
	expected: string,
	mask: (secret: string) => string,
): string | undefined {
	const masked = maskSecrets(stderr, expected, mask);
	const lines = masked.split(/\r?\n/).filter((line) => line.trim() !== "" && !SHELL_NOISE.test(line));
	return lines.at(-1)?.trim().slice(0, 200);
}

function programLabel(target: FileTargetName, mode: ShellMode | undefined): string {
	if (target === "dotenv") return "Node's --env-file loader";
	return mode === "login" && proofModes(target, "linux").length > 1
		? `a new login ${target} (what SSH and tmux open)`
		: `a new ${target}`;
}

/** Where a later definition usually hides, per target. */
function suspects(options: ProveOptions): string {
	switch (options.target) {
		case "zsh":
			return options.mode === "login"
				? "in ~/.zprofile or ~/.zlogin (only login shells read them), or ~/.zshrc?"
				: "in ~/.zshenv, ~/.zprofile, ~/.zshrc or ~/.zlogin?";
		case "bash":
			return options.os === "linux" || options.os === "wsl"
				? "in ~/.bashrc or a file it sources?"
				: "in ~/.bash_profile, ~/.bashrc or ~/.profile?";
		case "fish":
			return "in ~/.config/fish/config.fish, another conf.d file, or a universal variable (check `set -S` in fish)?";
		case "dotenv":
			return "";
	}
}

/** The definition left in place that holds the value the shell saw, when we know it. */
function winner(options: ProveOptions, seen: string): string | undefined {
	const masked = options.mask(seen);
	const places = (options.definitions ?? []).filter((definition) => definition.masked === masked);
	if (places.length === 0) return undefined;
	const fix = "comment it out (run `claude-setup` again and say yes, or add `--yes`) or delete it";
	return `${places.map((place) => place.where).join(", ")}: ${fix}.`;
}

export async function proveTarget(run: RunCommand, options: ProveOptions): Promise<ProofOutcome> {
	const { target, variable, expected, mask } = options;
	const proof = proofCommand(
		target,
		options.os,
		variable,
		options.baseEnv,
		options.envFilePath,
		options.nodePath,
		options.mode,
	);
	const who = programLabel(target, options.mode);
	const home = options.baseEnv.HOME ?? "";
	const file = options.envFilePath ? displayPath(options.envFilePath, home) : "the file";
	const timeoutMs = options.timeoutMs ?? 10_000;
	let result: Awaited<ReturnType<RunCommand>>;
	try {
		result = await run(proof.command, proof.args, {
			env: proof.env,
			cwd: options.cwd,
			timeoutMs,
		});
	} catch (error) {
		return {
			ok: false,
			reason: "failed",
			detail: `${who} could not be started: ${String(error)}`,
		};
	}
	if (result.notFound) {
		return {
			ok: false,
			reason: "shell-missing",
			detail: `${proof.command} is not installed here, so it could not be checked.`,
		};
	}
	if (result.timedOut) {
		return {
			ok: false,
			reason: "failed",
			detail: `${who} did not finish within ${Math.round(timeoutMs / 1000)} s: something in its startup files may be waiting for input.`,
		};
	}
	const parsed = parseProof(result.stdout);
	if (!hasProofMarker(result.stdout)) {
		// stderr can echo a startup file's lines: mask anything that looks like a key.
		const hint = lastErrorLine(result.stderr, expected, mask);
		return {
			ok: false,
			reason: "failed",
			detail: `${who} exited (code ${result.exitCode ?? "none"}) before it could report ${variable}${hint ? `: ${hint}` : "."}`,
		};
	}
	if (parsed.notExported) {
		return {
			ok: false,
			reason: "missing",
			detail: `${who} has ${variable} but does not export it, so programs started from it cannot see it: ${target === "fish" ? "a line uses `set -g` instead of `set -gx`" : "a line sets it without `export`"}.`,
		};
	}
	if (!parsed.found) {
		const why =
			target === "dotenv"
				? `${file} has no ${variable} line Node can read`
				: target === "bash" && options.mode === "login" && options.os !== "macos" && options.os !== "windows"
					? `a login bash reads ~/.bash_profile (else ~/.bash_login or ~/.profile), which does not load ${file}. Add this line to it: \`[ -f ~/.bashrc ] && . ~/.bashrc\``
					: `something in your startup files unsets it or ${file} isn't read`;
		return {
			ok: false,
			reason: "missing",
			detail: `${who} does not see ${variable}: ${why}.`,
		};
	}
	if (parsed.value === `${expected}\r` && target !== "dotenv") {
		// A file saved with Windows line endings: the shell keeps the carriage return in the value.
		return {
			ok: false,
			reason: "different",
			detail: `${who} sees the key with a carriage return at the end: ${file} has Windows (CRLF) line endings, which ${target} does not read. Convert it (for example \`dos2unix ${file}\`), then run \`claude-setup\` again.`,
		};
	}
	if (parsed.value !== expected) {
		const seen = parsed.value === "" ? "an empty value" : `a different value (${mask(parsed.value ?? "")})`;
		return {
			ok: false,
			reason: "different",
			sees: parsed.value === "" ? "" : mask(parsed.value ?? ""),
			detail:
				target === "dotenv"
					? `${who} sees ${seen}: is there another ${variable} line in ${file}?`
					: `${who} sees ${seen}: a later definition wins — ${winner(options, parsed.value ?? "") ?? suspects(options)}`,
		};
	}
	return { ok: true };
}
