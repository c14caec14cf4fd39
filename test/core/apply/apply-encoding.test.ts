// A UTF-16 startup file (Windows PowerShell 5.1's Out-File writes UTF-16LE) is planned as
// real text and written back in UTF-16, byte-exact, with a byte-identical backup.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyPlan } from "../../../source/core/apply/apply.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { planFor } from "../plan/plan-fixtures.js";

const KEY = testKey("EncodingSecretNeverShown");
const BLOCK = [
	"# >>> claude-setup >>>",
	"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.",
	`export ANTHROPIC_API_KEY='${KEY}'`,
	"# <<< claude-setup <<<",
];

afterAll(removeTempSystems);

const utf16le = (text: string) => Buffer.from(text, "utf16le");
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();

describe.each([
	["UTF-16LE", utf16le, "utf16le"],
	["UTF-16BE", utf16be, "utf16be"],
] as const)("a %s file with a BOM and CRLF", (_name, encode, encoding) => {
	const original = "\uFEFF# Zoë's €\r\nexport ANTHROPIC_API_KEY='old-key'\r\n";

	it("is planned as text, written back in its encoding, and backed up byte for byte", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".zshrc");
		await writeFile(file, encode(original));
		const planned = await planFor(system, ["zsh"], KEY);
		const change = planned.changes[0];
		expect(change).toMatchObject({ action: "inserted", encoding, before: original });
		expect(change?.otherDefinitions).toEqual([{ line: 2, masked: expect.any(String) }]);
		const result = await applyPlan(system, planned);
		if (!result.ok) throw new Error(result.message);
		// The block in LF: zsh would keep a CR in the key.
		expect(await readFile(file)).toEqual(encode(`${original}${BLOCK.join("\n")}\n`));
		const backup = result.written[0]?.backupPath;
		expect(backup && (await readFile(backup))).toEqual(encode(original));
	});

	it("is refused when its bytes changed after planning, even to the same text in UTF-8", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".zshrc");
		await writeFile(file, encode(original));
		const planned = await planFor(system, ["zsh"], KEY);
		await writeFile(file, Buffer.from(original, "utf8"));
		expect(await applyPlan(system, planned)).toMatchObject({ ok: false, path: file });
		expect(await readFile(file)).toEqual(Buffer.from(original, "utf8"));
	});
});

describe("a UTF-8 file with a BOM and an invalid byte", () => {
	it("keeps the one-char-per-byte plan and is written back unchanged outside the block", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, ".zshrc");
		const original = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x80, 0x0a]);
		await writeFile(file, original);
		const planned = await planFor(system, ["zsh"], KEY);
		expect(planned.changes[0]).toMatchObject({ encoding: "bytes", before: "\xEF\xBB\xBFA\x80\n" });
		const result = await applyPlan(system, planned);
		if (!result.ok) throw new Error(result.message);
		expect(await readFile(file)).toEqual(Buffer.concat([original, Buffer.from(`${BLOCK.join("\n")}\n`)]));
	});
});
