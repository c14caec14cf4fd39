// The wording rules every message follows (see README.md); the one place they are written down.

/** How the person ran claude-setup, so a message names a command that works for them. */
export function invocationOf(env: Readonly<Record<string, string | undefined>>): string {
	// npm sets npm_command for `npx` (exec) and for scripts (`npm start` in a clone).
	if (env.npm_command === "exec") return "npx claude-setup";
	if (env.npm_command === "run-script" && env.npm_lifecycle_event === "start") return "npm start --";
	return "claude-setup";
}

/**
 * A message as printed: each command of ours (written `` `claude-setup …` `` or
 * `` `npx claude-setup …` ``) named as the person ran it.
 */
export function speak(text: string, invocation: string): string {
	return text.replace(/`[^`]*`/g, (command) =>
		command.replace(/(^`|\| |&& )(?:npx )?claude-setup(?=[ `])/g, `$1${invocation}`),
	);
}

/** Sentence case: the first letter of a message is a capital; the rest is as written. */
export function sentenceCase(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The one way to ask yes or no: the default in capitals, one key to answer. */
export function yesNoHint(defaultYes: boolean): string {
	return defaultYes ? "Y/n" : "y/N";
}

/** A backup, named so neither part is cut: the file, then the folder it is in. */
export function backedUp(display: string, what: "file" | "value"): string {
	const cut = Math.max(display.lastIndexOf("/"), display.lastIndexOf("\\")) + 1;
	const folder = display.slice(0, cut);
	const name = display.slice(cut);
	return folder === ""
		? `the old ${what} is backed up as ${name}`
		: `the old ${what} is backed up as ${name} in ${folder}`;
}

/** Claude's answer to the test request, said the same way on every screen. */
export function claudeReplied(result: { model: string; ms: number; reply: string }): string {
	return `Claude replied in ${Math.round(result.ms)} ms (${result.model}): “${result.reply.trim()}”`;
}

/** How many things, with the noun agreeing: "1 definition", "2 definitions". */
export function count(howMany: number, noun: string, plural = `${noun}s`): string {
	return `${howMany} ${howMany === 1 ? noun : plural}`;
}

/** "it" or "them", for a question about one thing or several. */
export function itOrThem(howMany: number): string {
	return howMany === 1 ? "it" : "them";
}

/** The sentences of `text` that `later` does not already say: each fix is said once, in the last place. */
export function notSaidIn(text: string, later: string): string {
	const said = later.toLowerCase();
	return text
		.split(/(?<=\.)\s+(?=[A-Z(])/)
		.filter((sentence) => !said.includes(theFix(sentence)))
		.join(" ");
}

/** What a sentence asks the person to do, as it would appear inside another: "To fix it, X." → "x". */
function theFix(sentence: string): string {
	return sentence
		.replace(/^To fix it, /, "")
		.replace(/\.$/, "")
		.toLowerCase();
}
