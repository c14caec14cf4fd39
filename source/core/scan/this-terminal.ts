// This terminal against a new one: the classic 401 is this terminal still holding an old,
// revoked or mistyped key (or none) while the startup file has the right one.
import { maskOrEmpty } from "./classify.js";
import type { Finding } from "./scan-types.js";
import { type Issue, where } from "./where.js";

const KEY = "ANTHROPIC_API_KEY";

/** How this terminal catches up: a new one, or sourcing the Unix startup file the key comes from. */
export function catchUpHint(winners: readonly Finding[]): string {
	const source = winners.at(-1)?.source;
	if (source?.kind === "file" && source.format !== "dotenv" && source.format !== "powershell") {
		return `open a new terminal or run \`source ${source.display}\``;
	}
	return "open a new terminal";
}

/** The key a new terminal gets, as "your ~/.zshrc key". */
export function whoseKey(winners: readonly Finding[]): string {
	const source = winners.at(-1)?.source;
	if (source?.kind === "file" || source?.kind === "fish-universal") return `your ${source.display} key`;
	return source ? `the key in ${where(source)}` : "the key a new terminal gets";
}

/** Set when this terminal's ANTHROPIC_API_KEY is not what a new terminal gets: programs run here see another key. */
export function thisTerminalIssue(
	processValue: string | undefined,
	winning: string | undefined,
	winners: readonly Finding[],
): Issue | undefined {
	if (winning === undefined || processValue === winning) return undefined;
	const has = processValue === undefined ? `no ${KEY}` : `${KEY}=${maskOrEmpty(processValue)}`;
	const empty = processValue?.trim() === "" ? ` (run \`unset ${KEY}\`)` : "";
	return {
		code: "stale-terminal",
		severity: "error",
		message: `This terminal has ${has}, but a new one gets ${maskOrEmpty(winning)}: programs started here use this terminal's value. To fix it, ${catchUpHint(winners)}${empty}.`,
	};
}
