// The layout README.md describes, kept true: no import cycles anywhere in source/, each folder
// of source/core imports only the folders listed before it in the README's layout section, the
// core reaches the machine only through System, and the tests mirror the folders.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { type ImportGraph, importCycles } from "./helpers/import-graph.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const source = path.join(root, "source");
const core = path.join(source, "core");

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every import of a file (static, dynamic, type-only and re-exports), as written. */
function specifiersOf(file: string): string[] {
	const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
	return info.importedFiles.map((imported) => imported.fileName);
}

function resolveLocal(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith(".")) return undefined;
	const base = path.resolve(path.dirname(from), specifier).replace(/\.jsx?$/, "");
	return [".ts", ".tsx"].map((extension) => base + extension).find(existsSync);
}

const files = filesUnder(source);
const graph: ImportGraph = new Map(
	files.map((file) => [
		file,
		specifiersOf(file)
			.map((specifier) => resolveLocal(file, specifier))
			.filter((target): target is string => target !== undefined),
	]),
);
const relative = (file: string) => path.relative(root, file);

/** The folders of source/core in the order the README's layout section lists them. */
function readmeFolderOrder(): string[] {
	const readme = readFileSync(path.join(root, "README.md"), "utf8");
	const section = readme.split("## How the code is laid out")[1]?.split("\n## ")[0] ?? "";
	return [...section.matchAll(/^\s*\d+\.\s+`([a-z-]+)\/`/gm)].map((match) => match[1] ?? "");
}

/** "" for a file at the top of source/core, else its folder there. */
const coreFolderOf = (file: string) => path.relative(core, path.dirname(file)).split(path.sep)[0] ?? "";

describe("the code's layout", () => {
	it("has no import cycle in source/", () => {
		expect(importCycles(graph).map((cycle) => cycle.map(relative).join(" → "))).toEqual([]);
	});

	it("finds a cycle when there is one (the check itself works)", () => {
		const looped: ImportGraph = new Map([
			["a", ["b"]],
			["b", ["c"]],
			["c", ["a"]],
			["d", ["a"]],
		]);
		expect(importCycles(looped)).toEqual([["a", "b", "c"]]);
	});

	const order = readmeFolderOrder();
	const folders = readdirSync(core, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);

	it("lists every folder of source/core in the README, once", () => {
		expect([...order].sort()).toEqual([...folders].sort());
	});

	it("imports only downward: a core folder uses the top files and the folders listed before it", () => {
		const upward: string[] = [];
		for (const [file, targets] of graph) {
			if (!file.startsWith(core + path.sep)) continue;
			const from = coreFolderOf(file);
			for (const target of targets) {
				if (!target.startsWith(core + path.sep)) {
					upward.push(`${relative(file)} imports ${relative(target)}, outside the core`);
					continue;
				}
				const to = coreFolderOf(target);
				if (to === from || to === "") continue;
				if (from === "" || order.indexOf(to) > order.indexOf(from)) {
					upward.push(`${relative(file)} imports ${relative(target)}`);
				}
			}
		}
		expect(upward).toEqual([]);
	});

	it("keeps the core pure: no Ink, React, file system, processes or SDK", () => {
		// jsonc-parser is pure text editing (VS Code's format-preserving JSON editor), no I/O.
		const allowed = new Set(["node:path", "jsonc-parser"]);
		const outside = filesUnder(core).flatMap((file) =>
			specifiersOf(file)
				.filter((specifier) => !specifier.startsWith(".") && !allowed.has(specifier))
				.map((specifier) => `${relative(file)}: ${specifier}`),
		);
		expect(outside).toEqual([]);
	});

	it("opens every core folder with a README saying what it is for and what it may import", () => {
		const missing = folders.filter((folder) => {
			const readme = path.join(core, folder, "README.md");
			return !existsSync(readme) || !/May import/.test(readFileSync(readme, "utf8"));
		});
		expect(missing).toEqual([]);
	});

	it("mirrors source/ in test/: every test folder is named after a source folder", () => {
		const testRoot = path.join(root, "test");
		const strays = ["core", "system", "ui"].flatMap((top) =>
			readdirSync(path.join(testRoot, top), { withFileTypes: true })
				.filter((entry) => entry.isDirectory())
				.map((entry) => `${top}/${entry.name}`)
				.filter((folder) => !existsSync(path.join(source, folder))),
		);
		expect(strays).toEqual([]);
	});
});
