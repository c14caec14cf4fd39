// The built CLI's help where you are: each command's own page, and what was probably meant
// for a word typed wrong, with exit code 2.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { makeSandbox, type Sandbox } from "../helpers/sandbox.js";
import { runCli } from "../helpers/terminal.js";

const sandboxes: Sandbox[] = [];
afterAll(() => {
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

function cli(args: string[]) {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: "http://127.0.0.1:9" });
	sandboxes.push(sandbox);
	return runCli(sandbox, args);
}

describe("help in the built CLI", { timeout: 30_000 }, () => {
	it.each([
		[["status", "--help"], "claude-setup status — ", "claude-setup status --no-verify --json"],
		[["remove", "--help"], "claude-setup remove — ", "claude-setup remove --dry-run"],
		[["help", "remove"], "claude-setup remove — ", "claude-setup remove --target zsh --yes"],
		[["--help"], "claude-setup — ", "claude-setup <command> --help"],
	])("%j prints that page, exit 0", async (args, start, example) => {
		const run = await cli(args);
		expect(run.exitCode).toBe(0);
		expect(run.stdout.startsWith(start)).toBe(true);
		expect(run.stdout).toContain(example);
		expect(run.stderr).toBe("");
	});

	it.each([
		[["--targt", "zsh"], "Unknown option '--targt'. Did you mean --target?", "claude-setup --help"],
		[["stauts"], "Unknown command 'stauts'. Did you mean status?", "claude-setup --help"],
		[
			["remove", "--dryrun"],
			"Unknown option '--dryrun'. Did you mean --dry-run?",
			"claude-setup remove --help",
		],
		[
			["status", "--yes"],
			"--yes goes with the wizard and remove, not with status.",
			"claude-setup status --help",
		],
	])("%j: did you mean, exit 2, and the page to read", async (args, message, page) => {
		const run = await cli(args);
		expect(run.exitCode).toBe(2);
		expect(run.stderr).toBe(`claude-setup: ${message}\nRun \`${page}\` for its options.`);
		expect(run.stdout).toBe("");
	});
});
