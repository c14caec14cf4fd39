import { describe, expect, it } from "vitest";
import {
	backedUp,
	claudeReplied,
	invocationOf,
	notSaidIn,
	speak,
} from "../../../source/core/wording/voice.js";

describe("invocationOf: the command as the person ran it", () => {
	it.each([
		[{ npm_command: "exec" }, "npx claude-setup"],
		[{ npm_command: "run-script", npm_lifecycle_event: "start" }, "npm start --"],
		[{}, "claude-setup"],
	])("%j → %s", (env, expected) => {
		expect(invocationOf(env)).toBe(expected);
	});
});

describe("speak: our commands named as the person ran us", () => {
	it.each([
		["run `claude-setup remove` to restore", "run `npx claude-setup remove` to restore"],
		["run `npx claude-setup` again", "run `npx claude-setup` again"],
		['`printf %s "$K" | claude-setup --key-stdin`', '`printf %s "$K" | npx claude-setup --key-stdin`'],
		["~/.local/state/claude-setup/backups stays", "~/.local/state/claude-setup/backups stays"],
		["# >>> claude-setup >>>", "# >>> claude-setup >>>"],
	])("%s", (text, expected) => {
		expect(speak(text, "npx claude-setup")).toBe(expected);
	});
});

describe("shared phrases", () => {
	it("names a backup as file, then folder, so neither is split", () => {
		expect(backedUp("~/.local/state/claude-setup/backups/.zshrc.1.bak", "file")).toBe(
			"the old file is backed up as .zshrc.1.bak in ~/.local/state/claude-setup/backups/",
		);
		expect(backedUp("C:\\b\\user-variable.bak", "value")).toBe(
			"the old value is backed up as user-variable.bak in C:\\b\\",
		);
	});
	it("says Claude's reply one way", () => {
		expect(claudeReplied({ model: "m", ms: 12.4, reply: " Hi \n" })).toBe(
			"Claude replied in 12 ms (m): “Hi”",
		);
	});
});

describe("notSaidIn: a fix is said once, in the last place", () => {
	it.each([
		[
			"Programs here use this value. To fix it, open a new terminal or run `source ~/.zshrc`.",
			"This terminal's key is rejected (401); yours works: open a new terminal or run `source ~/.zshrc`.",
			"Programs here use this value.",
		],
		[
			"Create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
			"Your ~/.zshrc key is rejected (401): create a new key at console.anthropic.com → API keys, then run `claude-setup` to save it.",
			"",
		],
		[
			"It has spaces. Run `claude-setup` to save it cleanly.",
			"Not everything checks out — see above.",
			"It has spaces. Run `claude-setup` to save it cleanly.",
		],
		[
			"Run `claude-setup` to replace it.",
			"Run `claude-setup` to set one key everywhere.",
			"Run `claude-setup` to replace it.",
		],
	])("%s", (text, later, expected) => {
		expect(notSaidIn(text, later)).toBe(expected);
	});
});
