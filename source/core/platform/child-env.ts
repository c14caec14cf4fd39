// The environment for a child process that needs none of our secrets (ps, a zsh asked for
// ZDOTDIR): credential variables removed, so a key this terminal exports is not handed on.
import { CREDENTIAL_VARIABLES } from "../key/credential-variables.js";
import type { Env } from "../system.js";
import { withoutVariables } from "./windows-env.js";

/** Windows names are case-insensitive: Anthropic_Api_Key goes too. */
export function withoutSecrets(env: Env): Env {
	return withoutVariables(env, CREDENTIAL_VARIABLES);
}
