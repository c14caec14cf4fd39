// dist/cli.cjs, the entry, is CommonJS: Node starts a CommonJS file ~10 ms sooner than an ES
// module (no module loader to set up, no ES facades for the built-in modules it loads), a
// quarter of the time to the first frame. It runs source/cli.ts — the output guard, the signal
// handlers, the command line, the early frame — and then import()s main.js, an ES module.
//
// Those early modules hold state the rest must share: the keys the output guard knows, the one
// set of signal handlers, the frame on screen. So each exists once: the entry leaves every
// module it ran on a global, and main.js's build loads, in place of each, one that re-exports it
// from there (fromEntry). Their exports must be constants; the build fails on `export let`.
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { build } from "esbuild";

const SLOT = 'globalThis[Symbol.for("claude-setup.entry-modules")]';

/** The path esbuild's metafile gives an input: relative to the project, with forward slashes. */
const inputKey = (root, path) => relative(root, path).split(sep).join("/");

/** The names `path` exports (as bundled, so `export *` counts), failing on what cannot be shared. */
async function exportNames(path, options) {
	const source = readFileSync(`${options.absWorkingDir}/${path}`, "utf8");
	if (/\bexport\s+(?:let|var)\b/.test(source)) {
		throw new Error(`${path} runs before the first frame and exports a variable: main.js would see a copy`);
	}
	const shape = await build({ ...options, entryPoints: [path], format: "esm", minify: false });
	return Object.values(shape.metafile.outputs)[0].exports;
}

/**
 * Builds the entry from `source/cli.ts` with `options` (esbuild's, shared with main.js's build).
 * Returns its text and inputs, and the modules it hands on with their export names.
 */
export async function buildEntry(options) {
	const cjs = { ...options, format: "cjs", external: ["./main.js"], write: false, metafile: true };
	const graph = await build({ ...cjs, entryPoints: ["source/cli.ts"], minify: false });
	const modules = Object.keys(graph.metafile.inputs).filter((path) => path !== "source/cli.ts");
	for (const path of modules) {
		if (path.includes(":") || graph.metafile.inputs[path].format === "cjs") {
			throw new Error(
				`${path} runs before the first frame but is not an ES module file: it cannot be shared`,
			);
		}
	}
	const shared = new Map(
		await Promise.all(modules.map(async (path) => [path, await exportNames(path, cjs)])),
	);
	// source/cli.ts first: its imports run in its order (the guard before anything prints).
	const contents = [
		'import "./source/cli.ts";',
		...modules.map((path, index) => `import * as m${index} from ${JSON.stringify(`./${path}`)};`),
		`${SLOT} = { ${modules.map((path, index) => `${JSON.stringify(path)}: m${index}`).join(", ")} };`,
	].join("\n");
	const entry = await build({
		...cjs,
		stdin: { contents, resolveDir: options.absWorkingDir, sourcefile: "entry.js", loader: "js" },
		outfile: "dist/cli.cjs",
		banner: { js: "#!/usr/bin/env node" },
	});
	return { text: entry.outputFiles[0].text, inputs: Object.keys(entry.metafile.inputs), shared };
}

/** For main.js's build: each module the entry ran is taken from the entry, not bundled again. */
export function fromEntry(shared) {
	return {
		name: "from-entry",
		setup(esbuild) {
			const root = esbuild.initialOptions.absWorkingDir;
			esbuild.onLoad({ filter: /.*/ }, (args) => {
				const key = inputKey(root, args.path);
				const names = shared.get(key);
				if (!names) return undefined;
				const named = names.filter((name) => name !== "default");
				const lines = [`const early = ${SLOT}[${JSON.stringify(key)}];`];
				if (named.length > 0) lines.push(`export const { ${named.join(", ")} } = early;`);
				if (names.includes("default")) lines.push("export default early.default;");
				return { contents: lines.join("\n"), loader: "js" };
			});
		},
	};
}
