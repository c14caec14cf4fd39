import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Choice } from "../../source/ui/choice.js";
import type { KeyName } from "../helpers/ink-driver.js";
import { renderScreen } from "../helpers/render-app.js";

afterEach(() => cleanup());

const OPTIONS = [
	{ value: "zsh", label: "~/.zshrc", hint: "— every new zsh terminal" },
	{ value: "bash", label: "~/.bashrc" },
	{ value: "fish", label: "fish conf.d" },
	{ value: "dotenv", label: "./.env" },
] as const;
type Value = (typeof OPTIONS)[number]["value"];

function choice(defaultValue: Value) {
	const onSubmit = vi.fn<(value: Value) => void>();
	const screen = renderScreen(<Choice options={OPTIONS} defaultValue={defaultValue} onSubmit={onSubmit} />);
	return { ...screen, onSubmit };
}

describe("Choice", () => {
	it("starts on the default and shows the hints", async () => {
		const screen = choice("bash");
		const frame = await screen.waitForText("❯ ~/.bashrc");
		expect(frame).toContain("  ~/.zshrc — every new zsh terminal");
		expect(frame.match(/❯/g)).toHaveLength(1);
	});

	it("Enter picks the default without moving", async () => {
		const screen = choice("fish");
		await screen.waitForText("❯ fish conf.d");
		screen.press("enter");
		await vi.waitFor(() => expect(screen.onSubmit).toHaveBeenCalledWith("fish"));
		expect(screen.onSubmit).toHaveBeenCalledTimes(1);
	});

	it.each<{ keys: (KeyName | string)[]; picked: Value }>([
		{ keys: ["down"], picked: "bash" },
		{ keys: ["down", "down", "down"], picked: "dotenv" },
		{ keys: ["down", "down", "down", "down"], picked: "zsh" },
		{ keys: ["up"], picked: "dotenv" },
		{ keys: ["tab", "tab"], picked: "fish" },
		{ keys: ["3"], picked: "fish" },
		{ keys: ["4", "up"], picked: "fish" },
		// Numbers beyond the list are ignored.
		{ keys: ["9"], picked: "zsh" },
	])("$keys then Enter picks $picked", async ({ keys, picked }) => {
		const screen = choice("zsh");
		await screen.waitForText("❯ ~/.zshrc");
		const label = OPTIONS.find((option) => option.value === picked)?.label ?? "";
		for (const key of keys) {
			const since = screen.mark();
			if (/^\d$/.test(key)) screen.type(key);
			else screen.press(key as KeyName);
			// Each key is drawn before the next, as a person would see it.
			if (key !== "9") await screen.waitForText("❯", { since });
		}
		await screen.waitForText(`❯ ${label}`);
		screen.press("enter");
		await vi.waitFor(() => expect(screen.onSubmit).toHaveBeenCalledWith(picked));
		expect(screen.onSubmit).toHaveBeenCalledTimes(1);
	});
});
