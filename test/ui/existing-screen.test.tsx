// The first question when a key is already set: "Replace" says where the new key goes — into
// claude-setup's own blocks, or (when only the person's lines hold one) wherever they choose.
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { ExistingKey } from "../../source/core/flow/session.js";
import { ExistingScreen } from "../../source/ui/existing-screen.js";
import { flat } from "../helpers/ink-driver.js";
import { renderScreen } from "../helpers/render-app.js";

afterEach(() => cleanup());

describe("ExistingScreen", () => {
	it.each<[string, ExistingKey[], string]>([
		[
			"only the person's own line",
			[{ source: "~/.zshrc line 3", masked: "sk-ant-api03-…DoAA" }],
			"Replace it with a new key — you choose where it goes",
		],
		[
			"claude-setup's block",
			[{ source: "~/.zshrc line 4", masked: "sk-ant-api03-…DoAA", managed: true }],
			"Replace it with a new key — everywhere claude-setup wrote it",
		],
	])("%s", async (_, existing, replace) => {
		const screen = renderScreen(<ExistingScreen existing={existing} onSubmit={() => undefined} />);
		expect(flat(await screen.waitForText("Quit"))).toContain(replace);
	});
});
