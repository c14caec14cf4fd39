// parseCommandLine, table-driven: each flag, the combinations that are refused, and the
// messages people see for mistakes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HELP, type Options, parseCommandLine } from "../source/args.js";
import { testKey } from "./helpers/temp-system.js";

const SECRET = "ArgSecretNeverEchoed";
const KEY = testKey(SECRET);

const DEFAULTS: Options = {
	command: "setup",
	yes: false,
	targets: [],
	envFile: undefined,
	keyStdin: false,
	verify: true,
	model: undefined,
	dryRun: false,
	json: false,
	untrack: false,
	plain: false,
};

describe("options that run", () => {
	it.each<[string, string[], Partial<Options>]>([
		["no flags: the wizard with defaults", [], {}],
		["status", ["status"], { command: "status" }],
		["--untrack with --key-stdin", ["--key-stdin", "--untrack"], { keyStdin: true, untrack: true }],
		["--ask-claude-code in the wizard", ["--ask-claude-code"], { askClaudeCode: true }],
		[
			"--ask-claude-code with --key-stdin",
			["--key-stdin", "--ask-claude-code", "--target", "zsh"],
			{ keyStdin: true, askClaudeCode: true, targets: ["zsh"] },
		],
		[
			"status --json --no-verify",
			["status", "--json", "--no-verify"],
			{ command: "status", json: true, verify: false },
		],
		[
			"remove --target zsh --yes",
			["remove", "--target", "zsh", "--yes"],
			{ command: "remove", targets: ["zsh"], yes: true },
		],
		["remove --dry-run -y", ["remove", "--dry-run", "-y"], { command: "remove", dryRun: true, yes: true }],
		["--key-stdin --yes", ["--key-stdin", "--yes"], { keyStdin: true, yes: true }],
		["--target zsh", ["--target", "zsh"], { targets: ["zsh"] }],
		["--target=fish", ["--target=fish"], { targets: ["fish"] }],
		["--target is case-insensitive", ["--target", "BASH"], { targets: ["bash"] }],
		[
			"repeated --target keeps the order",
			["--target", "dotenv", "--target", "zsh", "--target", "fish"],
			{ targets: ["dotenv", "zsh", "fish"] },
		],
		["a repeated target counts once", ["--target", "zsh", "--target", "ZSH"], { targets: ["zsh"] }],
		[
			"--env-file with --target dotenv",
			["--target", "dotenv", "--env-file", "./app/.env"],
			{ targets: ["dotenv"], envFile: "./app/.env" },
		],
		[
			"--env-file with dotenv among other targets",
			["--target", "zsh", "--target", "dotenv", "--env-file=.env.local"],
			{ targets: ["zsh", "dotenv"], envFile: ".env.local" },
		],
		["--env-file alone (the target is chosen later)", ["--env-file", "x.env"], { envFile: "x.env" }],
		[
			"--dotenv-file with --target dotenv",
			["--target", "dotenv", "--dotenv-file", "./app/.env"],
			{ targets: ["dotenv"], envFile: "./app/.env" },
		],
		["--dotenv-file=", ["--dotenv-file=.env.local"], { envFile: ".env.local" }],
		["--key-stdin", ["--key-stdin"], { keyStdin: true }],
		["--no-verify", ["--no-verify"], { verify: false }],
		["--model", ["--model", "claude-haiku-5-5"], { model: "claude-haiku-5-5" }],
		[
			"--model with a dated or routed id",
			["--model", "us.anthropic/claude-3-5-haiku@20241022"],
			{ model: "us.anthropic/claude-3-5-haiku@20241022" },
		],
		["--dry-run", ["--dry-run"], { dryRun: true }],
		["--plain", ["--plain"], { plain: true }],
		["status --plain", ["status", "--plain"], { command: "status", plain: true }],
		["--json with --key-stdin", ["--key-stdin", "--json"], { keyStdin: true, json: true }],
		[
			"everything at once",
			["--key-stdin", "--json", "--no-verify", "--dry-run", "--target", "bash", "--model", "m-1"],
			{ keyStdin: true, json: true, verify: false, dryRun: true, targets: ["bash"], model: "m-1" },
		],
	])("%s", (_, argv, expected) => {
		expect(parseCommandLine(argv)).toEqual({ kind: "run", options: { ...DEFAULTS, ...expected } });
	});
});

describe("help and version", () => {
	it.each([
		[["--help"], "help"],
		[["-h"], "help"],
		[["--version"], "version"],
		[["-v"], "version"],
		[["--target", "zsh", "--help"], "help"],
		[["--help", "stray"], "help"],
		[["--json", "--version"], "version"],
	])("%j → %s", (argv, kind) => {
		expect(parseCommandLine(argv)).toMatchObject({ kind });
	});

	it("the help text lists every flag and exit code", () => {
		for (const flag of [
			"--target",
			"--env-file",
			"--key-stdin",
			"--no-verify",
			"--model",
			"--dry-run",
			"--json",
		]) {
			expect(HELP).toContain(flag);
		}
		expect(HELP).toMatch(/0 ok .* 130 cancelled/s);
	});
});

describe("mistakes", () => {
	it.each<[string, string[], string | RegExp]>([
		[
			"an unknown target",
			["--target", "cmd"],
			"Unknown target 'cmd'. Choose from: zsh, bash, fish, dotenv, windows, powershell, keychain.",
		],
		[
			"an empty target",
			["--target="],
			"Unknown target ''. Choose from: zsh, bash, fish, dotenv, windows, powershell, keychain.",
		],
		["--target without a value", ["--target"], "Option '--target <value>' argument missing"],
		["an unknown flag", ["--verbose"], "Unknown option '--verbose'."],
		[
			"--key-stdin with status",
			["status", "--key-stdin"],
			"--key-stdin goes with the wizard, not with status.",
		],
		["an extra word after remove", ["remove", "all"], "Unexpected argument 'all'."],
		["an unknown short flag", ["-x"], "Unknown option '-x'."],
		["a value for a switch", ["--json=yes", "--key-stdin"], "Option '--json' does not take an argument"],
		[
			"a positional argument",
			["sk-ant-api03-abc"],
			"Unexpected argument 'sk-ant-api03-abc'. Pass the key on standard input: --key-stdin.",
		],
		["a positional after flags", ["--dry-run", "zsh"], "Unexpected argument 'zsh'."],
		["--json without --key-stdin", ["--json"], "--json goes with --key-stdin (or with status and remove)."],
		[
			"--ask-claude-code with --no-verify",
			["--key-stdin", "--ask-claude-code", "--no-verify"],
			"--ask-claude-code sends a request to Claude; it does not go with --no-verify.",
		],
		[
			"status --ask-claude-code",
			["status", "--ask-claude-code"],
			"--ask-claude-code goes with the wizard, not with status.",
		],
		[
			"--dotenv-file without the dotenv target",
			["--target", "zsh", "--dotenv-file", "a.env"],
			"--dotenv-file goes with --target dotenv.",
		],
		[
			"both spellings of the .env flag",
			["--dotenv-file", "a.env", "--env-file", "b.env"],
			"--dotenv-file and --env-file name the same thing: give one.",
		],
		[
			"--dotenv-file with status",
			["status", "--dotenv-file", "a.env"],
			"--dotenv-file goes with the wizard, not with status.",
		],
		[
			"--env-file without the dotenv target",
			["--target", "zsh", "--env-file", "a.env"],
			"--env-file goes with --target dotenv.",
		],
		[
			"a model id with spaces",
			["--model", "claude haiku"],
			"--model takes a model id such as claude-haiku-5-5.",
		],
		["an empty model id", ["--model", ""], "--model takes a model id such as claude-haiku-5-5."],
		[
			"--no-shell with a shell target too",
			["--key-stdin", "--target", "keychain", "--target", "zsh", "--no-shell"],
			"--no-shell keeps the key out of new terminals; --target zsh puts it in them. Give one of the two.",
		],
	])("%s", (_, argv, message) => {
		const parsed = parseCommandLine(argv);
		expect(parsed.kind).toBe("error");
		if (parsed.kind !== "error") return;
		expect(parsed.message).toEqual(message);
		expect(parsed.message).not.toContain("To specify");
	});

	it.each([
		[
			"as a positional",
			[KEY],
			"Unexpected argument 'sk-ant-api03-…AbCd'. Pass the key on standard input: --key-stdin.",
		],
		[
			"as a target",
			["--target", KEY],
			"Unknown target 'sk-ant-api03-…AbCd'. Choose from: zsh, bash, fish, dotenv, windows, powershell, keychain.",
		],
		["as a model", ["--model", KEY], "--model takes a model id such as claude-haiku-5-5."],
		["as an unknown flag's value", [`--key=${KEY}`], "Unknown option '--key'."],
	])("a key given %s is masked in the message", (_, argv, message) => {
		const parsed = parseCommandLine(argv);
		expect(parsed.kind === "error" && parsed.message).toMatch(message);
		expect(JSON.stringify(parsed)).not.toContain(SECRET);
	});
});

describe("the README", () => {
	it("lists every option exactly as --help does", () => {
		const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
		const options = (text: string) =>
			text.slice(text.indexOf("  --target"), text.indexOf("  --help, --version"));
		expect(options(readme)).toBe(options(HELP));
		expect(options(HELP)).toContain("--yes, -y");
	});
});

describe("--allow-base-url", () => {
	it.each([
		[["--key-stdin", "--allow-base-url", "https://gw.example.test"], "setup"],
		[["--allow-base-url=https://gw.example.test"], "setup"],
		[["status", "--allow-base-url", "https://gw.example.test"], "status"],
	])("%j: kept as given, for %s", (argv, command) => {
		expect(parseCommandLine(argv)).toMatchObject({
			kind: "run",
			options: { command, allowBaseURL: "https://gw.example.test" },
		});
	});

	it("goes with the commands that send a key, not with remove (it sends nothing)", () => {
		expect(parseCommandLine(["remove", "--allow-base-url", "https://gw.example.test"])).toEqual({
			kind: "error",
			command: "remove",
			message: "--allow-base-url goes with the wizard and status, not with remove.",
		});
	});

	it("needs the address", () => {
		expect(parseCommandLine(["--allow-base-url"])).toMatchObject({ kind: "error" });
	});
});
