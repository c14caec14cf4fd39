// What a failed read or write says: the file, the code, the cause in the right verb, a next step.
import { describe, expect, it } from "vitest";
import { describeFileError } from "../../../source/core/plan/file-errors.js";

const HOME = "/home/ada";
const error = (code: string) => Object.assign(new Error(`${code}: boom`), { code });

describe("describeFileError", () => {
	it.each([
		["EACCES", "read", "Could not read ~/.zshrc (EACCES). You don't have permission to read it."],
		["EACCES", "write", "Could not write ~/.zshrc (EACCES). You don't have permission to change it."],
		["EPERM", "read", "Could not read ~/.zshrc (EPERM). The system refused to let it be read"],
		["EPERM", "write", "Could not write ~/.zshrc (EPERM). The system refused to let it be changed"],
	] as const)("%s on a %s: the verb is what was being done", (code, doing, start) => {
		const message = describeFileError(error(code), `${HOME}/.zshrc`, HOME, doing);
		expect(message.startsWith(start)).toBe(true);
		expect(message).toMatch(/Nothing was changed\.$/);
	});

	it("an immutable or locked file (EPERM) says where to look and what else to do", () => {
		const message = describeFileError(error("EPERM"), `${HOME}/.zshrc`, HOME);
		expect(message).toContain("Check it with ls -l (and lsattr on Linux), or choose another target.");
	});

	it("an unknown error still gives a next step, and no stack trace", () => {
		const message = describeFileError(error("EWHATEVER"), `${HOME}/.zshrc`, HOME);
		expect(message).toBe(
			"Could not write ~/.zshrc (EWHATEVER). Something unexpected went wrong while writing it. Run `claude-setup` again; if it happens again, choose another target. Nothing was changed.",
		);
		expect(message).not.toContain("boom");
		expect(message).not.toMatch(/\bat \S+ \(/);
	});
});
