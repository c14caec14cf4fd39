// Test helper: what a real shell sees after reading a file.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Reader = "bash" | "zsh" | "fish";

// The shell expands this, not JS: print the value, or "(unset)" when it is not set.
const POSIX_PRINT = `source "$1"; printf "<<%s>>" "\${ANTHROPIC_API_KEY-(unset)}"`;

const SCRIPTS: Record<Reader, string[]> = {
	bash: ["bash", "--norc", "--noprofile", "-c", POSIX_PRINT, "_"],
	zsh: ["zsh", "-f", "-c", POSIX_PRINT, "_"],
	fish: [
		"fish",
		"--no-config",
		"-c",
		'source $argv[1]; if set -q ANTHROPIC_API_KEY; printf "<<%s>>" "$ANTHROPIC_API_KEY"; else; printf "<<(unset)>>"; end',
	],
};

/** This PATH without npm's node_modules/.bin: a file running `claude` must not start the real Claude Code (a devDependency). */
const PATH = (process.env.PATH ?? "")
	.split(":")
	.filter((folder) => !folder.endsWith("node_modules/.bin"))
	.join(":");

/** Source `text` in a fresh shell with an empty home; the variable's value, or "(unset)". */
export function readBack(reader: Reader, text: string): string {
	const home = mkdtempSync(join(tmpdir(), "claude-setup-shell-"));
	try {
		const file = join(home, "startup");
		writeFileSync(file, text, "latin1");
		const [command = "", ...args] = SCRIPTS[reader];
		const result = spawnSync(command, [...args, file], {
			cwd: home,
			encoding: "latin1",
			env: {
				PATH,
				HOME: home,
				XDG_CONFIG_HOME: join(home, ".config"),
			},
			timeout: 20_000,
		});
		const match = /<<([\s\S]*)>>/.exec(result.stdout);
		if (!match) throw new Error(`${reader} printed no value: ${result.stderr}`);
		return match[1] ?? "";
	} finally {
		rmSync(home, { recursive: true, force: true });
	}
}
