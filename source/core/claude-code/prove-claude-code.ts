// The proof that includes Claude Code: the real Claude Code, started from a fresh shell, says
// which credential it will use (`claude auth status --json`: no request, no tokens), and the
// model names the key behind it. Only where Claude Code is already set up: the command creates
// ~/.claude.json where none exists.
import { maskKey } from "../key/key.js";
import type { Plan } from "../plan/plan.js";
import { holdsKey } from "../plan/plan-types.js";
import type { Proof } from "../prove/proofs.js";
import type { ScanResult } from "../scan/scan-types.js";
import type { System } from "../system.js";
import type { AfterChange } from "./after-change.js";

const SHELL_ARGS: Readonly<Record<string, readonly string[]>> = {
	zsh: ["-ic"],
	bash: ["-ic"],
	fish: ["-c"],
};
const SCRIPT = "command -v claude >/dev/null 2>&1 || exit 127; claude auth status --json </dev/null";

/** What `claude auth status --json` (2.1.x) says, or undefined when it said nothing we read. */
export function parseAuthStatus(stdout: string): { apiKeySource?: string; authMethod?: string } | undefined {
	const start = stdout.lastIndexOf('{\n  "loggedIn"');
	const text = start === -1 ? stdout.slice(stdout.indexOf("{")) : stdout.slice(start);
	try {
		const parsed: unknown = JSON.parse(text.slice(0, text.lastIndexOf("}") + 1));
		if (typeof parsed !== "object" || parsed === null) return undefined;
		const { apiKeySource, authMethod } = parsed as Record<string, unknown>;
		return {
			...(typeof apiKeySource === "string" ? { apiKeySource } : {}),
			...(typeof authMethod === "string" ? { authMethod } : {}),
		};
	} catch {
		return undefined;
	}
}

export async function proveClaudeCode(
	system: System,
	scan: ScanResult,
	plan: Plan,
	key: string,
	after: AfterChange,
): Promise<Proof | undefined> {
	const shell = plan.changes.find((change) => holdsKey(change) && SHELL_ARGS[change.file.target])?.file
		.target;
	if (shell === undefined || scan.claudeCodeState === undefined) return undefined;
	const env = { ...system.env };
	delete env[plan.variable];
	const result = await system
		.run(shell, [...(SHELL_ARGS[shell] ?? []), SCRIPT], { env, cwd: system.cwd, timeoutMs: 20_000 })
		.catch(() => undefined);
	if (result === undefined || result.exitCode === 127) return undefined;
	const status = parseAuthStatus(result.stdout);
	const display = "Claude Code";
	const said = status?.apiKeySource ?? status?.authMethod ?? "nothing it could read";
	const ok = status?.apiKeySource === plan.variable && after.verdict.print;
	return {
		display,
		target: "claude-code",
		ok,
		detail: ok
			? `Claude Code started from a new ${shell} uses ${plan.variable}: the new key ${maskKey(key)} (asked claude auth status; no tokens spent)`
			: `Claude Code started from a new ${shell} says it uses ${said}, not the new key${after.instead ? ` (${after.instead})` : ""}. Run claude-setup status to see every place.`,
	};
}
