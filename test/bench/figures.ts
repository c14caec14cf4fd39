// Each figure of `npm run bench`, measured on the built CLI the way a person meets it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KEY_PROMPT } from "../../source/ui/prompt-text.js";
import { makeSandbox, TEST_KEY } from "../helpers/sandbox.js";
import { CLI_PATH, openTerminal } from "../helpers/terminal.js";
import { timeToText } from "./pty-timing.js";
import type { TimedProxy } from "./timed-proxy.js";

/** Between a pasted key and Enter: far quicker than people are, long enough to be idle. */
const PERSON_PAUSE_MS = 1_000;
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

export function tempDir(name: string): string {
	return mkdtempSync(join(tmpdir(), `claude-setup-bench-${name}-`));
}

/** Ink's first write hides the cursor: from then on the frame is Ink's, ready for keys. */
const INK_TAKES_OVER = "\u001b[?25l";

/**
 * (1) The key prompt on screen: the built CLI (drawn before Ink loads, see source/first-frame.ts),
 * when Ink redraws the same frame, and `node -e` printing the same words.
 */
export async function firstFrame(apiUrl: string): Promise<{ cli: number; ink: number; node: number }> {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: apiUrl });
	try {
		const cli = await timeToText(process.execPath, [CLI_PATH], KEY_PROMPT, sandbox, INK_TAKES_OVER);
		const node = await timeToText(
			process.execPath,
			["-e", `console.log(${JSON.stringify(KEY_PROMPT)})`],
			KEY_PROMPT,
			sandbox,
		);
		return { cli: cli.text, ink: cli.bytes, node: node.text };
	} finally {
		rmSync(sandbox.root, { recursive: true, force: true });
	}
}

interface Packed {
	readonly tarball: string;
	readonly bytes: number;
	readonly unpackedBytes: number;
	readonly files: number;
	readonly dependencies: number;
}

/** (2) `npm pack` of the project as it would be published. */
export function pack(into: string): Packed {
	const result = spawnSync(NPM, ["pack", "--json", "--ignore-scripts", "--pack-destination", into], {
		encoding: "utf8",
	});
	if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const [info] = JSON.parse(result.stdout) as {
		filename: string;
		size: number;
		unpackedSize: number;
		entryCount: number;
	}[];
	if (!info) throw new Error("npm pack printed nothing");
	const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies?: object };
	return {
		tarball: join(into, info.filename),
		bytes: info.size,
		unpackedBytes: info.unpackedSize,
		files: info.entryCount,
		dependencies: Object.keys(manifest.dependencies ?? {}).length,
	};
}

/** (3) Installs the tarball into an empty folder with an empty npm cache; returns ms and packages installed. */
export function install(tarball: string): { ms: number; packages: number } {
	const prefix = tempDir("prefix");
	const cache = tempDir("cache");
	try {
		const started = performance.now();
		const result = spawnSync(
			NPM,
			["install", "--prefix", prefix, "--cache", cache, "--offline", "--no-audit", "--no-fund", tarball],
			{ encoding: "utf8" },
		);
		const ms = performance.now() - started;
		if (result.status !== 0) throw new Error(`npm install failed:\n${result.stderr}`);
		const installed = readdirSync(join(prefix, "node_modules")).filter((name) => !name.startsWith("."));
		return { ms, packages: installed.length };
	} finally {
		rmSync(prefix, { recursive: true, force: true });
		rmSync(cache, { recursive: true, force: true });
	}
}

/** (4) Peak resident memory (max RSS, MB) of a whole `--key-stdin` run: check, save, prove. */
export async function peakMemory(apiUrl: string, probeDir: string): Promise<{ mb: number }> {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: apiUrl });
	const probe = join(probeDir, "max-rss.cjs");
	const report = join(sandbox.root, "max-rss");
	// Preloaded into the CLI's process: Node's own figure for its peak, written as it exits.
	writeFileSync(
		probe,
		'process.on("exit", () => require("node:fs").writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS)));\n',
	);
	try {
		const child = spawn(process.execPath, ["-r", probe, CLI_PATH, "--key-stdin", "--target", "zsh"], {
			cwd: sandbox.project,
			env: { ...sandbox.env, BENCH_MAX_RSS_FILE: report },
			stdio: ["pipe", "ignore", "inherit"],
		});
		child.stdin.end(TEST_KEY);
		const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
		if (code !== 0) throw new Error(`claude-setup --key-stdin exited with ${code}`);
		return { mb: Number(readFileSync(report, "utf8")) / 1024 };
	} finally {
		rmSync(sandbox.root, { recursive: true, force: true });
	}
}

/**
 * (5) In a pseudo-terminal with --target zsh: from Enter on the key to the preview, plus from
 * Enter on the preview to "All set." — everything the wizard does, minus the API's own time.
 */
export async function ownOverhead(proxy: TimedProxy): Promise<{ wizard: number; api: number; own: number }> {
	const sandbox = makeSandbox({ shell: "zsh", baseURL: proxy.url });
	try {
		const screen = openTerminal(process.execPath, [CLI_PATH, "--target", "zsh"], sandbox);
		await screen.seen(KEY_PROMPT);
		screen.write(TEST_KEY);
		await screen.seen("Looks like an API key");
		// Detection runs behind the prompt while a person pastes; let it finish as it would.
		await screen.seen("API at");
		// A person glances at the masked key before Enter; the work done behind the prompt meanwhile
		// (loading the SDK, the in-memory rehearsal, the preconnect) belongs to that time.
		await new Promise((resolve) => setTimeout(resolve, PERSON_PAUSE_MS));
		proxy.reset();
		const keySubmitted = performance.now();
		screen.write("\r");
		const previewShown = await screen.seen("Write these changes?");
		const writeConfirmed = performance.now();
		screen.write("\r");
		const verdict = await screen.seen("All set.");
		const code = await screen.exited;
		if (code !== 0) throw new Error(`the wizard exited with ${code}`);
		const wizard = previewShown - keySubmitted + (verdict - writeConfirmed);
		const api = proxy.spent().ms;
		return { wizard, api, own: wizard - api };
	} finally {
		rmSync(sandbox.root, { recursive: true, force: true });
	}
}
