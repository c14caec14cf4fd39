// Which lines of a startup file are one whole top-level statement standing on their own lines,
// so that commenting one out removes that statement and nothing else. One rule for every shell
// syntax; each syntax only supplies a scanner that reports the same facts about each line.
import type { LineFacts } from "./line-facts.js";
import { powershellLineFacts } from "./powershell-statements.js";
import { shLineFacts } from "./sh-scanner.js";
import type { ShellSyntax } from "./shell-words.js";

export type Placement = "standalone" | "construct" | "text" | "joined" | "compound";

/** Why a line that is not standalone was left, and what to do by hand (for the preview and --json). */
export const LEFT_BECAUSE: Readonly<Record<Exclude<Placement, "standalone">, string>> = {
	construct: "it is inside an if, case, loop, function, braces or brackets",
	text: "it is inside a heredoc, a multi-line string or a block comment",
	joined: "it is joined to the line before or after it (\\, &&, ||, | or a continuation)",
	compound: "it shares its line with other commands",
};

export const FIX_BY_HAND = "delete it or change it by hand, then run `claude-setup` again";

/** For each line: may it be commented out alone, or why not. */
export function statementPlacements(lines: readonly string[], syntax: ShellSyntax): Placement[] {
	const facts: readonly LineFacts[] =
		syntax === "powershell" ? powershellLineFacts(lines) : shLineFacts(lines, syntax);
	// A joined statement goes on across blank and comment lines: `a &&`, a comment, then `b`;
	// a line that continues the one above (`| cmd`, fish's `and …`) joins that one to it too.
	const joinedBefore = facts.map((fact) => fact.joinedBefore);
	const joinedAfter = facts.map((fact) => fact.joinedAfter);
	const nearestCode = (from: number, step: 1 | -1): number => {
		let index = from + step;
		while (facts[index]?.blank) index += step;
		return index;
	};
	facts.forEach((fact, index) => {
		if (fact.joinedAfter) joinedBefore[nearestCode(index, 1)] = true;
		if (fact.joinedBefore) joinedAfter[nearestCode(index, -1)] = true;
	});
	return facts.map((fact, index) => {
		if (fact.startsInText || fact.endsInText) return "text";
		if (fact.startDepth > 0 || fact.endDepth > 0) return "construct";
		if (joinedBefore[index] || joinedAfter[index]) return "joined";
		if (fact.compound) return "compound";
		return "standalone";
	});
}
