// Rotation against the real shells: generated startup files with a stale definition at random
// statement positions, inside and outside every construct (if, case, loops, functions, braces,
// subshells, heredocs, multi-line strings, `\`, `&&`, `||`, `|`, `;`). After commenting out what
// the one structural rule allows, the real parser (`bash -n`, `zsh -n`, `fish --no-execute`)
// must still accept every file it accepted, and a traced run (bash -x, zsh -x, fish_trace) must
// run exactly the same other commands. Cases are batched: one shell process per batch.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { commentOutLines } from "../../../source/core/edit/comment-out.js";
import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { linesToDisable } from "../../../source/core/plan/plan-file.js";

const NAME = "ANTHROPIC_API_KEY";
const BATCH = Number(process.env.BATCH ?? 40);
const RUNS = Number(process.env.RUNS ?? 5);

const WRAPPERS = [
	"if",
	"else",
	"case",
	"for",
	"while",
	"function",
	"braces",
	"subshell",
	"heredoc",
	"quotedHeredoc",
	"string",
	"singleString",
	"backslash",
	"and",
	"or",
	"pipe",
	"sameLine",
	"trailingAnd",
	"substitution",
	"nextAnd",
] as const;
type Wrapper = (typeof WRAPPERS)[number];
type Node = { kind: "def" } | { kind: "echo" } | { kind: Wrapper; body: Node[] };

const { node } = fc.letrec<{ node: Node }>((tie) => ({
	node: fc.oneof(
		{ maxDepth: 3, depthIdentifier: "node" },
		fc.constant({ kind: "def" as const }),
		fc.constant({ kind: "echo" as const }),
		fc.record({
			kind: fc.constantFrom(...WRAPPERS),
			body: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
		}),
	),
}));
const fileArb = fc.array(node, { minLength: 1, maxLength: 6 });

type Shell = "bash" | "zsh" | "fish";

/** The file's lines; every `echo` and function gets its own number, so the trace tells them apart. */
function render(nodes: readonly Node[], shell: Shell): string[] {
	let counter = 0;
	const fish = shell === "fish";
	const def = () => {
		counter++;
		if (fish) return counter % 2 === 0 ? `set -gx ${NAME} old${counter}` : `set -x ${NAME} old${counter}`;
		return counter % 3 === 0 ? `${NAME}=old${counter}` : `export ${NAME}=old${counter}`;
	};
	const visit = (item: Node): string[] => {
		if (item.kind === "def") return [def()];
		if (item.kind === "echo") return [`echo c${++counter}`];
		const body = item.body.flatMap(visit);
		const n = ++counter;
		const [first = "", ...rest] = body;
		const last = body.length - 1;
		switch (item.kind) {
			case "if":
				return fish ? ["if true", ...body, "end"] : ["if true; then", ...body, "fi"];
			case "else":
				return fish
					? ["if false", "echo no", "else if true", ...body, "end"]
					: ["if false; then", "echo no", "else", ...body, "fi"];
			case "case":
				return fish
					? ["switch x", "case x", ...body, "end"]
					: ["case x in", "  x)", ...body, "  ;;", "  *) echo no ;;", "esac"];
			case "for":
				return fish ? ["for i in 1", ...body, "end"] : ["for i in 1; do", ...body, "done"];
			case "while":
				// Bounded by the line right after the loop's head, which no string or heredoc can swallow.
				return fish
					? [`set n${n} 0`, `while test $n${n} -lt 1`, `set n${n} 1`, ...body, "end"]
					: [`n${n}=0`, `while [ $n${n} -lt 1 ]; do`, `n${n}=1`, ...body, "done"];
			case "function":
				return fish ? [`function f${n}`, ...body, "end", `f${n}`] : [`f${n}() {`, ...body, "}", `f${n}`];
			case "braces":
				return fish ? ["begin", ...body, "end"] : ["{", ...body, "}"];
			case "subshell":
				return fish ? ["begin", ...body, "end"] : ["(", ...body, ")"];
			case "heredoc":
				return fish ? ["echo '", ...body, "'"] : ["cat <<EOF", ...body, "EOF"];
			case "quotedHeredoc":
				return fish
					? ["echo '", ...body, "'"]
					: ["cat <<-'EOF'", ...body.map((line) => `\t${line}`), "\tEOF"];
			case "string":
				return fish ? ['set x "a', ...body, 'b"', 'echo "$x"'] : ['x="a', ...body, 'b"', 'echo "$x"'];
			case "singleString":
				return fish ? ["set x 'a", ...body, "b'", 'echo "$x"'] : ["x='a", ...body, "b'", 'echo "$x"'];
			case "backslash":
				return [`echo a${n} \\`, ...body];
			case "and":
				return ["true &&", ...body];
			case "or":
				return ["false ||", ...body];
			case "pipe":
				return [`echo p${n} |`, ...body];
			case "sameLine":
				return [`${first}; echo c${n}`, ...rest];
			case "trailingAnd":
				return [...body.slice(0, last), `${body[last]} &&`, `echo c${n}`];
			case "substitution":
				return fish ? ["echo (", ...body, ")"] : ["echo $(", ...body, ")"];
			case "nextAnd":
				return fish ? [...body, `and echo c${n}`] : [...body, `[ $? = 0 ] && echo c${n}`];
		}
	};
	return nodes.flatMap(visit);
}

/** What rotation does to the file: comment out every definition the structural rule allows. */
function rotate(text: string, shell: Shell): { text: string; disabled: number; left: number } {
	const syntax = shell === "fish" ? "fish" : "posix";
	const found = findDefinitions(text, syntax, NAME).map((definition) => ({
		path: "f",
		line: definition.line,
		masked: "old",
	}));
	const { lines } = linesToDisable(text, syntax, found, NAME);
	const edited = commentOutLines(text, lines);
	return { text: edited.text, disabled: edited.count, left: found.length - lines.length };
}

const root = mkdtempSync(path.join(os.tmpdir(), "claude-setup-rotation-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CHECK: Record<Shell, { parse: string; trace: string }> = {
	bash: { parse: "bash --norc --noprofile -n f", trace: "bash --norc --noprofile -x f" },
	zsh: { parse: "zsh -f -n f", trace: "zsh -f -x f" },
	fish: { parse: "fish --no-config --no-execute f", trace: "fish_trace=1 fish --no-config f" },
};

interface Outcome {
	readonly parses: boolean;
	/** stdout, then the traced commands (sorted) that are not the definition itself. */
	readonly trace: string;
}

/** Parses and runs every file in one shell process; each run is bounded by `timeout`. */
function judge(shell: Shell, texts: readonly string[]): Outcome[] {
	const batch = mkdtempSync(path.join(root, `${shell}-`));
	const folders = texts.map((text, index) => {
		const folder = path.join(batch, String(index));
		mkdirSync(folder);
		writeFileSync(path.join(folder, "f"), text);
		return folder;
	});
	const { parse, trace } = CHECK[shell];
	const script = `for d in "$@"; do cd "$d" || exit 9; ${parse} 2>/dev/null; echo $? > parsed; timeout 5 sh -c '${trace} </dev/null >out 2>err'; done; exit 0`;
	execFileSync("sh", ["-c", script, "judge", ...folders], {
		env: { PATH: process.env.PATH ?? "", HOME: batch, LANG: "C.UTF-8" },
		timeout: 240_000,
	});
	return folders.map((folder) => {
		const read = (name: string) => readFileSync(path.join(folder, name), "utf8");
		// The commands that ran, as a sorted list: the parts of a pipeline trace in either order.
		const traced = read("err")
			.split("\n")
			.filter((line) => !line.includes(NAME) && !line.includes("claude-setup disabled"))
			.sort();
		return { parses: read("parsed").trim() === "0", trace: `${read("out")}\n--\n${traced.join("\n")}` };
	});
}

describe.each(["bash", "zsh", "fish"] as const)("rotation in a generated %s startup file", (shell) => {
	it("never makes a parseable file unparseable, and never changes which other commands run", () => {
		const totals = { files: 0, parseable: 0, disabled: 0, left: 0, unsteady: 0 };
		fc.assert(
			fc.property(fc.array(fileArb, { minLength: BATCH, maxLength: BATCH }), (files) => {
				const befores = files.map((file) => `${render(file, shell).join("\n")}\n`);
				const rotated = befores.map((text) => rotate(text, shell));
				// Each original runs twice: a file whose own two runs differ (fish's `echo | set … &&`
				// races) says nothing about rotation, so its trace is not compared.
				const outcomes = judge(shell, [...befores, ...rotated.map((edit) => edit.text), ...befores]);
				befores.forEach((before, index) => {
					const old = outcomes[index];
					const next = outcomes[index + befores.length];
					const again = outcomes[index + 2 * befores.length];
					const edit = rotated[index];
					if (!old?.parses || next === undefined || edit === undefined) return;
					const context = `${shell} file:\n${before}\nafter rotation:\n${edit.text}`;
					expect(next.parses, context).toBe(true);
					// fish's `set` keeps the status before it, and `echo | set` sets that status by a race:
					// what a later `and`/`or` runs then differs from run to run, edit or not.
					const racy = shell === "fish" && /\|\n(set |# claude-setup)/.test(before);
					if (!racy && again?.trace === old.trace) expect(next.trace, context).toBe(old.trace);
					else totals.unsteady++;
					totals.parseable++;
					totals.disabled += edit.disabled;
					totals.left += edit.left;
				});
				totals.files += files.length;
			}),
			// A failing batch is reported as it is (the message holds the file): shrinking 40 files at a time is slow.
			{ numRuns: RUNS, endOnFailure: true },
		);
		if (process.env.SHOW_TOTALS) console.log(shell, totals);
		// Not vacuous: most files parse, and the rule both comments out and leaves definitions.
		expect(totals.parseable).toBeGreaterThan(totals.files / 3);
		expect(totals.disabled).toBeGreaterThan(20);
		expect(totals.left).toBeGreaterThan(20);
		expect(totals.unsteady).toBeLessThan(totals.parseable / 2);
	}, 300_000);
});
