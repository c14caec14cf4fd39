import { describe, expect, it } from "vitest";
import { type Placement, statementPlacements } from "../../../source/core/text/shell-statements.js";
import type { ShellSyntax } from "../../../source/core/text/shell-words.js";

// Each case: a file where the line marked ← holds the definition, and where that line stands.
type Case = readonly [name: string, file: string, expected: Placement];

function placementOfMarked(syntax: ShellSyntax, file: string): Placement | undefined {
	const lines = file.split("\n");
	const index = lines.findIndex((line) => line.endsWith(" ←"));
	const clean = lines.map((line) => line.replace(/ ←$/, ""));
	return statementPlacements(clean, syntax)[index];
}

const POSIX: readonly Case[] = [
	["alone", "export A=1 ←", "standalone"],
	["with a trailing comment and ;", "export A=1; # old key ←", "standalone"],
	["the only statement of an if", "if true; then\n  export A=1 ←\nfi", "construct"],
	["in a bash function", "f() {\n  export A=1 ←\n}", "construct"],
	["in `function g {`", "function g {\n  export A=1 ←\n}", "construct"],
	["in a case item", "case $x in\n  a) export A=1 ←\n  ;;\nesac", "construct"],
	["in a for loop", "for i in 1; do\n  export A=1 ←\ndone", "construct"],
	["in a while loop", "while false\ndo\n  export A=1 ←\ndone", "construct"],
	["in braces", "{\n  export A=1 ←\n}", "construct"],
	["in a subshell", "(\n  export A=1 ←\n)", "construct"],
	["in a command substitution", "x=$(\n  export A=1 ←\n)", "construct"],
	["in an unquoted heredoc", "cat <<EOF\nexport A=1 ←\nEOF", "text"],
	["in a quoted <<- heredoc", "cat <<-'EOF'\nexport A=1 ←\n\tEOF", "text"],
	["in a multi-line string", 'x="one\nexport A=1 ←\n"', "text"],
	["in a multi-line single-quoted string", "x='one\nexport A=1 ←\n'", "text"],
	["after a backslash", "echo \\\nexport A=1 ←", "joined"],
	["ending with a backslash", "export A=1 \\ ←\n  B=2", "joined"],
	["second line of an && chain", "true &&\nexport A=1 ←\necho next", "joined"],
	["second line of an || chain, a comment between", "true ||\n# why\nexport A=1 ←", "joined"],
	["before a pipe's next line", "export A=1 | ←\ncat", "joined"],
	["sharing its line", "export A=1; echo hi ←", "compound"],
	["a one-line if", "if true; then export A=1; fi ←", "compound"],
	["after the if is closed", "if true; then\n  :\nfi\nexport A=1 ←", "standalone"],
	["after a heredoc", "cat <<EOF\nfi\nEOF\nexport A=1 ←", "standalone"],
	["after an arithmetic shift (no heredoc)", "echo $((1 << 2))\nexport A=1 ←", "standalone"],
	["after case … esac", "case x in\n  a) echo ;;\nesac\nexport A=1 ←", "standalone"],
	["after a here-string", "cat <<< hi\nexport A=1 ←", "standalone"],
	["after a background job", "sleep 1 &\nexport A=1 ←", "standalone"],
	["after a backtick substitution", "echo `date`\nexport A=1 ←", "standalone"],
];

const FISH: readonly Case[] = [
	["alone", "set -gx A 1 ←", "standalone"],
	["in an if", "if true\n  set -gx A 1 ←\nend", "construct"],
	["in a function", "function f\n  set -gx A 1 ←\nend", "construct"],
	["in a switch", "switch $x\ncase a\n  set -gx A 1 ←\nend", "construct"],
	["in else if", "if false\nelse if true\n  set -gx A 1 ←\nend", "construct"],
	["after else if … end", "if false\nelse if true\nend\nset -gx A 1 ←", "standalone"],
	["in a multi-line string", 'set x "a\nset -gx A 1 ←\n"', "text"],
	["before `and`", "set -gx A 1 ←\nand echo ok", "joined"],
	["before `or`, a comment between", "set -gx A 1 ←\n# why\nor echo no", "joined"],
	["ending with &&", "set -gx A 1 && ←\necho ok", "joined"],
	["after a backslash", "echo \\\nset -gx A 1 ←", "joined"],
	["in begin; …; end", "begin; set -gx A 1; end ←", "compound"],
	["with a command substitution", "set -gx A (cat ~/.key) ←", "standalone"],
];

const POWERSHELL: readonly Case[] = [
	["alone", "$env:A = 'x' ←", "standalone"],
	["sharing its line", "$env:A = 'x'; Set-Alias k kubectl ←", "compound"],
	["a one-line if", "if ($IsWindows) { $env:A = 'x' } ←", "compound"],
	["a { in a string or comment is no bracket", "$env:A = 'a { b'  # { ←", "standalone"],
	["opening a block", "if ($work) { $env:A = 'x' ←\n}", "construct"],
	["inside an if block", "if ($work) {\n  $env:A = 'x' ←\n}", "construct"],
	["ending with a backtick", "$env:A = ` ←\n'x'", "joined"],
	["ending with =", "$env:A = ←\n'x'", "joined"],
	["before a leading pipe", "$env:A = 'x' ←\n  | Out-Null", "joined"],
	["starting a here-string", "$env:A = @' ←\nx\n'@", "text"],
	["inside a here-string", "$x = @'\n$env:A = 'x' ←\n'@", "text"],
	["inside a block comment", "<#\n$env:A = 'x' ←\n#>", "text"],
	["a string that goes on", '$env:A = "text that goes on ←\n"', "text"],
	["after a closed block", "if ($a) {\n}\n$env:A = 'x' ←", "standalone"],
];

describe("statementPlacements: one rule for every shell — only whole top-level statements may be commented out", () => {
	describe.each([
		["sh, bash, zsh", "posix", POSIX],
		["fish", "fish", FISH],
		["PowerShell", "powershell", POWERSHELL],
	] as const)("%s", (_, syntax, cases) => {
		it.each(cases)("%s → %s", (_name, file, expected) => {
			expect(placementOfMarked(syntax, file)).toBe(expected);
		});
	});
});
