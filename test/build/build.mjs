// `npm run build`: bundles the CLI and everything it uses into dist/, so `npx claude-setup`
// installs one package with no dependencies; then writes our licence and those of every bundled
// package beside it. `--no-minify` keeps names, for profiling. dist/cli.cjs, the entry, holds
// only what draws the first frame (see early-entry.mjs); main.js and its chunks, the rest.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { buildEntry, fromEntry } from "./early-entry.mjs";
import { mitLicence, thirdPartyLicences } from "./licences.mjs";
import {
	ansiDiffFastPath,
	builtinsByRequire,
	compileOnFirstUse,
	inkCachesAcrossFrames,
	lazyEmojiRegex,
	noInkDevtools,
	oneStringWidth,
	onlyDotsSpinner,
	yogaWithoutFetch,
} from "./plugins.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");
const project = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lateInputs = new Set();

/** Replaces a file in one step, so a test running the CLI meanwhile sees the old or the new one. */
function writeAtomically(file, contents, mode = 0o644) {
	writeFileSync(`${file}.tmp`, contents, { mode });
	renameSync(`${file}.tmp`, file);
}

mkdirSync(dist, { recursive: true });
const lateModules = compileOnFirstUse(["./anthropic-client.js", "execa"], { root, inputs: lateInputs });
const patches = [
	noInkDevtools,
	inkCachesAcrossFrames,
	ansiDiffFastPath,
	yogaWithoutFetch,
	lazyEmojiRegex,
	oneStringWidth,
	onlyDotsSpinner,
];
const common = {
	absWorkingDir: root,
	write: false,
	bundle: true,
	platform: "node",
	target: "node20",
	minify: !process.argv.includes("--no-minify"),
	// The licences go to dist/THIRD-PARTY-LICENSES.txt in full.
	legalComments: "none",
	define: { "process.env.NODE_ENV": '"production"' },
	// jsonc-parser's "main" is a UMD build whose require("./impl/…") esbuild cannot follow.
	alias: { "jsonc-parser": "jsonc-parser/lib/esm/main.js" },
	metafile: true,
	logLevel: "warning",
};
const failed = (error) => {
	// esbuild has already said what went wrong; our own checks have not.
	if (!Array.isArray(error?.errors)) console.error(`build: ${error?.message ?? error}`);
	process.exit(1);
};
const entry = await buildEntry({ ...common, plugins: [...patches, lateModules] }).catch(failed);
const result = await build({
	...common,
	entryPoints: ["source/main.tsx"],
	outdir: "dist",
	entryNames: "[name]",
	chunkNames: "[name]-[hash]",
	splitting: true,
	format: "esm",
	// Bundled CommonJS packages (react, cross-spawn, …) call require() for Node's own modules.
	banner: {
		js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
	},
	plugins: [fromEntry(entry.shared), builtinsByRequire, ...patches, lateModules],
}).catch(failed);

const inputs = [...entry.inputs, ...Object.keys(result.metafile.inputs), ...lateInputs];
// esbuild writes ASCII except inside regular expression literals; one other character would
// make Node hold the whole 1 MB source as UTF-16 and decode it the slow way. \uXXXX means the
// same there, as in strings and names.
const ascii = (text) =>
	text.replace(/[^\0-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
const code = Object.fromEntries([
	["cli.cjs", ascii(entry.text)],
	...result.outputFiles.map((file) => [file.path.slice(dist.length + 1), ascii(file.text)]),
]);
const outputs = {
	...code,
	"THIRD-PARTY-LICENSES.txt": thirdPartyLicences(
		root,
		inputs,
		`dist/*.js of ${project.name}@${project.version}`,
	),
	"LICENSE.txt": mitLicence(`the ${project.name} authors`),
};
// The entry last: a run started meanwhile finds the files it loads already in place.
const entryLast = Object.entries(outputs).sort(
	([a], [b]) => Number(a === "cli.cjs") - Number(b === "cli.cjs"),
);
for (const [name, contents] of entryLast) {
	writeAtomically(join(dist, name), contents, name === "cli.cjs" ? 0o755 : 0o644);
}
// Whatever else is in dist/ (chunks of an older build, a screen capture) is not shipped.
for (const name of readdirSync(dist)) if (!(name in outputs)) rmSync(join(dist, name), { recursive: true });
