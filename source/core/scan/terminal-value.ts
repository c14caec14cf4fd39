// Which ANTHROPIC_API_KEY a NEW terminal of the person's shell gets: asked of a fresh real
// shell (Unix, pwsh included) or read from what Windows hands new windows. The value stays in memory.
import type { Detected } from "../platform/platform.js";
import { hasProofMarker, parseProof, proofCommand } from "../prove/prove-command.js";
import type { Env, System } from "../system.js";
import type { WindowsContext } from "../windows/detect.js";
import { invokePowerShell } from "../windows/invoke.js";
import { readMarker, SCRIPTS } from "../windows/powershell.js";
import { type Finding, SETTING_VARIABLES, type Source } from "./scan-types.js";

export type TerminalValue =
	| { readonly state: "set"; readonly shell: string; readonly value: string }
	| { readonly state: "unset"; readonly shell: string }
	| { readonly state: "unknown"; readonly shell: string; readonly why: string };

export async function newTerminalValue(
	system: System,
	detected: Detected,
	findings: readonly Finding[],
	windows: WindowsContext | undefined,
	variable = "ANTHROPIC_API_KEY",
): Promise<TerminalValue> {
	if (detected.os === "windows") return windowsValue(detected, findings, windows, variable);
	// A fresh shell must not inherit this process's values: remove every setting we track.
	const env: Record<string, string | undefined> = { ...system.env };
	for (const name of SETTING_VARIABLES) delete env[name];
	if (detected.shell === "powershell") return pwshValue(system, env, variable);
	const shell = detected.shell === "zsh" || detected.shell === "fish" ? detected.shell : "bash";
	const command = proofCommand(shell, detected.os, variable, env);
	const result = await system.run(command.command, command.args, { env: command.env, timeoutMs: 10_000 });
	if (result.notFound) return { state: "unknown", shell, why: `${shell} is not installed here` };
	if (!hasProofMarker(result.stdout)) {
		return {
			state: "unknown",
			shell,
			why: `a new ${shell} did not start cleanly${result.timedOut ? " (timed out)" : ""}`,
		};
	}
	const proof = parseProof(result.stdout);
	return proof.found ? { state: "set", shell, value: proof.value ?? "" } : { state: "unset", shell };
}

/** macOS and Linux: a fresh pwsh runs its profiles and says what $env:NAME is. */
async function pwshValue(system: System, env: Env, variable: string): Promise<TerminalValue> {
	const shell = "PowerShell";
	const outcome = await invokePowerShell(system.run, "pwsh", SCRIPTS.readVariableAfterProfile(variable), {
		loadProfile: true,
		env,
		timeoutMs: 30_000,
		windows: false,
	});
	if (!outcome.ok) {
		const why = outcome.why === "not-installed" ? "pwsh is not installed here" : outcome.detail;
		return { state: "unknown", shell, why };
	}
	const marker = readMarker(outcome.result.stdout);
	if (!marker.marked) return { state: "unknown", shell, why: "a new pwsh did not start cleanly" };
	return marker.value === undefined
		? { state: "unset", shell }
		: { state: "set", shell, value: marker.value };
}

/** New windows get the user variable; PowerShell then runs its profile, which wins. */
function windowsValue(
	detected: Detected,
	findings: readonly Finding[],
	windows: WindowsContext | undefined,
	variable: string,
): TerminalValue {
	const shell =
		windows?.shell === "pwsh" || windows?.shell === "powershell"
			? "PowerShell"
			: (windows?.shell ?? detected.shell);
	const ofVariable = findings.filter((finding) => finding.variable === variable);
	const profile =
		shell === "PowerShell"
			? ofVariable
					.filter((finding) => finding.source.kind === "file" && finding.source.format === "powershell")
					.at(-1)
			: undefined;
	const chosen = profile ?? ofVariable.find((finding) => finding.source.kind === "windows-user");
	return chosen ? { state: "set", shell, value: chosen.value } : { state: "unset", shell };
}

/**
 * The definitions a new terminal's value comes from: those in files its shell reads (a zsh
 * terminal does not read ~/.bash_profile, whatever it holds), else any place holding that
 * value (one startup file may source another).
 */
export function winningFindings(
	findings: readonly Finding[],
	terminal: TerminalValue,
	variable = "ANTHROPIC_API_KEY",
): Finding[] {
	if (terminal.state !== "set") return [];
	const holding = findings.filter(
		(finding) =>
			finding.variable === variable && finding.value === terminal.value && finding.source.kind !== "process",
	);
	const read = holding.filter((finding) => readByNewTerminal(finding.source, terminal.shell));
	return read.length > 0 ? read : holding;
}

function readByNewTerminal(source: Source, shell: string): boolean {
	switch (source.kind) {
		case "file":
			return (
				source.format === shell ||
				(source.format === "bash" && shell === "git-bash") ||
				(source.format === "powershell" && shell === "PowerShell")
			);
		case "fish-universal":
			return shell === "fish";
		case "windows-user":
			return true;
		default:
			return false;
	}
}
