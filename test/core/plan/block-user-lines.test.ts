// Lines a person adds inside claude-setup's marked block are theirs: a re-run keeps them (just
// above the block, said in the preview) and `remove` leaves them where the block was.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyBlock, removeBlock, type ShellSyntax } from "../../../source/core/edit/block-edit.js";
import { BLOCK_COMMENT, blockMarkers } from "../../../source/core/edit/block-markers.js";
import { planRemoval } from "../../../source/core/plan/remove.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";
import { applyOrThrow, planAndApply, planFor } from "./plan-fixtures.js";

const KEY = testKey("BlockUserLines", "BkUl");
const NEXT = testKey("BlockUserLinesNext", "BkUn");
afterAll(removeTempSystems);

const ASSIGN: Record<ShellSyntax, string> = {
	posix: "export ANTHROPIC_API_KEY='old-value'",
	fish: "set -gx ANTHROPIC_API_KEY 'old-value'",
	powershell: "$env:ANTHROPIC_API_KEY = 'old-value'",
};
const THEIRS: Record<ShellSyntax, readonly string[]> = {
	posix: ["alias k=kubectl", "", 'export PATH="$HOME/bin:$PATH"'],
	fish: ["alias k kubectl", "fish_add_path ~/bin"],
	powershell: ["Set-Alias k kubectl", "$env:PATH += ';C:\\bin'"],
};

function fileWithTheirLines(syntax: ShellSyntax): string {
	const { start, end } = blockMarkers(syntax);
	const [first = "", ...rest] = THEIRS[syntax];
	return ["# mine", start, first, BLOCK_COMMENT, ASSIGN[syntax], ...rest, end, "# after", ""].join("\n");
}

describe.each(["posix", "fish", "powershell"] as const)(
	"%s: the person's lines inside the block",
	(syntax) => {
		it("a re-run keeps them, just above the block, in their order", () => {
			const result = applyBlock(fileWithTheirLines(syntax), syntax, [
				{ name: "ANTHROPIC_API_KEY", value: "new" },
			]);
			if (!result.ok) throw new Error(result.message);
			const { start } = blockMarkers(syntax);
			const lines = result.text.split("\n");
			const at = lines.indexOf(start);
			expect(lines.slice(1, at)).toEqual(THEIRS[syntax]);
			expect(result.keptLines).toBe(THEIRS[syntax].length);
			expect(result.blockStartLine).toBe(at + 1);
			expect(result.text).not.toContain("old-value");
		});

		it("remove takes only its own lines and leaves theirs where the block was", () => {
			const result = removeBlock(fileWithTheirLines(syntax), syntax);
			if (!result.ok) throw new Error(result.message);
			expect(result.text).toBe(["# mine", ...THEIRS[syntax], "# after", ""].join("\n"));
			expect(result.keptLines).toBe(THEIRS[syntax].length);
		});
	},
);

describe("re-run and remove on a real ~/.zshrc", () => {
	it("says in the preview that the lines are kept, and remove never deletes them", async () => {
		const { system, home } = await makeTempSystem();
		const zshrc = path.join(home, ".zshrc");
		await writeFile(zshrc, "# mine\n");
		await planAndApply(system, ["zsh"], KEY);
		const written = await readFile(zshrc, "utf8");
		await writeFile(zshrc, written.replace(BLOCK_COMMENT, `${BLOCK_COMMENT}\nalias k=kubectl`));

		const rerun = await planFor(system, ["zsh"], NEXT);
		expect(rerun.changes[0]?.previewLines).toContain(
			"# kept 1 line you added inside the claude-setup block, now just above it",
		);
		await applyOrThrow(system, rerun);
		const rotated = await readFile(zshrc, "utf8");
		expect(rotated).toMatch(/^# mine\nalias k=kubectl\n# >>> claude-setup >>>\n/);

		await writeFile(zshrc, rotated.replace(BLOCK_COMMENT, `${BLOCK_COMMENT}\nsetopt autocd`));
		const removal = await planRemoval(system, { files: [zshrc], targets: [] });
		if (!removal.ok) throw new Error(removal.message);
		expect(removal.plan.changes[0]?.previewLines).toEqual([
			"- the claude-setup block",
			"# kept 1 line you added inside the claude-setup block, where the block was",
		]);
		await applyOrThrow(system, removal.plan);
		expect(await readFile(zshrc, "utf8")).toBe("# mine\nalias k=kubectl\nsetopt autocd\n");
	});
});
