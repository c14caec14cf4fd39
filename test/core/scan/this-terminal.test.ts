// This terminal against a new one, as sentences: what to run to catch up depends on where the
// key a new terminal gets comes from (a Unix startup file can be sourced; Windows cannot).
import { describe, expect, it } from "vitest";
import { makeFinding } from "../../../source/core/scan/read.js";
import type { Source } from "../../../source/core/scan/scan-types.js";
import { catchUpHint, thisTerminalIssue, whoseKey } from "../../../source/core/scan/this-terminal.js";
import { KEY, MASKED_KEY, MASKED_OLD, OLD_KEY, SECRETS } from "./scan-fixtures.js";

const file = (display: string, format: "zsh" | "fish" | "powershell"): Source => ({
	kind: "file",
	path: `/home/me/${display}`,
	display,
	line: 1,
	format,
});

describe("catching up with a new terminal", () => {
	it.each([
		[
			"~/.zshrc",
			file("~/.zshrc", "zsh"),
			"open a new terminal or run `source ~/.zshrc`",
			"your ~/.zshrc key",
		],
		[
			"fish's conf.d file",
			file("~/.config/fish/conf.d/claude-setup.fish", "fish"),
			"open a new terminal or run `source ~/.config/fish/conf.d/claude-setup.fish`",
			"your ~/.config/fish/conf.d/claude-setup.fish key",
		],
		[
			"a PowerShell profile",
			file("~/Documents/PowerShell/profile.ps1", "powershell"),
			"open a new terminal",
			"your ~/Documents/PowerShell/profile.ps1 key",
		],
		[
			"the Windows user variable",
			{ kind: "windows-user" } as const,
			"open a new terminal",
			"the key in the Windows user environment",
		],
	])("from %s", (_, source, hint, whose) => {
		const winners = [makeFinding("ANTHROPIC_API_KEY", KEY, source)];
		expect(catchUpHint(winners)).toBe(hint);
		expect(whoseKey(winners)).toBe(whose);
	});

	it("an issue (an error) only when this terminal differs, and it never shows a secret", () => {
		const winners = [makeFinding("ANTHROPIC_API_KEY", KEY, file("~/.zshrc", "zsh"))];
		expect(thisTerminalIssue(KEY, KEY, winners)).toBeUndefined();
		expect(thisTerminalIssue(OLD_KEY, undefined, [])).toBeUndefined();
		const stale = thisTerminalIssue(OLD_KEY, KEY, winners);
		expect(stale).toMatchObject({ code: "stale-terminal", severity: "error" });
		expect(stale?.message).toContain(
			`This terminal has ANTHROPIC_API_KEY=${MASKED_OLD}, but a new one gets ${MASKED_KEY}`,
		);
		expect(thisTerminalIssue(undefined, KEY, winners)?.message).toContain(
			`This terminal has no ANTHROPIC_API_KEY, but a new one gets ${MASKED_KEY}: programs started here get no key.`,
		);
		expect(thisTerminalIssue("", KEY, winners)?.message).toContain("(run `unset ANTHROPIC_API_KEY`)");
		for (const secret of SECRETS) expect(JSON.stringify(stale)).not.toContain(secret);
	});

	it("once the new terminal's key is rejected, catching up is not offered as the fix", () => {
		const winners = [makeFinding("ANTHROPIC_API_KEY", KEY, file("~/.zshrc", "zsh"))];
		const thisWorks = thisTerminalIssue(OLD_KEY, KEY, winners, { newRejected: true, thisWorks: true });
		expect(thisWorks?.message).toContain("keep it here, and save it for every new terminal");
		const neither = thisTerminalIssue(OLD_KEY, KEY, winners, { newRejected: true, thisWorks: false });
		expect(neither?.message).toContain("Opening a new terminal would not help");
		for (const issue of [thisWorks, neither]) expect(issue?.message).not.toContain("To fix it");
	});
});
