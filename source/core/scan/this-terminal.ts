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

/** What the live checks found, once made: a new terminal's key rejected, this terminal's working. */
export interface Checked {
	readonly newRejected: boolean;
	readonly thisWorks: boolean;
}

/** The fix, unless a new terminal's key is the broken one: then catching up would not help. */
function fixFor(winners: readonly Finding[], empty: string, checked: Checked | undefined): string {
	if (!checked?.newRejected) return ` To fix it, ${catchUpHint(winners)}${empty}.`;
	if (checked.thisWorks)
		return " But a new terminal's key is rejected and this one's works: keep it here, and save it for every new terminal (the last line says how).";
	return " Opening a new terminal would not help: the key it gets is rejected (see below).";
}

/** Set when this terminal's ANTHROPIC_API_KEY is not what a new terminal gets: programs run here see another key. */
export function thisTerminalIssue(
	processValue: string | undefined,
	winning: string | undefined,
	winners: readonly Finding[],
	checked?: Checked,
): Issue | undefined {
	if (winning === undefined || processValue === winning) return undefined;
	const has = processValue === undefined ? `no ${KEY}` : `${KEY}=${maskOrEmpty(processValue)}`;
	const empty = processValue?.trim() === "" ? ` (run \`unset ${KEY}\`)` : "";
	const seen = processValue === undefined ? "get no key" : "use this terminal's value";
	return {
		code: "stale-terminal",
		severity: "error",
		message: `This terminal has ${has}, but a new one gets ${maskOrEmpty(winning)}: programs started here ${seen}.${fixFor(winners, empty, checked)}`,
	};
}
