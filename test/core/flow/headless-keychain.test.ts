// Moving to the keychain from a key in clear text, with the real Secret Service: the old block
// becomes the lookup, the private key file goes, and with --purge-old no file under HOME holds
// either key any more (the old one lived in the block's backup).
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderBlock } from "../../../source/core/edit/block-edit.js";
import { keyringPerFile } from "../../helpers/keyring-per-file.js";
import { testKey } from "../../helpers/temp-system.js";
import { KEY, runIn, SECRET, sandboxFor } from "./headless-harness.js";

const OLD_SECRET = "ClearTextOldSecret";
const OLD = testKey(OLD_SECRET, "ClEr");
const keyringOf = keyringPerFile();

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}

describe("from clear text to the keychain", { timeout: 60_000 }, () => {
	it("the zsh block now reads the keychain, env.sh is deleted, and --purge-old leaves no key in any file", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9", { shell: "zsh" });
		Object.assign(sandbox.system.env, {
			DBUS_SESSION_BUS_ADDRESS: keyringOf().env.DBUS_SESSION_BUS_ADDRESS,
			XDG_RUNTIME_DIR: keyringOf().env.XDG_RUNTIME_DIR,
		});
		const zshrc = path.join(sandbox.home, ".zshrc");
		await writeFile(
			zshrc,
			`# mine\n${renderBlock("posix", [{ name: "ANTHROPIC_API_KEY", value: OLD }]).join("\n")}\n`,
		);
		const state = path.join(sandbox.home, ".local/state/claude-setup");
		await mkdir(state, { recursive: true });
		await writeFile(path.join(state, "env.sh"), `export ANTHROPIC_API_KEY='${OLD}'\n`);
		const run = await runIn(
			sandbox,
			KEY,
			{ targets: ["keychain"], verify: false, yes: true, purgeOld: true },
			[SECRET, OLD_SECRET],
		);
		expect(run.report, run.text).toMatchObject({ ok: true, exitCode: 0 });
		expect(run.text).toContain("Delete ~/.local/state/claude-setup/env.sh: it holds a key in clear text");
		expect(run.text).toContain("A fresh zsh reads the key from ~/.zshrc");
		expect(readFileSync(zshrc, "utf8")).toContain(
			"secret-tool lookup service claude-setup account ANTHROPIC_API_KEY",
		);
		for (const file of filesUnder(sandbox.home)) {
			const text = readFileSync(file, "latin1");
			expect(text, file).not.toContain(SECRET);
			expect(text, file).not.toContain(OLD_SECRET);
		}
	});
});
