import { describe, expect, it } from "vitest";
import {
	applyBlock,
	type BlockEdit,
	removeBlock,
	type ShellSyntax,
} from "../../../source/core/edit/block-edit.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { type Reader, readBack } from "../../helpers/shell-readback.js";
import { NAME, set } from "./block-edit-fixtures.js";
import { type DefinitionCase, fishCases, posixCases } from "./definitions.cases.js";

const shells: [Reader, ShellSyntax][] = [
	["bash", "posix"],
	["zsh", "posix"],
	["fish", "fish"],
];
const define = (syntax: ShellSyntax, value: string) =>
	syntax === "fish" ? `set -gx ${NAME} ${value}` : `export ${NAME}=${value}`;

function applied(result: BlockEdit): Extract<BlockEdit, { ok: true }> {
	if (!result.ok) throw new Error(result.message);
	return result;
}

describe.each(shells)("a fresh %s reads the block", (reader, syntax) => {
	it("after inserting it below an older definition, in a file without a final newline", () => {
		const original = `${define(syntax, "old-value")}\necho -n ''`;
		const result = applied(applyBlock(original, syntax, set("new-value")));
		expect(result.action).toBe("inserted");
		expect(readBack(reader, result.text)).toBe("new-value");
		expect(readBack(reader, applied(removeBlock(result.text)).text)).toBe("old-value");
	});

	it("after rotating it in place", () => {
		const first = applied(applyBlock(`${define(syntax, "old-value")}\n`, syntax, set("first-value")));
		const second = applied(applyBlock(`${first.text}# later comment\n`, syntax, set("second-value")));
		expect(second.action).toBe("replaced");
		expect(readBack(reader, second.text)).toBe("second-value");
	});

	it("after moving it below a later definition", () => {
		const withBlock = applied(applyBlock("# top\n", syntax, set("first-value"))).text;
		const result = applied(
			applyBlock(`${withBlock}${define(syntax, "later-value")}\n`, syntax, set("new-value")),
		);
		expect(result.action).toBe("moved");
		expect(readBack(reader, result.text)).toBe("new-value");
	});
});

// Cross-check findDefinitions against what the shell really ends up with. CRLF and BOM
// cases are left out (shells choke on them), and values the shell would expand.
function comparable(reader: Reader) {
	return ([name, { text, found }]: [string, DefinitionCase]): boolean =>
		!/[\r\uFEFF]/.test(text) &&
		!found.some(({ value }) => value.includes("$(")) &&
		!(reader === "zsh" && ZSH_DIFFERS.includes(name));
}
// zsh gives `export NAME` an empty value and allows `local` outside functions; these
// are not definitions a startup file would use to set a key.
const ZSH_DIFFERS = ["export without a value", "local in a function"];

describe.each([
	["bash", "posix", posixCases],
	["zsh", "posix", posixCases],
	["fish", "fish", fishCases],
] as const)("findDefinitions agrees with %s", (reader, syntax, cases) => {
	it.each(Object.entries(cases).filter(comparable(reader)))("%s", (_name, { text }) => {
		const last = findDefinitions(text, syntax, NAME).at(-1);
		expect(readBack(reader, `${text}\n`)).toBe(last?.value ?? "(unset)");
	});
});
