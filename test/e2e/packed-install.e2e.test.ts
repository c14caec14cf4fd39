// The CI smoke test: what `npm publish` would ship, installed the way `npx` does it — into an
// empty folder with an empty npm cache and no network — then run as a user runs it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAnthropic, startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
let work: string;
let prefix: string;
let bin: string;
let packedFiles: string[];
let api: FakeAnthropic;

function npm(args: string[], cwd: string) {
	// No user or global npmrc, no update check: only what the test asks for.
	const result = spawnSync("npm", [...args, "--no-update-notifier"], {
		cwd,
		encoding: "utf8",
		env: {
			...process.env,
			npm_config_userconfig: join(work, "user-npmrc"),
			npm_config_globalconfig: join(work, "global-npmrc"),
		},
	});
	if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stderr}`);
	return result.stdout;
}

beforeAll(async () => {
	api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
	work = mkdtempSync(join(tmpdir(), "claude-setup-packed-"));
	writeFileSync(join(work, "user-npmrc"), "");
	writeFileSync(join(work, "global-npmrc"), "");
	prefix = join(work, "prefix");
	mkdirSync(prefix);
	// `npm test` has just built dist/; --ignore-scripts keeps pack from building again.
	const [packed] = JSON.parse(
		npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], process.cwd()),
	) as { filename: string; files: { path: string }[] }[];
	if (!packed) throw new Error("npm pack printed nothing");
	packedFiles = packed.files.map((file) => file.path).sort();
	const cache = join(work, "empty-cache");
	npm(
		[
			"install",
			"--prefix",
			prefix,
			"--cache",
			cache,
			"--offline",
			"--no-audit",
			"--no-fund",
			join(work, packed.filename),
		],
		work,
	);
	bin = join(prefix, "node_modules", ".bin", "claude-setup");
}, 120_000);

afterAll(async () => {
	await api.close();
	rmSync(work, { recursive: true, force: true });
});

describe("the packed package, installed offline into an empty folder", { timeout: 60_000 }, () => {
	it("holds only what runs, and installs nothing else", () => {
		const built = readdirSync(join(process.cwd(), "dist")).filter((name) => /\.(c?js|txt)$/.test(name));
		expect(packedFiles).toEqual(["README.md", ...built.map((name) => `dist/${name}`), "package.json"].sort());
		expect(packedFiles).toContain("dist/cli.cjs");
		expect(packedFiles).toContain("dist/main.js");
		expect(readdirSync(join(prefix, "node_modules")).filter((name) => !name.startsWith("."))).toEqual([
			"claude-setup",
		]);
	});

	it("claude-setup --version prints the version", async () => {
		const { stdout, exitCode } = await execa(bin, ["--version"], { reject: false });
		expect(exitCode).toBe(0);
		expect(stdout.trim()).toBe(manifest.version);
	});

	it("--key-stdin --target dotenv saves the key, proves it against the API, and never prints it", async () => {
		const sandbox = makeSandbox({ shell: "bash", baseURL: api.url, gitRepo: true });
		try {
			const { stdout, stderr, exitCode } = await execa(bin, ["--key-stdin", "--target", "dotenv"], {
				input: TEST_KEY,
				cwd: sandbox.project,
				env: sandbox.env,
				extendEnv: false,
				reject: false,
			});
			expect(exitCode).toBe(0);
			expect(readFileSync(join(sandbox.project, ".env"), "utf8")).toBe(`ANTHROPIC_API_KEY=${TEST_KEY}\n`);
			expect(stdout).toContain("Claude");
			expect(stdout + stderr).not.toContain(SECRET_PART);
		} finally {
			rmSync(sandbox.root, { recursive: true, force: true });
		}
	});
});
