import { parseArgs } from "node:util";
import { scrubSecrets } from "./core/key/scrub.js";
import { TARGET_NAMES, type TargetName } from "./core/plan/targets.js";

export type Command = "setup" | "status" | "remove" | "run";

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
	/** The key may go to this address (ANTHROPIC_BASE_URL's, when it is not Anthropic's). */
	readonly allowBaseURL?: string;
	/** --key-stdin: a .env git tracks may be untracked (`git rm --cached`) so the key can go in. */
	readonly untrack?: boolean;
	/** With --target keychain: false (--no-shell) = no shell block; `claude-setup run` loads the key. */
	readonly shellBlock?: boolean;
	/** After a proven rotation, delete the commented-out lines and backups that hold the old key. */
	readonly purgeOld?: boolean;
	/** `claude-setup run -- <command…>`: the command and its arguments. */
	readonly runCommand?: readonly string[];
}

type ParsedArgs =
	| { readonly kind: "run"; readonly options: Options }
	| { readonly kind: "help" }
	| { readonly kind: "version" }
	| { readonly kind: "error"; readonly message: string };

export const HELP = `claude-setup — save your Anthropic API key where your shell or project reads it, and prove it works

Usage
  claude-setup [options]          the interactive wizard (also to rotate a key)
  claude-setup status [options]   every place a key is set, which one wins, and whether it works
  claude-setup remove [options]   take back what claude-setup wrote (restores what it commented out)
  claude-setup run -- <command…>  run one command with the saved key in its environment only

Options
  --target <name>     where to save; skips that question. May be repeated.
                      macOS, Linux, WSL: zsh, bash, fish, dotenv, powershell (pwsh profile)
                      Windows: windows (user environment), powershell (profile), bash (Git Bash), dotenv
                      keychain (macOS, Linux): the OS keychain; new terminals and Claude Code read it
  --no-shell          with --target keychain: no shell block; only \`claude-setup run\` loads the key
  --purge-old         with --key-stdin, after a proven rotation: delete the commented-out lines and
                      backups that still hold the old key
  --dotenv-file <path>
                      the file for the dotenv target (default: ./.env). --env-file works too, but
                      only for a file that exists: Node itself takes --env-file for a missing one
  --key-stdin         read the key from standard input; no questions asked
  --no-verify         skip the live checks; nothing is sent to the API (format checks still apply)
  --model <id>        the model for the live test request (default: the newest Haiku)
  --allow-base-url <url>
                      let the key go to ANTHROPIC_BASE_URL when that is not Anthropic's API;
                      <url> names the same address (or set CLAUDE_SETUP_ALLOW_BASE_URL)
  --dry-run           show what would change; write nothing
  --json              with --key-stdin, status or remove: print one JSON object describing the result
  --yes, -y           no questions: update every place, comment out stale definitions (rotation),
                      remove without confirming
  --untrack           with --key-stdin: a .env that git tracks is untracked first (git rm --cached;
                      the file stays). Without it such a .env is refused (exit 6)
  --help, --version

Exit codes
  0 ok · 2 bad usage · 3 bad key format · 4 key rejected by the API · 5 API unreachable
  6 a file could not be written · 7 saved but not proven · 130 cancelled

Examples
  npx claude-setup
  pbpaste | npx claude-setup --key-stdin --target zsh
  npx claude-setup --target dotenv --dotenv-file ./app/.env`;

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
	const parsed = parseWords(argv);
	// A key pasted as an argument would otherwise be echoed back in full.
	return parsed.kind === "error" ? { kind: "error", message: scrubSecrets(parsed.message) } : parsed;
}

/** `run [--] <command…>`: everything after is the command's, not ours. */
function parseRun(argv: readonly string[]): ParsedArgs {
	const rest = argv[1] === "--" ? argv.slice(2) : argv.slice(1);
	if (rest.length === 0) {
		return { kind: "error", message: "run needs a command: claude-setup run -- <command…>." };
	}
	const base = parseWords([]);
	if (base.kind !== "run") return base;
	return { kind: "run", options: { ...base.options, command: "run", runCommand: rest } };
}

function parseWords(argv: readonly string[]): ParsedArgs {
	if (argv[0] === "run") return parseRun(argv);
	let values: ReturnType<typeof parse>["values"];
	let positionals: string[];
	try {
		({ values, positionals } = parse(argv));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { kind: "error", message: message.replace(/\. To specify.*$/s, ".") };
	}
	if (values.help) return { kind: "help" };
	if (values.version) return { kind: "version" };
	const command = positionals[0] === "status" || positionals[0] === "remove" ? positionals[0] : "setup";
	const extra = positionals.slice(command === "setup" ? 0 : 1);
	if (extra.length > 0) {
		const key = extra[0]?.startsWith("sk-") ? " Pass the key on standard input: --key-stdin." : "";
		return { kind: "error", message: `Unexpected argument '${extra[0]}'.${key}` };
	}
	if (command !== "setup") {
		// status checks a key live too; remove sends nothing anywhere.
		const wizardOnly = [
			"key-stdin",
			"dotenv-file",
			"env-file",
			"model",
			...(command === "remove" ? ["allow-base-url"] : []),
		];
		const misplaced = wizardOnly.find((name) => values[name as keyof typeof values] !== undefined);
		if (misplaced)
			return { kind: "error", message: `--${misplaced} goes with the wizard, not with ${command}.` };
	}
	const targets: TargetName[] = [];
	for (const name of values.target ?? []) {
		const target = TARGET_NAMES.find((known) => known === name.toLowerCase());
		if (!target) {
			return {
				kind: "error",
				message: `Unknown target '${name}'. Choose from: ${TARGET_NAMES.join(", ")}.`,
			};
		}
		if (!targets.includes(target)) targets.push(target);
	}
	const dotenvFlag = values["dotenv-file"] !== undefined ? "dotenv-file" : "env-file";
	const envFile = values["dotenv-file"] ?? values["env-file"];
	if (values["dotenv-file"] !== undefined && values["env-file"] !== undefined) {
		return { kind: "error", message: "--dotenv-file and --env-file name the same thing: give one." };
	}
	if (values["purge-old"] && !values["key-stdin"]) {
		return { kind: "error", message: "--purge-old goes with --key-stdin." };
	}
	if (values["no-shell"] && !targets.includes("keychain")) {
		return { kind: "error", message: "--no-shell goes with --target keychain." };
	}
	if (envFile !== undefined && !targets.includes("dotenv") && targets.length > 0) {
		return { kind: "error", message: `--${dotenvFlag} goes with --target dotenv.` };
	}
	if (values.json && !values["key-stdin"] && command === "setup") {
		return { kind: "error", message: "--json goes with --key-stdin (or with status and remove)." };
	}
	// A key in --model would be sent as a model id and echoed in the API's error.
	if (
		values.model !== undefined &&
		(!/^[A-Za-z0-9._:@/-]+$/.test(values.model) || /^sk-/.test(values.model))
	) {
		return { kind: "error", message: "--model takes a model id such as claude-haiku-5-5." };
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
			allowBaseURL: values["allow-base-url"],
			untrack: values.untrack ?? false,
			...(values["no-shell"] ? { shellBlock: false } : {}),
			...(values["purge-old"] ? { purgeOld: true } : {}),
		},
	};
}

function parse(argv: readonly string[]) {
	return parseArgs({
		args: [...argv],
		allowPositionals: true,
		strict: true,
		options: {
			target: { type: "string", multiple: true },
			"dotenv-file": { type: "string" },
			// Also Node's own flag: Node 20 takes it from anywhere on the command line (nodejs/node#54232)
			// and exits 9 for a missing file before this code runs, hence --dotenv-file.
			"env-file": { type: "string" },
			"key-stdin": { type: "boolean" },
			"no-verify": { type: "boolean" },
			"no-shell": { type: "boolean" },
			"purge-old": { type: "boolean" },
			model: { type: "string" },
			"allow-base-url": { type: "string" },
			"dry-run": { type: "boolean" },
			json: { type: "boolean" },
			yes: { type: "boolean", short: "y" },
			untrack: { type: "boolean" },
			help: { type: "boolean", short: "h" },
			version: { type: "boolean", short: "v" },
		},
	});
}
