// Why the keychain target is not offered on Windows, in the words the CLI shows.

export const WINDOWS_KEYCHAIN_REFUSAL =
	"The keychain target is not available on Windows: Windows PowerShell has no command that reads a " +
	"Credential Manager item back (cmdkey only stores, with the secret in its arguments), so each new " +
	"window and each Claude Code request would compile a CredRead call first (about a second), and cmd, " +
	"Git Bash and apps could not read it at all.";

export const WINDOWS_KEYCHAIN_NEXT = "Use --target windows (the user variable, what Windows recommends).";
