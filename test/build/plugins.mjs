// esbuild plugins for the one-file bundle. Each patch of a bundled package checks that the text
// it replaces is still there, so an upgrade that moves it fails the build instead of the user.
import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname } from "node:path";
import { build } from "esbuild";

/** Replaces `search` once in `text`, or fails the build saying which patch no longer fits. */
function patch(text, search, replacement, what) {
	if (!text.includes(search)) throw new Error(`build patch "${what}" no longer applies: its text moved`);
	return text.replace(search, () => replacement);
}

/** A plugin that makes each [what, search, replacement] patch, in order, to the module at `filter`. */
function patchedModule(name, filter, patches) {
	return {
		name,
		setup(esbuild) {
			esbuild.onLoad({ filter }, (args) => {
				let source = readFileSync(args.path, "utf8");
				for (const [what, search, replacement] of patches) source = patch(source, search, replacement, what);
				return { contents: source, loader: "js" };
			});
		},
	};
}

// Ink imports react-devtools-core (not installed, not wanted) only when DEV=true: an empty
// module keeps the bundle whole and makes DEV=true a no-op.
export const noInkDevtools = {
	name: "no-ink-devtools",
	setup(esbuild) {
		esbuild.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
			/[/\\]ink[/\\]build$/.test(args.resolveDir) ? { path: "ink-devtools", namespace: "empty" } : undefined,
		);
		esbuild.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
	},
};

// Yoga (Ink's layout engine) ships its WebAssembly as a base64 data: URL and loads it with
// fetch(), which makes Node load its whole HTTP client first; then instantiates it
// asynchronously behind a top-level await. The bundle decodes it with Buffer and
// instantiates it synchronously (a 70 KB module compiles in ~2 ms).
export const yogaWithoutFetch = {
	name: "yoga-without-fetch",
	setup(esbuild) {
		esbuild.onLoad(
			{ filter: /[/\\]yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/ },
			(args) => {
				const source = readFileSync(args.path, "utf8");
				const dataUrl = /H="(data:application\/octet-stream;base64,[A-Za-z0-9+/=]+)"/.exec(source);
				if (!dataUrl)
					throw new Error('build patch "yoga-without-fetch" no longer applies: no wasm data: URL');
				const contents = `const yogaWasmDataUrl = ${JSON.stringify(dataUrl[1])};\n${patch(source, dataUrl[0], "H=yogaWasmDataUrl", "yoga wasm")}\nexport { yogaWasmDataUrl };\n`;
				return { contents, loader: "js" };
			},
		);
		esbuild.onLoad({ filter: /[/\\]yoga-layout[/\\]dist[/\\]src[/\\]index\.js$/ }, (args) => {
			patch(readFileSync(args.path, "utf8"), "wrapAssembly(await loadYoga())", "", "yoga entry");
			const contents = `import loadYoga, { yogaWasmDataUrl } from "../binaries/yoga-wasm-base64-esm.js";
import wrapAssembly from "./wrapAssembly.js";
const yogaModule = {
	instantiateWasm(imports, receiveInstance) {
		const bytes = Buffer.from(yogaWasmDataUrl.slice(yogaWasmDataUrl.indexOf(",") + 1), "base64");
		const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
		receiveInstance(instance);
		return instance.exports;
	},
};
loadYoga(yogaModule); // with a synchronous instantiateWasm, Emscripten is ready on return
const Yoga = wrapAssembly(yogaModule);
export default Yoga;
export * from "./generated/YGEnums.js";
`;
			return { contents, loader: "js", resolveDir: dirname(args.path) };
		});
	},
};

// string-width builds /^\p{RGI_Emoji}$/v when it loads and tests every grapheme of non-ASCII
// text with it; the first test compiles it (~10 ms: the property expands to every emoji
// sequence). Every RGI emoji holds a non-ASCII \p{Emoji} code point, U+FE0F or U+20E3 (keycaps),
// so this cheap test first gives the same answers and the big expression is built only when a
// screen shows an emoji. test/build/emoji-prefilter.test.ts checks that over all of Unicode.
// (It patches string-width 8; wrap-ansi's string-width 7 is replaced by oneStringWidth.)
export const EMOJI_PREFILTER = /[\u20E3\uFE0F]|(?![\0-\x7F])\p{Emoji}/u;

export const lazyEmojiRegex = patchedModule(
	"lazy-emoji-regex",
	/[/\\]node_modules[/\\]string-width[/\\]index\.js$/,
	[
		[
			"string-width emoji",
			"const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;",
			`let rgiEmojiRegex;\nconst mayBeEmoji = ${EMOJI_PREFILTER};\n` +
				"const isRgiEmoji = (segment) => mayBeEmoji.test(segment) && (rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment);",
		],
		["string-width emoji test", "rgiEmojiRegex.test(segment)", "isRgiEmoji(segment)"],
	],
);

// Ink turns each line of a frame into text cell by cell, and for every pair of neighbouring
// cells ansi-tokenize works out the escape codes between their styles (three Sets, four arrays).
// Neighbours almost always share a style (a blank row is 100 unstyled cells), and then that
// difference is nothing: skipping it is exact and made the preview frame ~6 ms faster.
// test/build/ansi-fast-path.test.ts compares the patched function with the original.
export const ansiDiffFastPath = patchedModule(
	"ansi-diff-fast-path",
	/[/\\]@alcalzone[/\\]ansi-tokenize[/\\]build[/\\]styledChars\.js$/,
	[
		[
			"ansi-tokenize same styles",
			"export function styledCharsToString(chars) {",
			"function sameStyles(from, to) {\n" +
				"\tif (from.length !== to.length) return false;\n" +
				"\tfor (let i = 0; i < from.length; i++) {\n" +
				"\t\tif (from[i].code !== to[i].code || from[i].endCode !== to[i].endCode) return false;\n" +
				"\t}\n" +
				"\treturn true;\n" +
				"}\n" +
				"export function styledCharsToString(chars) {",
		],
		[
			"ansi-tokenize neighbours",
			"ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));",
			"if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));",
		],
		[
			"ansi-tokenize line end",
			"if (i === chars.length - 1) {",
			"if (i === chars.length - 1 && char.styles.length > 0) {",
		],
	],
);

// Ink measures and tokenizes every line of a frame again for each frame, with caches that live
// for one frame. Kept across frames (and emptied past 10,000 entries), a line that did not
// change (the header, a question) costs nothing the next time.
export const inkCachesAcrossFrames = patchedModule(
	"ink-caches-across-frames",
	/[/\\]ink[/\\]build[/\\]output\.js$/,
	[
		[
			"ink output caches",
			"export default class Output {",
			"let sharedCaches;\n" +
				"function cachesAcrossFrames() {\n" +
				"\tconst size = sharedCaches ? sharedCaches.styledChars.size + sharedCaches.widths.size : 0;\n" +
				"\tif (!sharedCaches || size > 10000) sharedCaches = new OutputCaches();\n" +
				"\treturn sharedCaches;\n" +
				"}\n" +
				"export default class Output {",
		],
		["ink output", "caches = new OutputCaches();", "caches = cachesAcrossFrames();"],
	],
);

// wrap-ansi pins string-width 7 (with emoji-regex and its own Intl.Segmenter) while Ink
// measures with string-width 8: one copy, so wrapping and measuring agree and load once.
export const oneStringWidth = {
	name: "one-string-width",
	setup(esbuild) {
		esbuild.onResolve({ filter: /^string-width$/ }, (args) => {
			if (!/[/\\]wrap-ansi[/\\]/.test(args.importer)) return undefined;
			return esbuild.resolve("string-width", {
				kind: args.kind,
				resolveDir: esbuild.initialOptions.absWorkingDir,
			});
		});
	},
};

/**
 * Modules the wizard needs only after its first frame (the SDK's client, execa) are bundled apart
 * and embedded as a string: Node then neither parses them nor loads their Node modules at start.
 * The first `import()` compiles the string (as `claude-setup/<name>.js` in stack traces).
 * `specifiers`: as written in the import() (a package, or a path relative to its importer).
 * `inputs` collects the files bundled that way, for the licence list.
 */
export function compileOnFirstUse(specifiers, options) {
	const names = new Set(specifiers);
	return {
		name: "compile-on-first-use",
		setup(esbuild) {
			esbuild.onResolve({ filter: /.*/ }, (args) => {
				if (!names.has(args.path) || args.pluginData === "first-use") return undefined;
				if (args.kind !== "dynamic-import") {
					return { errors: [{ text: `${args.path} must be loaded with import(), after the first frame` }] };
				}
				return { path: args.path, namespace: "first-use", pluginData: args.resolveDir };
			});
			esbuild.onLoad({ filter: /.*/, namespace: "first-use" }, async (args) => {
				const entry = await esbuild.resolve(args.path, {
					kind: "dynamic-import",
					resolveDir: args.pluginData,
					pluginData: "first-use",
				});
				if (entry.errors.length > 0) return { errors: entry.errors };
				const common = {
					absWorkingDir: options.root,
					entryPoints: [entry.path],
					bundle: true,
					platform: "node",
					target: "node20",
					write: false,
					logLevel: "warning",
				};
				// Once as ESM for the export names, once as a CommonJS function body to embed.
				const shape = await build({ ...common, format: "esm", metafile: true });
				const exported = Object.values(shape.metafile.outputs)[0].exports;
				const named = exported.filter((name) => name !== "default");
				const body = await build({
					...common,
					format: "cjs",
					minify: true,
					legalComments: "none",
					metafile: true,
					define: { "process.env.NODE_ENV": '"production"' },
					supported: { "dynamic-import": false },
				});
				for (const input of Object.keys(body.metafile.inputs)) options.inputs.add(input);
				const source = `(function (exports, require, module) {${body.outputFiles[0].text}\n})`;
				const contents = `const compiled = require("node:vm").runInThisContext(${JSON.stringify(source)}, { filename: ${JSON.stringify(`claude-setup/${args.path.replace(/^\.\/|\.js$/g, "")}.js`)} });
const loaded = { exports: {} };
compiled(loaded.exports, require, loaded);
${exported.includes("default") ? "export default loaded.exports.default;" : ""}
export const { ${named.join(", ")} } = loaded.exports;
`;
				return { contents, loader: "js" };
			});
		},
	};
}

// @inkjs/ui's Spinner reads its frames from cli-spinners' 80-odd kinds; claude-setup shows only its
// default, dots. Bundling the one kept the package under its 400 kB bound.
export const onlyDotsSpinner = {
	name: "only-dots-spinner",
	setup(esbuild) {
		esbuild.onLoad({ filter: /[/\\]cli-spinners[/\\]index\.js$/ }, (args) => {
			const { dots } = JSON.parse(readFileSync(`${dirname(args.path)}/spinners.json`, "utf8"));
			if (!dots)
				throw new Error('build patch "only-dots-spinner" no longer applies: cli-spinners has no dots');
			return { contents: `export default { dots: ${JSON.stringify(dots)} };`, loader: "js" };
		});
	},
};

/**
 * main.js and its chunks are ES modules, and Node builds each built-in module they import an
 * ES module of its own (a facade listing every export) on first import: ~5 ms for the twenty
 * main.js needs, between the early frame and Ink's. Through `require` (every chunk has one, see
 * build.mjs's banner), a built-in module is the object Node already holds.
 */
export const builtinsByRequire = {
	name: "builtins-by-require",
	setup(esbuild) {
		esbuild.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
			if (args.kind !== "import-statement" || !isBuiltin(args.path)) return undefined;
			return { path: args.path, namespace: "builtin-require" };
		});
		esbuild.onLoad({ filter: /.*/, namespace: "builtin-require" }, (args) => ({
			contents: `module.exports = require(${JSON.stringify(args.path)});`,
			loader: "js",
		}));
	},
};
