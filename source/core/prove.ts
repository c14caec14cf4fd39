// Proves a saved key took effect: start a fresh shell (or Node's own .env loader) with the
// variable removed from its environment, let it read the startup files, and have it print
// what a program started from it would see. The value is compared here and never printed.

import type { OsKind } from "./platform.js";
import type { Env, RunCommand } from "./system.js";
import { displayPath, type TargetName } from "./targets.js";

export interface ProofCommand {
	command: string;
	args: string[];
	env: Env;
}

export type ProofOutcome =
	| { ok: true }
	| {
			ok: false;
			reason: "missing" | "different" | "shell-missing" | "failed";
			detail: string;
	  };

export interface ProveOptions {
	target: TargetName;
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
}

const OPEN = "<<claude-setup:";
const CLOSE = ":claude-setup>>";
// exported:<value> = children see it; local = the shell has it but does not export it.
const MARKER =
	/<<claude-setup:(exported:([^\n]*?)|local|unset):claude-setup>>/g;
const MARKER_ANYWHERE =
	/<<claude-setup:(exported:[^\n]*?|local|unset):claude-setup>>/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function posixScript(name: string): string {
	return [
		`if __claude_setup_v=$(printenv ${name}); then printf '\\n${OPEN}exported:%s${CLOSE}\\n' "$__claude_setup_v"`,
		`elif [ -n "\${${name}+x}" ]; then printf '\\n${OPEN}local${CLOSE}\\n'`,
		`else printf '\\n${OPEN}unset${CLOSE}\\n'; fi`,
	].join("; ");
}

function fishScript(name: string): string {
	return [
		`if set -l __claude_setup_v (printenv ${name}); printf '\\n${OPEN}exported:%s${CLOSE}\\n' "$__claude_setup_v"`,
		`else if set -q ${name}; printf '\\n${OPEN}local${CLOSE}\\n'`,
		`else; printf '\\n${OPEN}unset${CLOSE}\\n'; end`,
	].join("; ");
}

function nodeScript(name: string): string {
	const open = JSON.stringify(`\n${OPEN}`);
	const close = JSON.stringify(`${CLOSE}\n`);
	return `const v = process.env[${JSON.stringify(name)}]; process.stdout.write(${open} + (v === undefined ? "unset" : "exported:" + v) + ${close});`;
}

export function proofCommand(
	target: TargetName,
	os: OsKind,
	variable: string,
	baseEnv: Env,
	envFilePath?: string,
	nodePath = "node",
): ProofCommand {
	if (!VARIABLE_NAME.test(variable))
		throw new Error(`Not a variable name: ${variable}`);
	// Without the variable the child cannot inherit our value; everything else (HOME,
	// ZDOTDIR, XDG_CONFIG_HOME, PATH) stays so it reads the same files the user's shells do.
	const env: Record<string, string | undefined> = { ...baseEnv };
	delete env[variable];
	switch (target) {
		case "zsh":
			return { command: "zsh", args: ["-ic", posixScript(variable)], env };
		case "bash":
			// macOS Terminal and Git Bash start login shells, which read ~/.bash_profile.
			return {
				command: "bash",
				args: [
					os === "linux" || os === "wsl" ? "-ic" : "-lic",
					posixScript(variable),
				],
				env,
			};
		case "fish":
			return { command: "fish", args: ["-c", fishScript(variable)], env };
		case "dotenv":
			return {
				command: nodePath,
				args: [
					`--env-file=${envFilePath ?? ".env"}`,
					"-e",
					nodeScript(variable),
				],
				env,
			};
	}
}

/** The last marker wins: startup files may print anything before our script runs. */
export function parseProof(stdout: string): {
	found: boolean;
	value?: string;
	notExported?: boolean;
} {
	const matches = [...stdout.matchAll(MARKER)];
	const last = matches.at(-1);
	if (last === undefined || last[1] === "unset") return { found: false };
	if (last[1] === "local") return { found: false, notExported: true };
	return { found: true, value: last[2] ?? "" };
}

const NOISY_KEY = /sk-ant-[A-Za-z0-9_-]+/g;

function programLabel(target: TargetName): string {
	return target === "dotenv" ? "Node's --env-file loader" : `a new ${target}`;
}

/** Where a later definition usually hides, per target. */
function suspects(options: ProveOptions): string {
	switch (options.target) {
		case "zsh":
			return "in ~/.zshenv, ~/.zprofile, ~/.zshrc or ~/.zlogin?";
		case "bash":
			return options.os === "linux" || options.os === "wsl"
				? "in ~/.bashrc or a file it sources?"
				: "in ~/.bash_profile, ~/.bashrc or ~/.profile?";
		case "fish":
			return "in ~/.config/fish/config.fish, another conf.d file, or a universal variable (check `set -S` in fish)?";
		case "dotenv":
			return "is there another line for it in the file?";
	}
}

export async function proveTarget(
	run: RunCommand,
	options: ProveOptions,
): Promise<ProofOutcome> {
	const { target, variable, expected, mask } = options;
	const proof = proofCommand(
		target,
		options.os,
		variable,
		options.baseEnv,
		options.envFilePath,
		options.nodePath,
	);
	const who = programLabel(target);
	const home = options.baseEnv.HOME ?? "";
	const file = options.envFilePath
		? displayPath(options.envFilePath, home)
		: "the file";
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
	if (!MARKER_ANYWHERE.test(result.stdout)) {
		// stderr can echo a startup file's lines: mask anything that looks like a key.
		const hint = result.stderr
			.split(expected)
			.join(mask(expected))
			.replace(NOISY_KEY, (key) => mask(key))
			.trim()
			.split(/\r?\n/)[0]
			?.slice(0, 200);
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
			detail: `${who} has ${variable} but does not export it, so programs started from it cannot see it: a line sets it without \`export\`.`,
		};
	}
	if (!parsed.found) {
		const why =
			target === "dotenv"
				? `${file} has no ${variable} line Node can read`
				: `something in your startup files unsets it or ${file} isn't read`;
		return {
			ok: false,
			reason: "missing",
			detail: `${who} does not see ${variable}: ${why}.`,
		};
	}
	if (parsed.value !== expected) {
		const seen =
			parsed.value === ""
				? "an empty value"
				: `a different value (${mask(parsed.value ?? "")})`;
		return {
			ok: false,
			reason: "different",
			detail: `${who} sees ${seen}: a later definition wins — ${suspects(options)}`,
		};
	}
	return { ok: true };
}
