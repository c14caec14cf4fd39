import { describe, expect, it } from "vitest";
import { staleTerminalWarning } from "../../../source/core/flow/describe.js";
import type { Plan } from "../../../source/core/plan/plan.js";

const KEY = `sk-ant-api03-${"n".repeat(89)}NewwAA`;
const OLD = `sk-ant-api03-${"o".repeat(89)}OlddAA`;

type Change = Plan["changes"][number];

function planFor(target: "zsh" | "dotenv", display: string, before: readonly Change[] = []): Plan {
	return {
		variable: "ANTHROPIC_API_KEY",
		masked: "",
		backupDir: "/b",
		blockedProfiles: [],
		changes: [...before, { file: { target }, display } as Change],
	};
}

/** A tracked ~/.zshrc: the key goes to a private file, listed first with its folder's .gitignore. */
const PRIVATE_FILES = [
	{ file: { target: "zsh" }, display: "~/.local/state/claude-setup/.gitignore", supporting: true },
	{ file: { target: "zsh" }, display: "~/.local/state/claude-setup/env.sh", supporting: true },
] as Change[];

describe("staleTerminalWarning", () => {
	it.each([
		["no value in this terminal", planFor("zsh", "~/.zshrc"), undefined, undefined],
		["the same key", planFor("zsh", "~/.zshrc"), KEY, undefined],
		[
			"an older key, shell file",
			planFor("zsh", "~/.zshrc"),
			OLD,
			"This terminal still has ANTHROPIC_API_KEY=sk-ant-api03-…ddAA; programs started here use it until you run `source ~/.zshrc` or open a new terminal.",
		],
		[
			"an older key, the key in a private file that ~/.zshrc sources",
			planFor("zsh", "~/.zshrc", PRIVATE_FILES),
			OLD,
			"This terminal still has ANTHROPIC_API_KEY=sk-ant-api03-…ddAA; programs started here use it until you run `source ~/.zshrc` or open a new terminal.",
		],
		[
			"an empty value, .env",
			planFor("dotenv", "./.env"),
			"",
			"This terminal still has ANTHROPIC_API_KEY=an empty value; programs started here use it until you run `unset ANTHROPIC_API_KEY` (it wins over .env), and remove it from your shell files.",
		],
	])("%s", (_name, plan, terminal, expected) => {
		const warning = staleTerminalWarning(plan, KEY, terminal);
		expect(warning).toBe(expected);
		expect(warning ?? "").not.toContain("o".repeat(20));
	});
});
