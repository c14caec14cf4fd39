// Hostile pastes, tried on purpose, three ways: into the key checker, through the whole
// --key-stdin flow over real files and shells, and into the interactive key screen. Nothing
// throws, nothing with a shell character is ever written, and a refusal names the kind of
// character and where it is without echoing the paste.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { cleanup } from "ink-testing-library";
import { createElement } from "react";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runHeadless } from "../../../source/core/flow/headless.js";
import type { AcceptedKey } from "../../../source/core/flow/wizard.js";
import { checkKey } from "../../../source/core/key/key.js";
import { KeyScreen } from "../../../source/ui/key-screen.js";
import { CORPUS, HOSTILE_SECRET, KEY, UNSAFE_IN_MESSAGE } from "../../helpers/hostile-corpus.js";
import { renderScreen } from "../../helpers/render-app.js";
import { makeTempSystem, NO_API, removeTempSystems } from "../../helpers/temp-system.js";

const tried = { checker: 0, headless: 0, screen: 0 };
afterEach(() => cleanup());
afterAll(async () => {
	await removeTempSystems();
	console.info(
		`hostile inputs: ${CORPUS.length} in the corpus, tried ${tried.checker} × checker, ${tried.headless} × --key-stdin, ${tried.screen} × key screen`,
	);
});

/** A refusal may name a printable ASCII character, e.g. "($)", but carries nothing of the paste. */
function expectSafeMessage(texts: readonly string[], input: string): void {
	for (const text of texts) {
		expect(text).not.toMatch(UNSAFE_IN_MESSAGE);
		expect(text).not.toContain(HOSTILE_SECRET);
		expect(text.length).toBeLessThan(2000);
		for (const character of new Set(input)) {
			if (!/^[ -~]$/.test(character)) expect(text).not.toContain(character);
		}
	}
}

describe("checkKey over the corpus", () => {
	it.each(CORPUS.map((entry) => [entry.name, entry] as const))("%s", (_, { input, expect: expected }) => {
		tried.checker++;
		const result = checkKey(input);
		if (expected === "key") {
			expect(result).toMatchObject({ ok: true, key: KEY });
			return;
		}
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.message).toMatch(expected);
		expectSafeMessage([result.message, result.hint, ...result.fixes], input);
	});
});

/** Every file claude-setup left under the sandbox, with its text. */
async function filesUnder(root: string): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		files.set(path.relative(root, file), await readFile(file, "utf8"));
	}
	return files;
}

const SAVED_BLOCK =
	/^# >>> claude-setup >>>\n# Added by claude-setup\.[^\n]*\nexport ANTHROPIC_API_KEY='[A-Za-z0-9_-]{108}'\n# <<< claude-setup <<<\n$/;

describe("the whole --key-stdin flow over the corpus", { timeout: 120_000 }, () => {
	it.each(CORPUS.map((entry) => [entry.name, entry] as const))(
		"%s",
		async (_, { input, expect: expected }) => {
			tried.headless++;
			const { root, system } = await makeTempSystem({ api: NO_API });
			const printed: string[] = [];
			const report = await runHeadless(
				system,
				input,
				{ targets: ["zsh"], verify: false, dryRun: false },
				{ nodePath: process.execPath, parentPid: process.pid, print: (line) => printed.push(line) },
			);
			expectSafeMessage([...printed, JSON.stringify(report)], input);
			const files = await filesUnder(root);
			if (expected !== "key") {
				expect(report).toMatchObject({ ok: false, exitCode: 3 });
				expect([...files.keys()]).toEqual([]);
				return;
			}
			expect(report).toMatchObject({ ok: true, exitCode: 0 });
			expect(files.get("home/.zshrc")).toMatch(SAVED_BLOCK);
			expect(files.get("home/.zshrc")).toContain(`'${KEY}'`);
			// The only other file is claude-setup's record, which holds no value.
			expect([...files.keys()].sort()).toEqual([
				"home/.local/state/claude-setup/written.json",
				"home/.zshrc",
			]);
		},
	);
});

describe("the interactive key screen over the corpus", { timeout: 120_000 }, () => {
	it.each(CORPUS.map((entry) => [entry.name, entry] as const))(
		"%s",
		async (_, { input, expect: expected }) => {
			tried.screen++;
			const onSubmit = vi.fn<(key: AcceptedKey) => void>();
			const screen = renderScreen(createElement(KeyScreen, { existing: [], onSubmit }));
			await screen.waitForText("Paste your Anthropic API key");
			const before = screen.mark();
			screen.type(input);
			screen.press("enter");
			// The screen reacted (a count, a message or an accepted key) or ignored a lone escape.
			await screen.waitForText(/characters|✓|✗|Create one/, { since: before });
			for (const frame of screen.frames()) {
				expect(frame).not.toContain(HOSTILE_SECRET);
				// Newlines are the frame's own; anything else unprintable came from the paste.
				expect(frame.replace(/\n/g, "")).not.toMatch(UNSAFE_IN_MESSAGE);
			}
			for (const [key] of onSubmit.mock.calls) {
				expect(key.key).toMatch(/^[A-Za-z0-9_-]{108}$/);
				if (expected !== "key") throw new Error("a refused paste was submitted");
			}
		},
	);
});
