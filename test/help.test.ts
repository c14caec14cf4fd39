// Help where you are: `claude-setup <command> --help` prints that command's page, and a word
// typed wrong (a flag, a command, a target) is answered with what was probably meant.
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../source/args.js";
import { COMMAND_HELP, COMMANDS, commandHelp, HELP, optionsOf, seeHelp } from "../source/help.js";

describe("each command's help", () => {
	it.each([
		[["status", "--help"], "status"],
		[["remove", "-h"], "remove"],
		[["status", "--json", "--help"], "status"],
		[["help", "status"], "status"],
		[["help", "remove"], "remove"],
		[["help"], "setup"],
		[["--help"], "setup"],
		[["--target", "zsh", "--help"], "setup"],
	])("%j → the page of %s", (argv, command) => {
		expect(parseCommandLine(argv)).toEqual({ kind: "help", command });
	});

	it.each(COMMANDS.filter((command) => command !== "setup"))(
		"%s's page: its own usage, options and examples",
		(command) => {
			const page = commandHelp(command);
			expect(page.startsWith(`claude-setup ${command} — `)).toBe(true);
			expect(page).toContain(
				command === "run" ? "claude-setup run -- <command…>" : `claude-setup ${command} [options]`,
			);
			expect(page).toMatch(/Examples\n( {2}claude-setup \S.*\n?){2,}/);
			// Every option it lists is one it takes, and it takes no option it does not list.
			for (const option of optionsOf(command)) {
				expect(page).toContain(`--${option}`);
				const argv = [command, `--${option}`, ...(["target"].includes(option) ? ["zsh"] : [])];
				if (option === "allow-base-url") argv.push("https://gw.example.test");
				expect(parseCommandLine(argv).kind).toBe("run");
			}
			for (const foreign of ["--key-stdin", "--model"]) expect(page).not.toContain(foreign);
			expect(page).not.toBe(HELP);
		},
	);

	it("the overview names every command and says where each command's help is", () => {
		for (const command of COMMANDS) expect(HELP).toContain(COMMAND_HELP[command].summary);
		expect(HELP).toContain("claude-setup <command> --help");
	});

	it.each([
		["setup", "Run `claude-setup --help` for its options."],
		["status", "Run `claude-setup status --help` for its options."],
		["remove", "Run `claude-setup remove --help` for its options."],
	] as const)("a mistake with %s points at its page", (command, line) => {
		expect(seeHelp(command)).toBe(line);
	});
});

describe("did you mean", () => {
	it.each<[string, string[], string]>([
		["a flag one letter short", ["--targt", "zsh"], "Unknown option '--targt'. Did you mean --target?"],
		["two letters swapped", ["--jsno"], "Unknown option '--jsno'. Did you mean --json?"],
		["a letter wrong", ["--dry-rum"], "Unknown option '--dry-rum'. Did you mean --dry-run?"],
		["with a command", ["status", "--no-verfy"], "Unknown option '--no-verfy'. Did you mean --no-verify?"],
		["a flag with its value attached", ["--targte=zsh"], "Unknown option '--targte'. Did you mean --target?"],
		["nothing close", ["--verbose"], "Unknown option '--verbose'."],
		["a command misspelt", ["stauts"], "Unknown command 'stauts'. Did you mean status?"],
		["another", ["remvoe", "--yes"], "Unknown command 'remvoe'. Did you mean remove?"],
		["a word that is no command", ["zsh"], "Unexpected argument 'zsh'."],
		[
			"a target misspelt",
			["--target", "zhs"],
			"Unknown target 'zhs'. Did you mean zsh? Choose from: zsh, bash, fish, dotenv, windows, powershell, keychain.",
		],
		[
			"an option another command takes",
			["status", "--yes"],
			"--yes goes with the wizard and remove, not with status.",
		],
		[
			"the wizard's option with remove",
			["remove", "--model", "m"],
			"--model goes with the wizard, not with remove.",
		],
	])("%s", (_, argv, message) => {
		expect(parseCommandLine(argv)).toMatchObject({ kind: "error", message });
	});

	it("names the command the mistake was made with, for the help line", () => {
		expect(parseCommandLine(["remove", "--targt", "zsh"])).toMatchObject({
			kind: "error",
			command: "remove",
		});
		expect(parseCommandLine(["status", "--yes"])).toMatchObject({ kind: "error", command: "status" });
	});
});
