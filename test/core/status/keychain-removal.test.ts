// `remove` for the keychain: our apiKeyHelper comes out of Claude Code's settings, and a helper of
// the person's own that ours replaced (recorded in the manifest) goes back in.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keychainManifestEntries } from "../../../source/core/apply/apply-keychain.js";
import { apiKeyHelperCommand, apiKeyHelperOf } from "../../../source/core/keychain/consumers.js";
import { storeCommandsFor } from "../../../source/core/keychain/store-commands.js";
import { type ManifestEntry, readManifest, recordWritten } from "../../../source/core/plan/manifest.js";
import { planKeychainRemoval } from "../../../source/core/status/keychain-removal.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";

afterAll(removeTempSystems);

const OURS = apiKeyHelperCommand("secret-service", "ANTHROPIC_API_KEY");
const MACOS_OURS = apiKeyHelperCommand("macos-keychain", "ANTHROPIC_API_KEY");
const MINE = "~/bin/vault-read anthropic";
const SECRET = testKey("HelperHeldSecret", "HeLp");

async function settingsWith(helper: string) {
	const temp = await makeTempSystem();
	const file = path.join(temp.home, ".claude", "settings.json");
	await temp.system.fs.makeDirectory(path.dirname(file), 0o700);
	await writeFile(file, `{\n  // mine\n  "model": "opus",\n  "apiKeyHelper": ${JSON.stringify(helper)}\n}\n`);
	return { ...temp, file };
}

const entry = (file: string, replacedHelper?: string): ManifestEntry => ({
	target: "keychain",
	path: file,
	variable: "ANTHROPIC_API_KEY",
	created: false,
	...(replacedHelper === undefined ? {} : { replacedHelper }),
});

describe("remove and the person's own apiKeyHelper", () => {
	it.each([
		["no helper was replaced → ours goes, nothing comes back", undefined, undefined],
		["the person's own helper was replaced → it is put back", MINE, MINE],
		["the replaced one was ours (another platform's) → not put back", MACOS_OURS, undefined],
	])("%s", async (_, replaced, expected) => {
		const { system, file } = await settingsWith(OURS);
		const removal = await planKeychainRemoval(system, [entry(file, replaced)]);
		const after = removal.settings?.after ?? "";
		expect(apiKeyHelperOf(after)).toBe(expected);
		// The rest of the file, its comment included, stays.
		expect(after).toContain("// mine");
		expect(after).toContain('"model": "opus"');
		expect(removal.settings?.previewLines.join("\n")).toContain("- apiKeyHelper");
		if (expected)
			expect(removal.settings?.previewLines).toContain(
				`+ apiKeyHelper \`${MINE}\` (yours, as before claude-setup)`,
			);
	});

	it("a helper of the person's that holds a key is put back whole, and shown masked", async () => {
		const own = `echo ${SECRET}`;
		const { system, file } = await settingsWith(OURS);
		const removal = await planKeychainRemoval(system, [entry(file, own)]);
		expect(apiKeyHelperOf(removal.settings?.after ?? "")).toBe(own);
		expect(removal.settings?.previewLines.join("\n")).not.toContain("HelperHeldSecret");
	});

	it("the manifest records the replaced helper, and a later run (finding ours) keeps it", async () => {
		const { system, file } = await settingsWith(OURS);
		const store = storeCommandsFor("linux");
		if (!store) throw new Error("no Secret Service commands");
		const change = (replaces?: string) => ({
			store,
			account: "ANTHROPIC_API_KEY",
			value: SECRET,
			masked: "m",
			settings: {
				path: file,
				display: "~/.claude/settings.json",
				before: "{}",
				after: "{}",
				command: OURS,
				replaces,
			},
		});
		await recordWritten(system, keychainManifestEntries(change(MINE)));
		await recordWritten(system, keychainManifestEntries(change(undefined)));
		const recorded = (await readManifest(system)).find((known) => known.path === file);
		expect(recorded?.replacedHelper).toBe(MINE);
	});
});
