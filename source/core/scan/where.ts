// Where a value was found, as a person reads it, and the shape of a problem status reports.
import type { Source } from "./scan-types.js";

export interface Issue {
	readonly code:
		| "terminal-missing"
		| "terminal-malformed"
		| "disagree"
		| "stale-terminal"
		| "claude-code-credential"
		| "claude-code-interactive"
		| "empty"
		| "whitespace"
		| "wrong-kind"
		| "shell-beats-dotenv"
		| "auth-token"
		| "cloud-switch"
		| "billing"
		| "api-key-helper";
	readonly severity: "error" | "warning";
	readonly message: string;
}

export function where(source: Source): string {
	switch (source.kind) {
		case "process":
			return "this terminal";
		case "windows-user":
			return "the Windows user environment";
		case "fish-universal":
			return `${source.display} (fish universal variable)`;
		case "claude-settings":
			return source.display;
		case "file":
			return `${source.display} line ${source.line}`;
	}
}
