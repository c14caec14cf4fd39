// The environment for a child process that needs none of our secrets (ps, a zsh asked for
// ZDOTDIR): credential variables removed, so a key this terminal exports is not handed on.
import type { Env } from "./system.js";

const CREDENTIALS = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN"];

export function withoutSecrets(env: Env): Env {
	const copy: Record<string, string | undefined> = { ...env };
	// Windows names are case-insensitive: Anthropic_Api_Key is the same variable.
	for (const name of Object.keys(copy)) if (CREDENTIALS.includes(name.toUpperCase())) delete copy[name];
	return copy;
}
