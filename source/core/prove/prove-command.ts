// The command that reads a variable back in a fresh shell (or Node's .env loader), and
// the parsing of its answer. The answer sits between unique markers because interactive
// shells print whatever the user's startup files print (banners, prompts, warnings).

import type { FileTargetName } from "../plan/targets.js";
import type { OsKind } from "../platform/platform.js";
import type { Env } from "../system.js";

export interface ProofCommand {
	command: string;
	args: string[];
	env: Env;
}

const OPEN = "<<claude-setup:";
const CLOSE = ":claude-setup>>";
// exported:<value> = children see it; local = the shell has it but does not export it.
const MARKER = /<<claude-setup:(exported:([^\n]*?)|local|unset):claude-setup>>/g;
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

/**
 * How a person starts this shell: an interactive shell (a terminal window on Linux) and a login
 * shell (SSH, tmux, macOS Terminal, Git Bash) read different files, so zsh and bash are proven
 * both ways; the first mode is the one a new terminal window opens here.
 */
export type ShellMode = "interactive" | "login";

export function proofModes(target: FileTargetName, os: OsKind): readonly ShellMode[] {
	if (target === "zsh") return ["interactive", "login"];
	if (target !== "bash") return ["interactive"];
	// macOS Terminal and Git Bash open login shells only (a bash typed inside one inherits its key).
	return os === "macos" || os === "windows" ? ["login"] : ["interactive", "login"];
}

export function proofCommand(
	target: FileTargetName,
	os: OsKind,
	variable: string,
	baseEnv: Env,
	envFilePath?: string,
	nodePath = "node",
	mode: ShellMode = proofModes(target, os)[0] ?? "interactive",
): ProofCommand {
	if (!VARIABLE_NAME.test(variable)) throw new Error(`Not a variable name: ${variable}`);
	// Without the variable the child cannot inherit our value; everything else (HOME,
	// ZDOTDIR, XDG_CONFIG_HOME, PATH) stays so it reads the same files the user's shells do.
	const env: Record<string, string | undefined> = { ...baseEnv };
	delete env[variable];
	switch (target) {
		case "zsh":
		case "bash":
			return { command: target, args: [mode === "login" ? "-lic" : "-ic", posixScript(variable)], env };
		case "fish":
			return { command: "fish", args: ["-c", fishScript(variable)], env };
		case "dotenv":
			return {
				command: nodePath,
				args: [`--env-file=${envFilePath ?? ".env"}`, "-e", nodeScript(variable)],
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

/** Whether the child got as far as running our script at all. */
export function hasProofMarker(stdout: string): boolean {
	return stdout.match(MARKER) !== null;
}
