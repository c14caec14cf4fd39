import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Advice } from "../../source/core/advice/advice.js";
import type { AcceptedKey } from "../../source/core/flow/wizard.js";
import { KeyScreen } from "../../source/ui/key-screen.js";
import { flat } from "../helpers/ink-driver.js";
import { renderScreen } from "../helpers/render-app.js";
import { SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";

afterEach(() => cleanup());

const MASKED = "sk-ant-api03-…XwAA";
const OAUTH_TOKEN = `sk-ant-oat01-${SECRET_PART}${"t".repeat(80 - SECRET_PART.length - 4)}ToKn`;

function keyScreen(props: Partial<Parameters<typeof KeyScreen>[0]> = {}) {
	const onSubmit = vi.fn<(key: AcceptedKey) => void>();
	const screen = renderScreen(<KeyScreen existing={[]} onSubmit={onSubmit} {...props} />);
	return { ...screen, onSubmit };
}

describe("KeyScreen input", () => {
	it("counts the key as cleaned, and says how much was pasted", async () => {
		const screen = keyScreen();
		await screen.waitForText("Paste your Anthropic API key");
		const pasted = `  export ANTHROPIC_API_KEY="${TEST_KEY}"  `;
		screen.type(pasted);
		const frame = flat(await screen.waitForText("cleaned:"));
		expect(frame).toContain(`108 characters (${pasted.length} pasted)`);
	});

	it("counts a key that fails the check as cleaned too, as its message does", async () => {
		const screen = keyScreen();
		await screen.waitForText("Paste your Anthropic API key");
		const pasted = `   ${TEST_KEY}abcde  `;
		screen.type(pasted);
		const frame = flat(await screen.waitForText("Too long"));
		expect(frame).toContain(`113 characters (${pasted.length} pasted)`);
		expect(frame).toContain("113 of 108 characters");
	});

	it("shows only dots and a count while typing, never the characters", async () => {
		const screen = keyScreen();
		await screen.waitForText("Paste your Anthropic API key");
		screen.type("sk-ant-api03-abc");
		const frame = await screen.waitForText("16 characters");
		expect(frame).toContain(`❯ ${"•".repeat(16)} 16 characters`);
		screen.press("backspace");
		await screen.waitForText("15 characters");
		screen.type(TEST_KEY.slice(15));
		const full = await screen.waitForText(/❯ •+… 108 characters/);
		// Capped at 24 dots so a long paste does not wrap the line.
		expect(full).toContain(`❯ ${"•".repeat(24)}… 108 characters`);
		for (const seen of screen.frames()) {
			expect(seen).not.toContain("sk-ant-api03-abc");
			expect(seen).not.toContain(SECRET_PART);
		}
	});

	it("Enter on a key that is right hands it over without drawing the screen again", async () => {
		// A frame drawn for nothing at Enter would hold back the next screen's (Ink throttles frames).
		const screen = keyScreen();
		screen.type(TEST_KEY);
		await screen.waitForText("Looks like an API key");
		const drawn = screen.frames().length;
		screen.press("enter");
		await vi.waitFor(() => expect(screen.onSubmit).toHaveBeenCalledTimes(1));
		await new Promise((resolve) => setImmediate(resolve)); // a render would have run by now
		expect(screen.frames()).toHaveLength(drawn);
	});

	it("Ctrl-U clears the input", async () => {
		const screen = keyScreen();
		screen.type("abcdef");
		await screen.waitForText("6 characters");
		screen.press("ctrl-u");
		await screen.waitForText("Create one at console.anthropic.com");
		expect(screen.lastFrame()).not.toContain("•");
	});

	it("cleans a pasted export line and says what it cleaned", async () => {
		const screen = keyScreen();
		screen.type(`  export ANTHROPIC_API_KEY="${TEST_KEY}"  `);
		const frame = flat(await screen.waitForText("Looks like an API key"));
		expect(frame).toContain(`✓ Looks like an API key: ${MASKED}`);
		const cleaned = frame.slice(frame.indexOf("cleaned:"));
		expect(cleaned).toContain("removed surrounding spaces");
		expect(cleaned).toContain("removed quotes");
		expect(cleaned).toContain("removed the `export ANTHROPIC_API_KEY=` prefix");
		screen.press("enter");
		await vi.waitFor(() => expect(screen.onSubmit).toHaveBeenCalledTimes(1));
		expect(screen.onSubmit.mock.calls[0]?.[0]).toMatchObject({ kind: "api-key", key: TEST_KEY });
		expect(screen.frames().join("\n")).not.toContain(SECRET_PART);
	});
});

describe("KeyScreen live feedback", () => {
	const sample = (prefix: string, length: number) => prefix + "k".repeat(length - prefix.length);
	it.each([
		{
			name: "a truncated key",
			typed: TEST_KEY.slice(0, 60),
			says: "Probably cut off when copying (60 of 108",
		},
		{ name: "an admin key", typed: sample("sk-ant-admin01-", 90), says: "This is an Admin key" },
		{
			name: "an OpenAI key",
			typed: sample("sk-proj-", 60),
			says: "This is an OpenAI key, not an Anthropic key",
		},
		{
			name: "a key with $",
			typed: `${TEST_KEY.slice(0, 50)}$${TEST_KEY.slice(51)}`,
			says: "The key has a shell character ($) at character 51 of 108",
		},
	])("$name: the message shows while typing, and turns into ✗ on Enter", async ({ typed, says }) => {
		const screen = keyScreen();
		screen.type(typed);
		const live = await screen.waitForText(says);
		expect(live).toContain(`! ${says}`);
		screen.press("enter");
		const tried = await screen.waitForText(`✗ ${says}`);
		expect(tried).toContain("Paste your Anthropic API key");
		expect(screen.onSubmit).not.toHaveBeenCalled();
		expect(screen.frames().join("\n")).not.toContain(SECRET_PART);
	});

	it("Enter on an empty input does nothing but ask again", async () => {
		const screen = keyScreen();
		await screen.waitForText("Paste your Anthropic API key");
		screen.press("enter");
		screen.type("x");
		await screen.waitForText("1 characters");
		expect(screen.onSubmit).not.toHaveBeenCalled();
	});
});

describe("KeyScreen with an OAuth token", () => {
	it("asks to save it as CLAUDE_CODE_OAUTH_TOKEN; n goes back to an empty input", async () => {
		const screen = keyScreen();
		screen.type(OAUTH_TOKEN);
		await screen.waitForText("A Claude Code OAuth token: sk-ant-oat01-…ToKn");
		screen.press("enter");
		const asked = await screen.waitForText("CLAUDE_CODE_OAUTH_TOKEN instead?");
		expect(asked).toContain("Y/n");
		screen.type("n");
		const back = await screen.waitForText("Paste your Anthropic API key");
		expect(back).not.toContain("•");
		expect(back).toContain("Create one at console.anthropic.com");
		expect(screen.onSubmit).not.toHaveBeenCalled();
		expect(screen.frames().join("\n")).not.toContain(SECRET_PART);
	});

	it("y submits the token for CLAUDE_CODE_OAUTH_TOKEN", async () => {
		const screen = keyScreen();
		screen.type(OAUTH_TOKEN);
		await screen.waitForText("A Claude Code OAuth token");
		screen.press("enter");
		await screen.waitForText("CLAUDE_CODE_OAUTH_TOKEN instead?");
		screen.type("y");
		await vi.waitFor(() => expect(screen.onSubmit).toHaveBeenCalledTimes(1));
		expect(screen.onSubmit.mock.calls[0]?.[0]).toMatchObject({
			kind: "oauth-token",
			variable: "CLAUDE_CODE_OAUTH_TOKEN",
		});
	});
});

describe("KeyScreen context", () => {
	it("lists keys already set, masked", async () => {
		const screen = keyScreen({
			existing: [
				{ source: "this terminal's environment", masked: "sk-ant-api03-…Env1" },
				{ source: "~/.zshrc line 3", masked: "sk-ant-api03-…Rc22" },
			],
		});
		const frame = await screen.waitForText("Paste your Anthropic API key");
		expect(frame).toContain("Already set: sk-ant-api03-…Env1 in this terminal's environment");
		expect(frame).toContain("Already set: sk-ant-api03-…Rc22 in ~/.zshrc line 3");
	});

	it("shows the advice it was given, with the request id", async () => {
		const advice: Advice = {
			title: "The key was rejected",
			why: "The API answered 401: the key is invalid, revoked or mistyped.",
			next: ["Paste the key again, or create a new one."],
			requestId: "req_011TestRequestId",
			outcome: "rejected",
		};
		const screen = keyScreen({ advice });
		const frame = await screen.waitForText("Paste your Anthropic API key");
		expect(frame).toContain("✗ The key was rejected");
		expect(frame).toContain("The API answered 401");
		expect(frame).toContain("→ Paste the key again, or create a new one.");
		expect(frame).toContain("request-id: req_011TestRequestId");
	});
});
