// The defects of issue 18 in rotation, on real files and with the real shells: a stale
// definition inside a construct, a heredoc or a chain is left (and named), never commented out;
// the notes we write hold nothing a shell expands; the real parser gates every write.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BLOCK_COMMENT, SOURCE_BLOCK_COMMENT } from "../../../source/core/edit/block-markers.js";
import { DISABLED_NOTE } from "../../../source/core/edit/comment-out.js";
import { planLines } from "../../../source/core/flow/plan-lines.js";
import { gateChange } from "../../../source/core/plan/parse-change.js";
import { backupPlace } from "../../../source/core/plan/plan.js";
import { planFile } from "../../../source/core/plan/plan-file.js";
import type { TargetFile } from "../../../source/core/plan/targets.js";
import type { System } from "../../../source/core/system.js";
import { makeTempSystem, testKey } from "../../helpers/temp-system.js";

const KEY = testKey("RotationStructure", "RoSt");
const OLD = "sk-ant-api03-old";

function targetFor(file: string, shell: "bash" | "zsh" | "fish"): TargetFile {
	return {
		target: shell,
		path: file,
		syntax: shell === "fish" ? "fish" : "posix",
		ownsWholeFile: false,
		label: shell,
	};
}

/** `env`: variables that differ for claude-setup (the file stays in the same home, as the access rule wants). */
async function rotate(
	text: string,
	shell: "bash" | "zsh" | "fish",
	lines: number[],
	env?: Record<string, string>,
) {
	const temp = await makeTempSystem();
	const file = path.join(temp.home, shell === "fish" ? "config.fish" : `.${shell}rc`);
	await writeFile(file, text);
	const used: System = env ? { ...temp.system, env: { ...temp.system.env, ...env } } : temp.system;
	const disable = lines.map((line) => ({ path: file, line, masked: "sk-ant-…old" }));
	const context = { variable: "ANTHROPIC_API_KEY", key: KEY, ...backupPlace(used) };
	const planned = await planFile(used, targetFor(file, shell), context, disable);
	if (!planned.ok) throw new Error(planned.message);
	return planned.change;
}

/** The real shell's verdict on a text (a test file: it holds no real key). */
function parses(shell: "bash" | "zsh" | "fish", text: string): boolean {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), "claude-setup-parse-")), "f");
	writeFileSync(file, text);
	const args = { bash: ["-n"], zsh: ["-f", "-n"], fish: ["--no-config", "--no-execute"] }[shell];
	try {
		execFileSync(shell, [...args, file], { stdio: "ignore" });
		return true;
	} catch {
		return false;
	} finally {
		rmSync(path.dirname(file), { recursive: true, force: true });
	}
}

// Each: the file, the line of the stale definition, and why it must stay.
const LEFT: ReadonlyArray<[string, "bash" | "zsh" | "fish", string, number, RegExp]> = [
	[
		"the only statement of an if (bash then refused the whole file)",
		"bash",
		`if [ -n "$WORK" ]; then\n  export ANTHROPIC_API_KEY=${OLD}\nfi\nalias ll='ls -l'\n`,
		2,
		/inside an if/,
	],
	[
		"the only statement of a bash function",
		"bash",
		`work() {\n  export ANTHROPIC_API_KEY=${OLD}\n}\n`,
		2,
		/function/,
	],
	[
		"inside an unquoted heredoc (the note's backticks ran there)",
		"bash",
		`cat > /tmp/x <<EOF\nexport ANTHROPIC_API_KEY=${OLD}\nEOF\n`,
		2,
		/heredoc/,
	],
	[
		"the second line of an && chain",
		"bash",
		`true &&\nexport ANTHROPIC_API_KEY=${OLD}\necho next\n`,
		2,
		/joined/,
	],
	[
		"a zsh case item",
		"zsh",
		`case $HOST in\n  work)\n    export ANTHROPIC_API_KEY=${OLD}\n    ;;\nesac\n`,
		3,
		/inside an if, case/,
	],
	[
		"inside a multi-line string",
		"zsh",
		`msg="hello\nexport ANTHROPIC_API_KEY=${OLD}\n"\n`,
		2,
		/multi-line string/,
	],
	["before fish's and", "fish", `set -gx ANTHROPIC_API_KEY ${OLD}\nand echo set\n`, 1, /joined/],
	["a fish function", "fish", `function work\n  set -gx ANTHROPIC_API_KEY ${OLD}\nend\n`, 2, /function/],
];

describe("rotation leaves a definition that is not a whole top-level statement, and says why", () => {
	it.each(LEFT)("%s", async (_name, shell, text, line, why) => {
		const change = await rotate(text, shell, [line]);
		const after = change.after ?? "";
		expect(after.startsWith(text)).toBe(true);
		expect(after).not.toContain(DISABLED_NOTE);
		expect(parses(shell, after)).toBe(true);
		const left = change.otherDefinitions.find((other) => other.line === line)?.left;
		expect(left).toMatch(why);
		expect(left).toMatch(/by hand/);
		expect(change.previewLines.join("\n")).toMatch(new RegExp(`line ${line}: .*left as it is`));
		// --key-stdin's text names the file's line and the fix too.
		const plan = {
			variable: "ANTHROPIC_API_KEY",
			masked: "",
			changes: [change],
			backupDir: "",
			blockedProfiles: [],
		};
		expect(planLines(plan, true).join("\n")).toMatch(new RegExp(`line ${line} also sets .*by hand`));
	});

	it("still comments out a whole top-level statement, with a note a shell never expands", async () => {
		const text = `alias ll='ls -l'\nexport ANTHROPIC_API_KEY=${OLD}\n`;
		const change = await rotate(text, "bash", [2]);
		expect(change.after?.split("\n")[1]).toBe(`${DISABLED_NOTE}export ANTHROPIC_API_KEY=${OLD}`);
		expect(change.otherDefinitions).toEqual([]);
		expect(change.parseCheck).toEqual({ kind: "checked", parser: "bash" });
	});
});

describe("the notes claude-setup writes into a shell file", () => {
	it.each([
		["the comment-out note", DISABLED_NOTE],
		["the block's comment", BLOCK_COMMENT],
		["the private-file block's comment", SOURCE_BLOCK_COMMENT],
	])(
		"%s holds no backtick, $ or backslash, and names claude-setup, never npx (that npm name is another project)",
		(_name, note) => {
			expect(note).not.toMatch(/[`$\\]/);
			expect(note).toMatch(/^# /);
			expect(note).not.toContain("npx");
			if (note !== SOURCE_BLOCK_COMMENT) expect(note).toMatch(/claude-setup (again|remove)/);
		},
	);

	it("printed by an unquoted heredoc, the note runs nothing", () => {
		const out = execFileSync("bash", ["--norc", "-c", `cat <<EOF\n${DISABLED_NOTE}x\n${BLOCK_COMMENT}\nEOF`]);
		expect(out.toString()).toBe(`${DISABLED_NOTE}x\n${BLOCK_COMMENT}\n`);
	});
});

describe("the real shell is the gate", () => {
	const file = (shell: "bash" | "zsh" | "fish") => targetFor("/home/u/.rc", shell);

	it("refuses a change that turns a file bash reads into one it cannot, naming the file and what to do", async () => {
		const { system } = await makeTempSystem();
		const before = "if true; then\n  export A=1\nfi\n";
		const after = "if true; then\n# export A=1\nfi\n";
		const gated = await gateChange(system, file("bash"), "~/.bashrc", before, after, KEY);
		expect(gated.ok).toBe(false);
		if (gated.ok) return;
		expect(gated.message).toMatch(
			/^~\/\.bashrc: bash could not read this file after the change \(line 3: .*fi.*\), so nothing was written\. .*run `claude-setup` again\.$/,
		);
	});

	it("zsh, which takes an empty if, lets the same change through", async () => {
		const { system } = await makeTempSystem();
		const gated = await gateChange(
			system,
			file("zsh"),
			"~/.zshrc",
			"if true; then\n  A=1\nfi\n",
			"if true; then\n# A=1\nfi\n",
		);
		expect(gated).toEqual({ ok: true, check: { kind: "checked", parser: "zsh" } });
	});

	it.each(["bash", "zsh", "fish"] as const)(
		"%s: the key never reaches the parser, not even on its stdin",
		async (shell) => {
			const temp = await makeTempSystem();
			const inputs: string[] = [];
			const system: System = {
				...temp.system,
				run: (command, args, options) => {
					inputs.push(options?.input ?? "");
					return temp.system.run(command, args, options);
				},
			};
			const text = shell === "fish" ? `set -gx A ${KEY}\nif x\n` : `export A=${KEY}\nif x\n`;
			const gated = await gateChange(system, file(shell), "~/.rc", `echo ${OLD}\n`, text, KEY);
			expect(gated.ok).toBe(false);
			expect(inputs.length).toBeGreaterThan(0);
			for (const input of inputs) {
				expect(input).not.toContain(KEY);
				expect(input).not.toContain(OLD);
			}
		},
	);

	it("a file that did not parse before is checked by structure only, and says so", async () => {
		const { system } = await makeTempSystem();
		const gated = await gateChange(system, file("bash"), "~/.bashrc", "fi\n", "fi\nexport A=1\n");
		expect(gated.ok && gated.check?.kind).toBe("checked");
		expect(gated.ok && gated.check?.kind === "checked" && gated.check.note).toMatch(
			/already reported an error .*by structure only/,
		);
	});

	it("where the shell is missing, only the structural rule decides, and the plan's text says so", async () => {
		const change = await rotate(`export ANTHROPIC_API_KEY=${OLD}\n`, "zsh", [1], { PATH: "/nonexistent" });
		expect(change.parseCheck).toEqual({ kind: "unchecked", parser: "zsh", why: "zsh is not installed here" });
		const plan = {
			variable: "ANTHROPIC_API_KEY",
			masked: "",
			changes: [change],
			backupDir: "",
			blockedProfiles: [],
		};
		expect(planLines(plan, true).join("\n")).toContain(
			"note: not checked by zsh (zsh is not installed here): only claude-setup's own rules decided what to change",
		);
	});
});
