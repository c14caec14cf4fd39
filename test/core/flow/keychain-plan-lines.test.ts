// --key-stdin's lines for the keychain: the person's own apiKeyHelper that ours replaces is named,
// but a key in its command line is never printed whole.
import { describe, expect, it } from "vitest";
import { keychainPlanLines } from "../../../source/core/flow/keychain-gate.js";
import { storeCommandsFor } from "../../../source/core/keychain/store-commands.js";
import { testKey } from "../../helpers/temp-system.js";

const SECRET = testKey("HelperHeldSecret", "HeLp");
const store = storeCommandsFor("linux");

function lines(replaces: string | undefined): string {
	if (!store) throw new Error("no Secret Service commands");
	const settings = {
		path: "/home/u/.claude/settings.json",
		display: "~/.claude/settings.json",
		before: "{}",
		after: '{"apiKeyHelper":"x"}',
		command: "x",
		replaces,
	};
	const change = { store, account: "ANTHROPIC_API_KEY", value: SECRET, masked: "m", settings };
	return keychainPlanLines(change, (text) => `• ${text}`).join("\n");
}

describe("keychainPlanLines", () => {
	it.each([
		["a helper without a key is named as it is", "~/bin/vault-read anthropic", "~/bin/vault-read anthropic"],
		["a helper holding a key is named masked", `echo ${SECRET}`, "echo sk-ant-api03-…HeLp"],
	])("%s", (_, replaces, shown) => {
		const text = lines(replaces);
		expect(text).toContain(`replaces your apiKeyHelper \`${shown}\`; backed up`);
		expect(text).not.toContain("HelperHeldSecret");
	});
});
