import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideGitignore, gitignoreAddition, ignoredByText } from "../../../source/core/edit/gitignore.js";

const COMMENT = "# Added by claude-setup: keeps your API key out of git";

describe("gitignoreAddition", () => {
	it.each([
		["no file", undefined, `${COMMENT}\n/.env\n`],
		["empty file", "", `${COMMENT}\n/.env\n`],
		["our entry already there", `x\n${COMMENT}\n/.env\n`, `x\n${COMMENT}\n/.env\n`],
		["bare name already there (CRLF)", "x\r\n.env\r\n", "x\r\n.env\r\n"],
		["trailing spaces do not hide a duplicate", "/.env  \n", "/.env  \n"],
	])("%s", (_name, current, expected) => {
		expect(gitignoreAddition(current, ".env")).toBe(expected);
	});

	it("is idempotent and only ever appends", () => {
		fc.assert(
			fc.property(fc.string(), fc.constantFrom(".env", ".env.local", "a b.env"), (current, name) => {
				const once = gitignoreAddition(current, name);
				expect(once.startsWith(current)).toBe(true);
				expect(gitignoreAddition(once, name)).toBe(once);
			}),
		);
	});
});

describe("ignoredByText and decideGitignore", () => {
	it.each([
		[".env", ".env", true],
		["/.env", ".env", true],
		["**/.env", ".env", true],
		["*.env", "prod.env", true],
		[".env.[lp]*", ".env.local", true],
		[".env/", ".env", false],
		["config/.env", ".env", false],
		["# .env", ".env", false],
		[".env\n!.env", ".env", false],
		["[z-a]", ".env", false],
	])("%j ignores %s: %s", (gitignore, name, expected) => {
		expect(ignoredByText(gitignore, name)).toBe(expected);
	});

	it("quotes an awkward file name in the untrack command", () => {
		const plan = decideGitignore({
			file: "/p/it's.env",
			inRepo: true,
			ignored: true,
			tracked: true,
			gitignore: undefined,
		});
		expect(plan).toEqual({
			tracked: {
				path: "/p/it's.env",
				command: "git rm --cached -- 'it'\\''s.env'",
				cwd: "/p",
			},
		});
	});
});
