// The real PowerShell parser ([Parser]::ParseInput in pwsh 7.6) reads every script and profile
// claude-setup can produce (powershell-corpus.ts) in ONE pwsh process: zero parse errors, and
// none of the syntax Windows PowerShell 5.1 lacks, found on the AST (every script also runs on
// 5.1, and 5.1 reads the profile blocks). A new script generator left out of the corpus fails.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runPwshJson } from "../../helpers/real-pwsh.js";
import {
	type CorpusItem,
	HOSTILE_PROFILES,
	NEWER_SYNTAX,
	powershellCorpus,
	SCRIPT_NAMES,
} from "./powershell-corpus.js";

interface Parsed {
	readonly name: string;
	readonly errors: readonly string[];
	readonly newer: readonly string[];
}

const corpus = powershellCorpus();
const samples: CorpusItem[] = Object.entries(NEWER_SYNTAX).map(([name, text]) => ({
	name: `newer: ${name}`,
	text,
}));
const results = new Map<string, Parsed>();

beforeAll(async () => {
	const items = [...corpus.scripts, ...corpus.profiles, ...samples];
	const parsed = await runPwshJson<Parsed[]>("parse-scripts.ps1", items);
	for (const result of parsed) results.set(result.name, result);
	expect(results.size).toBe(new Set(items.map((item) => item.name)).size);
}, 120_000);

/** "name: error" for each text the parser refused or that uses syntax 5.1 lacks. */
function faults(items: readonly CorpusItem[]): string[] {
	return items.flatMap((item) => {
		const result = results.get(item.name);
		if (result === undefined) return [`${item.name}: not parsed`];
		return [...result.errors, ...result.newer].map((fault) => `${item.name}: ${fault}`);
	});
}

describe("every PowerShell text claude-setup produces, read by pwsh's own parser", () => {
	it(`parses every script it runs, for every variable (${corpus.scripts.length} scripts), with 5.1 syntax only`, () => {
		expect(corpus.scripts.length).toBeGreaterThan(40);
		expect(faults(corpus.scripts)).toEqual([]);
	});

	it(`parses every profile it writes (${corpus.profiles.length} texts from ${corpus.originals} hostile profiles), with 5.1 syntax only`, () => {
		expect(corpus.profiles.length).toBeGreaterThan(200);
		expect(faults(corpus.profiles)).toEqual([]);
	});

	it("the hostile profiles are real PowerShell to begin with", () => {
		const originals = corpus.profiles.filter((item) => item.name.endsWith(": as found"));
		expect(originals).toHaveLength(corpus.originals);
		for (const label of Object.keys(HOSTILE_PROFILES)) {
			expect(originals.some((item) => item.name.startsWith(`${label} [`))).toBe(true);
		}
	});

	it.each(Object.keys(NEWER_SYNTAX))("the 5.1 check does catch %s", (what) => {
		const result = results.get(`newer: ${what}`);
		expect(result?.errors).toEqual([]);
		expect(result?.newer.join("\n")).toContain(what);
	});

	it("the parser does report errors (a broken block would be caught)", async () => {
		const broken = [{ name: "broken", text: "#region claude-setup\nif ($x) {\n#endregion claude-setup" }];
		const [result] = await runPwshJson<Parsed[]>("parse-scripts.ps1", broken);
		expect(result?.errors.join("\n")).toMatch(/MissingEndCurlyBrace/);
		// One pwsh start: ~2 s alone, past 5 s when the machine is busy.
	}, 30_000);
});

const source = fileURLToPath(new URL("../../../source/", import.meta.url));
const sourceFiles = readdirSync(source, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
	.map((entry) => path.join(entry.parentPath, entry.name));

describe("no PowerShell outside the corpus", () => {
	it("the corpus covers every script in SCRIPTS", () => {
		const text = readFileSync(path.join(source, "core/windows/powershell.ts"), "utf8");
		const body = text.slice(text.indexOf("export const SCRIPTS = {"), text.indexOf("} as const;"));
		const declared = [...body.matchAll(/^\t([A-Za-z]+)[:(]/gm)].map((match) => match[1]);
		expect(declared.sort()).toEqual([...SCRIPT_NAMES].sort());
	});

	it("every PowerShell run in source/ runs a script from SCRIPTS", () => {
		const strays: string[] = [];
		for (const file of sourceFiles) {
			const relative = path.relative(source, file);
			const text = readFileSync(file, "utf8");
			// Only powershell.ts builds a command line for PowerShell.
			if (
				/-EncodedCommand|-Command\b|powershellCall\(/.test(text) &&
				relative !== "core/windows/powershell.ts"
			) {
				if (relative !== "core/windows/invoke.ts")
					strays.push(`${relative}: builds a PowerShell command line`);
			}
			for (const call of text.matchAll(/\b(invokePowerShell|invokeForDone)\(([^;]*?)\)/gs)) {
				const args = call[2] ?? "";
				if (relative === "core/windows/invoke.ts" && call[1] === "invokePowerShell") continue;
				if (!/SCRIPTS\.[A-Za-z]+/.test(args) && !/\bscript\b/.test(args)) {
					strays.push(`${relative}: ${call[1]}(${args.slice(0, 60)}…) runs something else`);
				}
			}
		}
		expect(strays).toEqual([]);
	});
});
