// Bundles a package through one of the build's plugins and imports the result, so a test can
// compare the patched package with the original.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/** `entry` (module text) bundled with `plugin`; the temporary file is gone once imported. */
export async function importBundled<T>(entry: string, plugin: Plugin): Promise<T> {
	const folder = mkdtempSync(join(tmpdir(), "claude-setup-bundled-"));
	try {
		const result = await build({
			stdin: { contents: entry, resolveDir: process.cwd() },
			bundle: true,
			format: "esm",
			platform: "node",
			write: false,
			plugins: [plugin],
			logLevel: "silent",
		});
		const file = join(folder, "bundled.mjs");
		writeFileSync(file, result.outputFiles[0]?.text ?? "");
		return (await import(pathToFileURL(file).href)) as T;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
