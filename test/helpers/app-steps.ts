// Steps every whole-app test takes, and the checks every one of them makes.
import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import type { AppHarness } from "./render-app.js";
import { type Sandbox, SECRET_PART, TEST_KEY } from "./sandbox.js";

/** A second valid key, for rotation; its middle must never be shown either. */
export const ROTATED_SECRET = "RotatedSecretNeverShown";
export const ROTATED_KEY = `sk-ant-api03-${ROTATED_SECRET}${"r".repeat(108 - 13 - ROTATED_SECRET.length - 4)}NeWk`;
/** The key an earlier setup left in ~/.zshrc, for rotation tests. */
export const STALE_KEY = `sk-ant-api03-${"s".repeat(89)}StAl`;
export const OAUTH_TOKEN = `sk-ant-oat01-${SECRET_PART}${"t".repeat(80 - SECRET_PART.length - 4)}ToKn`;

export async function pasteKey(app: AppHarness, key = TEST_KEY): Promise<void> {
	await app.waitForText("Paste your Anthropic API key");
	app.type(key);
	await app.waitForText(/✓ (Looks like an API key|A Claude Code OAuth token)/);
	app.press("enter");
}

/** A key is already set: the wizard offers to replace it (the default). */
export async function replaceExisting(app: AppHarness, shown: string): Promise<string> {
	const frame = await app.waitForText("An Anthropic API key is already set:");
	await app.waitForText(shown);
	app.press("enter");
	return frame;
}

/** Waits for the question, then presses Enter (or types the answer). */
export async function answer(app: AppHarness, question: string | RegExp, typed?: string): Promise<string> {
	const frame = await app.waitForText(question);
	if (typed === undefined) app.press("enter");
	else app.type(typed);
	return frame;
}

/** No frame the person saw held the secret part of any key. */
export function expectNoLeak(app: AppHarness): void {
	const everything = app.everything();
	expect(everything).not.toContain(SECRET_PART);
	expect(everything).not.toContain(ROTATED_SECRET);
}

export function zshrc(sandbox: Sandbox): string | undefined {
	const path = `${sandbox.home}/.zshrc`;
	return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
