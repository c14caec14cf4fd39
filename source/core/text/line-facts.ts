// What a syntax's scanner reports about each line of a startup file, so that one rule
// (shell-statements.ts) can decide for every shell which lines hold a statement of their own.

export interface LineFacts {
	/** The line starts / ends inside a string, a heredoc body or a block comment. */
	readonly startsInText: boolean;
	readonly endsInText: boolean;
	/** Open constructs (if, loops, functions, braces, brackets, subshells) at its start / end. */
	readonly startDepth: number;
	readonly endDepth: number;
	/** It goes on the statement above (fish's `and …`, PowerShell's `| …`). */
	readonly joinedBefore: boolean;
	/** Its statement goes on below (`\`, `&&`, `||`, `|` at its end, PowerShell's backtick…). */
	readonly joinedAfter: boolean;
	/** More than one statement, or a construct opened or closed on it (`;`, `if … fi`, `{ … }`). */
	readonly compound: boolean;
	/** Nothing but blanks and comments, outside any text: a joined statement goes on across it. */
	readonly blank: boolean;
}
