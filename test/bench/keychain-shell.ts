// What the keychain block costs each new shell: `zsh -i -c exit` (and bash) with the block that
// asks the real Secret Service, against the same shell with an empty startup file.
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSourceBlock } from "../../source/core/edit/block-edit.js";
import { KEYCHAIN_BLOCK_COMMENT, keychainShellLine } from "../../source/core/keychain/consumers.js";
import { TEST_KEY } from "../helpers/sandbox.js";
import { startSecretService } from "../helpers/secret-service.js";
import { repeat } from "./stats.js";

const STARTUP_FILE: Record<string, string> = { zsh: ".zshrc", bash: ".bashrc" };

function timed(shell: string, env: Record<string, string>): number {
	const started = performance.now();
	const result = spawnSync(shell, ["-i", "-c", 'test -n "$ANTHROPIC_API_KEY"'], { env, stdio: "ignore" });
	const ms = performance.now() - started;
	if (result.status !== 0 && env.EXPECT_KEY === "1") throw new Error(`${shell} did not get the key`);
	return ms;
}

/** Milliseconds per interactive start: with the block, without it, and the difference. */
export async function keychainShellCost(
	shell: "zsh" | "bash",
	runs: number,
): Promise<{ withBlock: number; without: number; cost: number }> {
	const keyring = startSecretService();
	try {
		const env = { ...keyring.env, SHELL: `/usr/bin/${shell}`, TERM: "dumb" };
		execFileSync(
			"secret-tool",
			["store", "--label=bench", "service", "claude-setup", "account", "ANTHROPIC_API_KEY"],
			{ env, input: TEST_KEY },
		);
		const file = join(keyring.home, STARTUP_FILE[shell] ?? ".profile");
		const block = `${renderSourceBlock("posix", keychainShellLine("secret-service", "posix", "ANTHROPIC_API_KEY"), KEYCHAIN_BLOCK_COMMENT).join("\n")}\n`;
		const measured = await repeat(runs, 3, async () => {
			writeFileSync(file, "");
			const without = timed(shell, env);
			writeFileSync(file, block);
			const withBlock = timed(shell, { ...env, EXPECT_KEY: "1" });
			return { withBlock, without, cost: withBlock - without };
		});
		return measured;
	} finally {
		keyring.stop();
	}
}
