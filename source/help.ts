// What `--help` prints: the overview, and each command's own page with its options and examples.
// A new command adds its page to COMMAND_HELP (and its name to Command in args.ts).

export type Command = "setup" | "status" | "remove" | "run";

interface CommandHelp {
	/** The command's words after `claude-setup` ("" for the wizard). */
	readonly name: string;
	readonly summary: string;
	/** The options it takes, by name; with lines of its own where the overview's do not fit it. */
	readonly options: readonly (string | { readonly name: string; readonly lines: string })[];
	readonly exitCodes: string;
	readonly examples: readonly string[];
	/** What follows the command's name, when it is not options. */
	readonly takes?: string;
}

/** Each option's lines, by name: shared by the overview and the commands' pages. */
const OPTION_LINES: Record<string, string> = {
	target: `  --target <name>     where to save; skips that question. May be repeated.
                      macOS, Linux, WSL: zsh, bash, fish, dotenv, powershell (pwsh profile)
                      Windows: windows (user environment), powershell (profile), bash (Git Bash), dotenv
                      keychain (macOS, Linux): the OS keychain; new terminals and Claude Code read it`,
	"no-shell": `  --no-shell          with --target keychain: no shell block (one an earlier run wrote is taken out);
                      only \`claude-setup run\` loads the key`,
	"purge-old": `  --purge-old         with --key-stdin, after a proven rotation: delete the commented-out lines and
                      backups that still hold the old key (with the keychain: this key in clear too)`,
	"ask-claude-code": `  --ask-claude-code   after saving, also send a real request with Claude Code (claude -p from a
                      new zsh, bash or fish); it spends a few tokens`,
	untrack: `  --untrack           with --key-stdin: a .env that git tracks is untracked first (git rm --cached;
                      the file stays). Without it such a .env is refused (exit 6)`,
	"dotenv-file": `  --dotenv-file <path>
                      the file for the dotenv target (default: ./.env). --env-file works too, but
                      only for a file that exists: Node itself takes --env-file for a missing one`,
	"key-stdin": "  --key-stdin         read the key from standard input; no questions asked",
	"no-verify":
		"  --no-verify         skip the live checks; nothing is sent to the API (format checks still apply)",
	model: "  --model <id>        the model for the live test request (default: the newest Haiku)",
	"allow-base-url": `  --allow-base-url <url>
                      let the key go to ANTHROPIC_BASE_URL when that is not Anthropic's API;
                      <url> names the same address (or set CLAUDE_SETUP_ALLOW_BASE_URL)`,
	"dry-run": "  --dry-run           show what would change; write nothing",
	json: "  --json              with --key-stdin, status or remove: print one JSON object describing the result",
	plain: `  --plain             one question per line, answers typed as words, no animation: for screen
                      readers and simple terminals (also when TERM=dumb)`,
	yes: `  --yes, -y           no questions: update every place, comment out stale definitions (rotation),
                      remove without confirming`,
};

const optionBlock = (options: CommandHelp["options"]) =>
	[
		...options.map((option) => (typeof option === "string" ? (OPTION_LINES[option] ?? "") : option.lines)),
		"  --help, --version",
	].join("\n");

export const COMMAND_HELP: Record<Command, CommandHelp> = {
	setup: {
		name: "",
		summary: "the interactive wizard (also to rotate a key)",
		options: [
			"target",
			"dotenv-file",
			"key-stdin",
			"no-verify",
			"no-shell",
			"purge-old",
			"ask-claude-code",
			"untrack",
			"model",
			"allow-base-url",
			"dry-run",
			"json",
			"plain",
			"yes",
		],
		exitCodes: `  0 ok · 2 bad usage · 3 bad key format · 4 key rejected by the API · 5 API unreachable
  6 a file could not be written · 7 saved but not proven · 130 cancelled`,
		examples: [
			"claude-setup",
			"claude-setup --target zsh --dry-run",
			"pbpaste | claude-setup --key-stdin --target zsh",
			'printf %s "$KEY" | claude-setup --key-stdin --target dotenv --json',
			"claude-setup --target dotenv --dotenv-file ./app/.env",
		],
	},
	status: {
		name: "status",
		summary: "every place a key is set, which one wins, and whether it works",
		options: [
			{
				name: "no-verify",
				lines: "  --no-verify         do not check the keys with the API; nothing is sent to it",
			},
			"allow-base-url",
			{
				name: "json",
				lines: "  --json              print one JSON object describing every place (keys masked)",
			},
			"plain",
		],
		exitCodes: `  0 all good · 2 bad usage · 4 a key is rejected by the API · 5 API unreachable
  7 something else is wrong (this terminal differs, no key, a disagreement)`,
		examples: ["claude-setup status", "claude-setup status --no-verify --json"],
	},
	remove: {
		name: "remove",
		summary: "take back what claude-setup wrote (restores what it commented out)",
		options: [
			{
				name: "target",
				lines: "  --target <name>     take back only what was written for this target. May be repeated.",
			},
			{
				name: "no-verify",
				lines: "  --no-verify         restore commented-out keys without checking them with the API first",
			},
			{ name: "dry-run", lines: "  --dry-run           show what would be taken back; change nothing" },
			{ name: "json", lines: "  --json              print one JSON object describing the result" },
			"plain",
			{ name: "yes", lines: "  --yes, -y           remove without asking" },
		],
		exitCodes:
			"  0 done (or nothing to remove) · 2 bad usage · 6 a file could not be written · 130 cancelled",
		examples: [
			"claude-setup remove --dry-run",
			"claude-setup remove --target zsh --yes",
			"claude-setup remove --yes --json",
		],
	},
	run: {
		name: "run",
		summary: "run one command with the saved key in its environment only",
		takes: "-- <command…>",
		options: [],
		exitCodes:
			"  the command's own exit code · 2 bad usage · 7 no key saved, or the keychain could not be read",
		examples: ["claude-setup run -- claude -p 'hello'", "claude-setup run -- python app.py"],
	},
};

export const COMMANDS = Object.keys(COMMAND_HELP) as Command[];

const usage = (help: CommandHelp) =>
	`claude-setup${help.name ? ` ${help.name}` : ""} ${help.takes ?? "[options]"}`;

/** The overview: every command, every option, every exit code. */
export const HELP = `claude-setup — save your Anthropic API key where your shell or project reads it, and prove it works

Usage
${COMMANDS.map((command) => {
	const help = COMMAND_HELP[command];
	return `  ${usage(help).padEnd(32)}${help.summary}`;
}).join("\n")}

Options
${optionBlock(COMMAND_HELP.setup.options)}

Exit codes
${COMMAND_HELP.setup.exitCodes}

Examples
${COMMAND_HELP.setup.examples.map((example) => `  ${example}`).join("\n")}
${COMMANDS.filter((command) => command !== "setup")
	.map((command) => `  ${COMMAND_HELP[command].examples[0]}`)
	.join("\n")}

Each command's own options: claude-setup <command> --help (${COMMANDS.filter((command) => command !== "setup").join(", ")})`;

/** One command's page: what it does, its options, its exit codes, examples. */
export function commandHelp(command: Command): string {
	if (command === "setup") return HELP;
	const help = COMMAND_HELP[command];
	return `claude-setup ${help.name} — ${help.summary}

Usage
  ${usage(help)}

Options
${optionBlock(help.options)}

Exit codes
${help.exitCodes}

Examples
${help.examples.map((example) => `  ${example}`).join("\n")}`;
}

/** The options a command takes, by name (what parse accepts for it). */
export function optionsOf(command: Command): readonly string[] {
	return COMMAND_HELP[command].options.map((option) => (typeof option === "string" ? option : option.name));
}

/** Where to read more after a usage mistake with `command`. */
export function seeHelp(command: Command): string {
	const name = COMMAND_HELP[command].name;
	return `Run \`claude-setup${name ? ` ${name}` : ""} --help\` for its options.`;
}
