// The variables that hold an Anthropic credential: what a child process must not inherit and
// what `status` looks for.

export type CredentialVariable = "ANTHROPIC_API_KEY" | "ANTHROPIC_AUTH_TOKEN" | "CLAUDE_CODE_OAUTH_TOKEN";

export const CREDENTIAL_VARIABLES: readonly CredentialVariable[] = [
	"ANTHROPIC_API_KEY",
	"ANTHROPIC_AUTH_TOKEN",
	"CLAUDE_CODE_OAUTH_TOKEN",
];
