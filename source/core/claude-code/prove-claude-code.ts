// The proof that includes Claude Code: the real Claude Code, started from a fresh shell, says
// which credential it will use (`claude auth status --json`: no request, no tokens), and the
// model names the key behind it. Only where Claude Code is already set up: the command creates
// ~/.claude.json where none exists.
import { maskKey } from "../key/key.js";
import { scrubSecrets } from "../key/scrub.js";
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

/** The shell a written file is read back by, when the plan saves the key for zsh, bash or fish. */
function shellOf(plan: Plan): string | undefined {
	return plan.changes.find((change) => holdsKey(change) && SHELL_ARGS[change.file.target])?.file.target;
}

/** Runs `script` in a fresh shell that must read the key from the files, not from this process. */
function inFreshShell(system: System, plan: Plan, shell: string, script: string, timeoutMs: number) {
	const env = { ...system.env };
	delete env[plan.variable];
	return system
		.run(shell, [...(SHELL_ARGS[shell] ?? []), script], { env, cwd: system.cwd, timeoutMs })
		.catch(() => undefined);
}

const ASK =
	"command -v claude >/dev/null 2>&1 || exit 127; claude -p 'Reply with one short sentence.' </dev/null";
const ASKED = "Claude Code (claude -p)";

/**
 * --ask-claude-code: a real request from the real Claude Code, started from a fresh shell (it
 * spends a few tokens, hence only when asked). Proven when it exits 0 with a reply.
 */
export async function askClaudeCode(system: System, plan: Plan): Promise<Proof> {
	const shell = shellOf(plan);
	const fail = (detail: string): Proof => ({ display: ASKED, target: "claude-code", ok: false, detail });
	if (shell === undefined) {
		return fail(
			"Claude Code was not asked: --ask-claude-code asks it from a new zsh, bash or fish, and the key was not saved for one.",
		);
	}
	const result = await inFreshShell(system, plan, shell, ASK, 120_000);
	if (result === undefined) return fail(`claude -p could not be started from a new ${shell}.`);
	if (result.exitCode === 127) {
		return fail(
			`Claude Code is not installed for a new ${shell} (no claude on its PATH): nothing was asked.`,
		);
	}
	const reply = scrubSecrets(result.stdout.trim()).replace(/\s+/g, " ");
	if (result.exitCode === 0 && reply !== "") {
		const shown = reply.length > 80 ? `${reply.slice(0, 79)}…` : reply;
		return {
			display: ASKED,
			target: "claude-code",
			ok: true,
			detail: `Claude Code (claude -p) started from a new ${shell} replied: “${shown}”`,
		};
	}
	const said = scrubSecrets(`${result.stdout} ${result.stderr}`.trim()).replace(/\s+/g, " ").slice(0, 200);
	return fail(
		`claude -p started from a new ${shell} exited ${result.exitCode}${said ? `: ${said}` : " without a reply"}. Run \`claude-setup status\` to see which key Claude Code sends.`,
	);
}

export async function proveClaudeCode(
	system: System,
	scan: ScanResult,
	plan: Plan,
	key: string,
	after: AfterChange,
): Promise<Proof | undefined> {
	const shell = shellOf(plan);
	if (shell === undefined || scan.claudeCodeState === undefined) return undefined;
	const result = await inFreshShell(system, plan, shell, SCRIPT, 20_000);
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
			: `Claude Code started from a new ${shell} says it uses ${said}, not the new key${after.instead ? ` (${after.instead})` : ""}. Run \`claude-setup status\` to see every place.`,
	};
}
