// dist/ is what `npx claude-setup` runs: files that need nothing but Node and each other, an
// entry that draws the first frame before the rest is read, the SDK and execa loaded only when
// used, and the licences of what it bundles.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, KEYS, runInTerminal } from "../helpers/terminal.js";

const DIST = join(CLI_PATH, "..");
const files = readdirSync(DIST).filter((name) => name.endsWith(".js"));
const bundle = [...files, "cli.cjs"].map((name) => readFileSync(join(DIST, name), "utf8")).join("\n");

let api: FakeAnthropic;
beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
});
afterAll(() => api.close());

describe("the bundle", () => {
	it("imports and requires nothing but Node's own modules", () => {
		// Static imports start a statement; import() and require() may be anywhere, also in the
		// code compiled on first use (where quotes are escaped).
		const pattern =
			/(?:(?<=^|[;}\n])import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?|\bimport\(\s*|\brequire\(\s*)\\*["']([^"'\\]+)\\*["']/g;
		const specifiers = [...bundle.matchAll(pattern)].map((match) => match[1] ?? "");
		expect(specifiers.length).toBeGreaterThan(5);
		const ours = specifiers.filter((specifier) => specifier.startsWith("./"));
		expect(specifiers.filter((specifier) => !isBuiltin(specifier) && !ours.includes(specifier))).toEqual([]);
		for (const file of ours) expect(existsSync(join(DIST, file))).toBe(true);
	});

	it("draws the first frame from one small CommonJS file; main.js is read after and reuses its modules", () => {
		const read = (file: string) => readFileSync(join(DIST, file), "utf8");
		const entry = read("cli.cjs");
		expect(entry.startsWith("#!/usr/bin/env node\n")).toBe(true);
		// CommonJS: no static import, so Node starts it without its ES module loader.
		expect(entry).not.toMatch(/(?:^|[;}\n])import\s*[\w{*"]/);
		expect(entry.length).toBeLessThan(60_000);
		expect(entry).toMatch(/import\("\.\/main\.js"\)/);
		// The early modules exist once, in the entry: the prompt's words, the signal handlers' codes.
		for (const text of ["Paste your Anthropic API key", "SIGHUP:129"]) {
			expect(files.filter((file) => read(file).includes(text))).toEqual([]);
			expect(entry).toContain(text);
		}
		expect(files.filter((file) => read(file).includes("claude-setup.entry-modules")).length).toBeGreaterThan(
			0,
		);
	});

	it("is ASCII, so Node keeps its source compact", () => {
		expect(bundle).toMatch(/^[\0-\x7f]*$/);
	});

	it("ships the licence text of the packages it bundles", () => {
		const licences = readFileSync(join(CLI_PATH, "../THIRD-PARTY-LICENSES.txt"), "utf8");
		for (const name of [
			"ink",
			"react",
			"react-reconciler",
			"yoga-layout",
			"@anthropic-ai/sdk",
			"execa",
			"@inkjs/ui",
		]) {
			expect(licences).toMatch(new RegExp(`^${name.replace("/", "\\/")}@\\d[^\\n]* — \\S+`, "m"));
		}
		expect(licences).toContain("Permission is hereby granted");
		expect(licences).toContain("Apache License");
	});
});

describe("what loads when", { timeout: 60_000 }, () => {
	// The SDK and execa are compiled on first use; record which, in the CLI's own process.
	const probe = (file: string) =>
		`const vm = require("node:vm"); const compiled = [];
const original = vm.runInThisContext;
vm.runInThisContext = function (code, options) { compiled.push(options?.filename); return original.apply(this, arguments); };
process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(file)}, JSON.stringify(compiled)));\n`;

	async function compiledDuring(
		args: string[],
		input: string,
	): Promise<{ compiled: string[]; exitCode?: number }> {
		const sandbox = makeSandbox({ shell: "bash", baseURL: api.url });
		const probeFile = join(sandbox.root, "probe.cjs");
		const report = join(sandbox.root, "compiled.json");
		writeFileSync(probeFile, probe(report));
		try {
			const { exitCode } = await execa(process.execPath, ["-r", probeFile, CLI_PATH, ...args], {
				input,
				cwd: sandbox.project,
				env: sandbox.env,
				extendEnv: false,
				reject: false,
			});
			return { compiled: JSON.parse(readFileSync(report, "utf8")) as string[], exitCode };
		} finally {
			rmSync(sandbox.root, { recursive: true, force: true });
		}
	}

	it.each([
		{ args: ["--version"], compiled: [] },
		{ args: ["--help"], compiled: [] },
		{ args: ["--key-stdin", "--target", "dotenv", "--no-verify"], compiled: ["claude-setup/execa.js"] },
		{
			args: ["--key-stdin", "--target", "dotenv"],
			compiled: ["claude-setup/anthropic-client.js", "claude-setup/execa.js"],
		},
	])("$args compiles $compiled", async ({ args, compiled }) => {
		const result = await compiledDuring(args, TEST_KEY);
		expect(result.exitCode).toBe(0);
		expect([...result.compiled].sort()).toEqual(compiled);
	});
});

describe("Ink's devtools", { timeout: 60_000 }, () => {
	it("DEV=true draws the wizard as usual and asks for no react-devtools-core", async () => {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const run = runInTerminal([], { ...sandbox, env: { ...sandbox.env, DEV: "true" } });
		await run.waitForText("Paste your Anthropic API key");
		run.write(KEYS.escape);
		expect(await run.exited).toBe(130);
		expect(run.output()).not.toContain("devtools");
		expect(run.output()).not.toContain(SECRET_PART);
	});
});
