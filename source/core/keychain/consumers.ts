// What reads the key out of the keychain: the line in a shell's marked block (a deadline, a
// non-empty value only, one short line on failure) and Claude Code's apiKeyHelper.

import { parse } from "jsonc-parser";
import { jsonErrors, setJsonValue } from "../edit/json-edit.js";
import type { ShellSyntax } from "../text/shell-words.js";
import { KEYCHAIN_SERVICE, type KeychainKind } from "./store-commands.js";

/** A shell start waits this long at most (the lookup takes ~20 ms when the keyring answers). */
const SHELL_DEADLINE_S = 2;
/** Claude Code waits on a slow helper without a limit: the helper brings its own. */
const HELPER_DEADLINE_S = 3;

/** The lookup as a command line, with its deadline (macOS has no `timeout`; perl's alarm outlives exec). */
export function lookupCommandLine(kind: KeychainKind, variable: string, seconds: number): string {
	if (kind === "macos-keychain") {
		return `perl -e 'alarm ${seconds}; exec @ARGV' security find-generic-password -s ${KEYCHAIN_SERVICE} -a ${variable} -w`;
	}
	return `timeout ${seconds} secret-tool lookup service ${KEYCHAIN_SERVICE} account ${variable}`;
}

export const KEYCHAIN_BLOCK_COMMENT =
	"# Added by claude-setup: reads your API key from the OS keychain (service claude-setup). Delete this block to stop.";

/** What the block's definition assigns: the looked-up value, not a key (the scan skips it). */
export const KEYCHAIN_SHELL_VALUE = "$__claude_setup_key";

const failureLine = (variable: string) =>
	`claude-setup: ${variable} not loaded: the keychain is locked or did not answer (claude-setup status says more)`;

/**
 * The one line a shell's claude-setup block runs. `variable` is a credential name
 * (ANTHROPIC_API_KEY, CLAUDE_CODE_OAUTH_TOKEN): letters, digits and _ only, so it needs no quoting.
 */
export function keychainShellLine(kind: KeychainKind, syntax: ShellSyntax, variable: string): string {
	const lookup = lookupCommandLine(kind, variable, SHELL_DEADLINE_S);
	const message = failureLine(variable);
	switch (syntax) {
		case "posix":
			return `__claude_setup_key=$(${lookup} 2>/dev/null); if [ -n "$__claude_setup_key" ]; then export ${variable}="$__claude_setup_key"; else echo '${message}' >&2; fi; unset __claude_setup_key`;
		case "fish":
			return `set -l __claude_setup_key (${lookup} 2>/dev/null); if test -n "$__claude_setup_key"; set -gx ${variable} "$__claude_setup_key"; else; echo '${message}' >&2; end`;
		case "powershell":
			return `& { $__claude_setup_key = try { (& ${lookup} 2>$null) -join '' } catch { '' }; if ($__claude_setup_key) { $env:${variable} = $__claude_setup_key } else { [Console]::Error.WriteLine('${message}') } }`;
	}
}

/** Claude Code's `apiKeyHelper`: it runs this through a shell and sends what it prints as the key. */
export function apiKeyHelperCommand(kind: KeychainKind, variable: string): string {
	return lookupCommandLine(kind, variable, HELPER_DEADLINE_S);
}

export type SettingsEdit = { ok: true; text: string } | { ok: false; reason: string };

/** settings.json with our apiKeyHelper (comments, order and formatting kept). */
export function withApiKeyHelper(text: string | undefined, command: string): SettingsEdit {
	return setJsonValue(text ?? "", ["apiKeyHelper"], command);
}

/**
 * settings.json without our apiKeyHelper; someone else's is left alone. `empty`: nothing else
 * is left in it (a file claude-setup created can then go).
 */
export function withoutApiKeyHelper(
	text: string,
	isOurs: (command: string) => boolean,
): { text: string; changed: boolean; empty: boolean } {
	const current = apiKeyHelperOf(text);
	if (current === undefined || !isOurs(current)) return { text, changed: false, empty: false };
	const edited = setJsonValue(text, ["apiKeyHelper"], undefined);
	if (!edited.ok) return { text, changed: false, empty: false };
	return { text: edited.text, changed: true, empty: /^\uFEFF?\s*\{\s*\}\s*$/.test(edited.text) };
}

/** The apiKeyHelper a settings text names, if it parses and names one. */
export function apiKeyHelperOf(text: string): string | undefined {
	const body = text.replace(/^\uFEFF/, "");
	if (body.trim() === "" || jsonErrors(body).length > 0) return undefined;
	const settings: unknown = parse(body, [], { allowTrailingComma: true });
	if (typeof settings !== "object" || settings === null || !("apiKeyHelper" in settings)) return undefined;
	return typeof settings.apiKeyHelper === "string" ? settings.apiKeyHelper : undefined;
}

/** Our helper, whichever platform wrote it: it looks our item up by service and account. */
export function isOurHelper(command: string): boolean {
	return (
		command.includes(`service ${KEYCHAIN_SERVICE} account `) || command.includes(`-s ${KEYCHAIN_SERVICE} -a `)
	);
}
