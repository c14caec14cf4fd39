import { parseArgs } from "node:util";
import { scrubSecrets } from "./core/key/scrub.js";
import { SHELL_TARGETS, TARGET_NAMES, type TargetName } from "./core/plan/targets.js";
import { didYouMean } from "./core/text/did-you-mean.js";
import { COMMANDS, type Command, optionsOf } from "./help.js";

export type { Command } from "./help.js";
export { HELP } from "./help.js";

export interface Options {
	readonly command: Command;
	/** Apply the defaults without asking: update every place, comment out stale definitions. */
	readonly yes: boolean;
	readonly targets: readonly TargetName[];
	readonly envFile?: string;
	readonly keyStdin: boolean;
	readonly verify: boolean;
	readonly model?: string;
	readonly dryRun: boolean;
	readonly json: boolean;
	/** Accessible mode: one question per line, answers typed as words, no animation or redraws. */
	readonly plain: boolean;
	/** The key may go to this address (ANTHROPIC_BASE_URL's, when it is not Anthropic's). */
	readonly allowBaseURL?: string;
	/** --key-stdin: a .env git tracks may be untracked (`git rm --cached`) so the key can go in. */
	readonly untrack?: boolean;
	/** With --target keychain: false (--no-shell) = no shell block; `claude-setup run` loads the key. */
	readonly shellBlock?: boolean;
	/** After a proven rotation, delete the commented-out lines and backups that hold the old key. */
	readonly purgeOld?: boolean;
	/** After saving, a real `claude -p` request from a fresh shell (spends a few tokens). */
	readonly askClaudeCode?: boolean;
	/** `claude-setup run -- <command…>`: the command and its arguments. */
	readonly runCommand?: readonly string[];
}

type ParsedArgs =
	| { readonly kind: "run"; readonly options: Options }
	| { readonly kind: "help"; readonly command: Command }
	| { readonly kind: "version" }
	| { readonly kind: "error"; readonly message: string; readonly command: Command };

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
	const parsed = parseWords(argv);
	// A key pasted as an argument would otherwise be echoed back in full.
	return parsed.kind === "error" ? { ...parsed, message: scrubSecrets(parsed.message) } : parsed;
}

/** The command the words name, or, for help, the one after `help`: `claude-setup help status`. */
function commandNamed(positionals: readonly string[]): Command {
	const word = positionals[0] === "help" ? positionals[1] : positionals[0];
	return COMMANDS.find((command) => command !== "setup" && command === word) ?? "setup";
}

/** The long option names parse knows, with their dashes. */
const KNOWN_FLAGS = () => Object.keys(parseOptions()).map((name) => `--${name}`);

/** Node's "Unknown option '--targt'." with what was probably meant. */
function unknownOption(message: string): string {
	const typed = /^Unknown option '(-{1,2}[^'=]*)/.exec(message)?.[1];
	const meant = typed ? didYouMean(typed, KNOWN_FLAGS()) : undefined;
	return meant ? `${message} Did you mean ${meant}?` : message;
}

/** Where an option belongs when it was given to a command that does not take it. */
function belongsWith(option: string): string {
	const owners = COMMANDS.filter((command) => optionsOf(command).includes(option)).map((command) =>
		command === "setup" ? "the wizard" : command,
	);
	return owners.join(" and ");
}

/** `run [--] <command…>`: everything after is the command's, not ours. */
function parseRun(argv: readonly string[]): ParsedArgs {
	const rest = argv[1] === "--" ? argv.slice(2) : argv.slice(1);
	if (rest.length === 0) {
		return { kind: "error", command: "run", message: "run needs a command: claude-setup run -- <command…>." };
	}
	const base = parseWords([]);
	if (base.kind !== "run") return base;
	return { kind: "run", options: { ...base.options, command: "run", runCommand: rest } };
}

function parseWords(argv: readonly string[]): ParsedArgs {
	if (argv[0] === "run" && argv[1] !== "--help" && argv[1] !== "-h") return parseRun(argv);
	let values: ReturnType<typeof parse>["values"];
	let positionals: string[];
	const wordsOnly = argv.filter((word) => !word.startsWith("-"));
	try {
		({ values, positionals } = parse(argv));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const command = commandNamed(wordsOnly);
		return { kind: "error", command, message: unknownOption(message.replace(/\. To specify.*$/s, ".")) };
	}
	const command = commandNamed(positionals);
	const error = (message: string): ParsedArgs => ({ kind: "error", command, message });
	if (values.help || positionals[0] === "help") return { kind: "help", command };
	if (values.version) return { kind: "version" };
	const extra = positionals.slice(command === "setup" ? 0 : 1);
	if (extra.length > 0) {
		const word = extra[0] ?? "";
		const key = word.startsWith("sk-") ? " Pass the key on standard input: --key-stdin." : "";
		const meant =
			command === "setup" && !key
				? didYouMean(
						word,
						COMMANDS.filter((name) => name !== "setup"),
					)
				: undefined;
		if (meant) return error(`Unknown command '${word}'. Did you mean ${meant}?`);
		return error(`Unexpected argument '${word}'.${key}`);
	}
	// Each command takes the options its help lists (--env-file is --dotenv-file's other name).
	const taken = [...optionsOf(command), ...(optionsOf(command).includes("dotenv-file") ? ["env-file"] : [])];
	const misplaced = Object.keys(values).find((name) => !["help", "version", ...taken].includes(name));
	if (misplaced) {
		const name = misplaced === "env-file" ? "dotenv-file" : misplaced;
		return error(`--${misplaced} goes with ${belongsWith(name)}, not with ${command}.`);
	}
	const targets: TargetName[] = [];
	for (const name of values.target ?? []) {
		const target = TARGET_NAMES.find((known) => known === name.toLowerCase());
		if (!target) {
			const meant = didYouMean(name, TARGET_NAMES);
			const suggestion = meant ? ` Did you mean ${meant}?` : "";
			return error(`Unknown target '${name}'.${suggestion} Choose from: ${TARGET_NAMES.join(", ")}.`);
		}
		if (!targets.includes(target)) targets.push(target);
	}
	const dotenvFlag = values["dotenv-file"] !== undefined ? "dotenv-file" : "env-file";
	const envFile = values["dotenv-file"] ?? values["env-file"];
	if (values["dotenv-file"] !== undefined && values["env-file"] !== undefined) {
		return error("--dotenv-file and --env-file name the same thing: give one.");
	}
	if (values["purge-old"] && !values["key-stdin"]) {
		return error("--purge-old goes with --key-stdin.");
	}
	if (values["ask-claude-code"] && values["no-verify"]) {
		return error("--ask-claude-code sends a request to Claude; it does not go with --no-verify.");
	}
	if (values["no-shell"] && !targets.includes("keychain")) {
		return error("--no-shell goes with --target keychain.");
	}
	const shell = targets.find((target) => SHELL_TARGETS.includes(target));
	if (values["no-shell"] && shell) {
		return error(
			`--no-shell keeps the key out of new terminals; --target ${shell} puts it in them. Give one of the two.`,
		);
	}
	if (envFile !== undefined && !targets.includes("dotenv") && targets.length > 0) {
		return error(`--${dotenvFlag} goes with --target dotenv.`);
	}
	if (values.json && !values["key-stdin"] && command === "setup") {
		return error("--json goes with --key-stdin (or with status and remove).");
	}
	// A key in --model would be sent as a model id and echoed in the API's error.
	if (
		values.model !== undefined &&
		(!/^[A-Za-z0-9._:@/-]+$/.test(values.model) || /^sk-/.test(values.model))
	) {
		return error("--model takes a model id such as claude-haiku-5-5.");
	}
	return {
		kind: "run",
		options: {
			command,
			yes: values.yes ?? false,
			targets,
			envFile,
			keyStdin: values["key-stdin"] ?? false,
			verify: !(values["no-verify"] ?? false),
			model: values.model,
			dryRun: values["dry-run"] ?? false,
			json: values.json ?? false,
			plain: values.plain ?? false,
			allowBaseURL: values["allow-base-url"],
			untrack: values.untrack ?? false,
			...(values["no-shell"] ? { shellBlock: false } : {}),
			...(values["purge-old"] ? { purgeOld: true } : {}),
			...(values["ask-claude-code"] ? { askClaudeCode: true } : {}),
		},
	};
}

function parse(argv: readonly string[]) {
	return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: parseOptions() });
}

function parseOptions() {
	return {
		target: { type: "string", multiple: true },
		"dotenv-file": { type: "string" },
		// Also Node's own flag: Node 20 takes it from anywhere on the command line (nodejs/node#54232)
		// and exits 9 for a missing file before this code runs, hence --dotenv-file.
		"env-file": { type: "string" },
		"key-stdin": { type: "boolean" },
		"no-verify": { type: "boolean" },
		"no-shell": { type: "boolean" },
		"purge-old": { type: "boolean" },
		"ask-claude-code": { type: "boolean" },
		model: { type: "string" },
		"allow-base-url": { type: "string" },
		"dry-run": { type: "boolean" },
		json: { type: "boolean" },
		yes: { type: "boolean", short: "y" },
		plain: { type: "boolean" },
		untrack: { type: "boolean" },
		help: { type: "boolean", short: "h" },
		version: { type: "boolean", short: "v" },
	} as const;
}
