// Several real claude-setup processes saving a key into the same ~/.zshrc at the same moment:
// the write lock and the re-read before writing leave exactly one whole block, every run
// either wrote, found nothing to do, or stopped with exit 6, and nothing is left behind.
import { once } from "node:events";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BLOCK_END, BLOCK_START } from "../../source/core/edit/block-markers.js";
import { makeSandbox, type Sandbox, TEST_KEY } from "../helpers/sandbox.js";
import { spawnSaveToZsh } from "../helpers/terminal.js";

const ZSHRC = "# mine\nalias ll='ls -l'\n";
const sandboxes: Sandbox[] = [];
afterAll(() => {
	for (const sandbox of sandboxes) rmSync(sandbox.root, { recursive: true, force: true });
});

async function save(sandbox: Sandbox, key: string) {
	const { child, output } = spawnSaveToZsh(sandbox, key);
	const [code] = (await once(child, "exit")) as [number | null];
	return { key, code, output: output() };
}

const keyFor = (run: number) => TEST_KEY.replace("xxxxxx", `Run${run}x`.padEnd(6, "x").slice(0, 6));

describe("concurrent runs of the CLI", { timeout: 120_000 }, () => {
	it.each([
		["the same key", () => TEST_KEY, [0, 6]],
		["six different keys", keyFor, [0, 6, 7]],
	])("six runs with %s, three rounds: exactly one whole block", async (_, key, allowed) => {
		for (let round = 0; round < 3; round++) {
			const sandbox = makeSandbox({ shell: "zsh", baseURL: "http://127.0.0.1:9" });
			sandboxes.push(sandbox);
			const file = path.join(sandbox.home, ".zshrc");
			writeFileSync(file, ZSHRC);
			const runs = await Promise.all(Array.from({ length: 6 }, (_, run) => save(sandbox, key(run))));

			for (const run of runs) expect(allowed).toContain(run.code);
			const stopped = runs.filter((run) => run.code === 6);
			for (const run of stopped)
				expect(run.output).toMatch(/changed while claude-setup was running|Another claude-setup/);
			const text = readFileSync(file, "utf8");
			const lines = text.split("\n");
			expect(lines.filter((line) => line === BLOCK_START)).toHaveLength(1);
			expect(lines.filter((line) => line === BLOCK_END)).toHaveLength(1);
			expect(text.startsWith(ZSHRC)).toBe(true);
			// The key in the file is one that a run which wrote (not one that stopped) saved.
			const saved = /export ANTHROPIC_API_KEY='([^']+)'/.exec(text)?.[1];
			expect(runs.filter((run) => run.code !== 6).map((run) => run.key)).toContain(saved);
			const leftovers = readdirSync(sandbox.root, { recursive: true, encoding: "utf8" }).filter((name) =>
				/\.tmp$|write\.lock$/.test(name),
			);
			expect(leftovers).toEqual([]);
		}
	});
});
