// Whose file, who else reads it, where a link leads: decided before anything is written.
// Table-driven over the pure rule, then real files in temp folders (owners need root to make;
// those cases run where the tests run as root, as in CI's container).
import { chmod, chown, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type AccessFacts, decideAccess } from "../../../source/core/plan/file-access.js";
import type { FileInfo } from "../../../source/core/system.js";
import { KEY, runIn, sandboxFor, withFakeApi } from "../flow/headless-harness.js";

withFakeApi(() => undefined);

const HOME = "/home/ada";
const file = (info: Partial<FileInfo>): FileInfo => ({
	isSymlink: false,
	isFile: true,
	isDirectory: false,
	mode: 0o600,
	realPath: `${HOME}/.zshrc`,
	uid: 1000,
	...info,
});
const facts = (info: FileInfo | undefined, more: Partial<AccessFacts> = {}): AccessFacts => ({
	display: "~/.zshrc",
	info,
	homes: [HOME],
	userId: 1000,
	homeFile: true,
	holdsKeyInStartupFile: true,
	...more,
});

describe("decideAccess", () => {
	it.each<[string, AccessFacts, Record<string, unknown>]>([
		["a new file", facts(undefined), { ok: true, notes: [] }],
		["own, 0600", facts(file({})), { ok: true, notes: [] }],
		["own, 0644 → 0600", facts(file({ mode: 0o644 })), { ok: true, modeChange: { from: 0o644, to: 0o600 } }],
		["own, 0640 → 0600", facts(file({ mode: 0o640 })), { modeChange: { from: 0o640, to: 0o600 } }],
		["own, 0755 → 0700", facts(file({ mode: 0o755 })), { modeChange: { from: 0o755, to: 0o700 } }],
		[
			"own, 0604 (others only) → 0600",
			facts(file({ mode: 0o604 })),
			{ modeChange: { from: 0o604, to: 0o600 } },
		],
		["own, 0620 (group may write, not read) stays", facts(file({ mode: 0o620 })), { ok: true, notes: [] }],
		[
			"0644 but the person keeps it",
			facts(file({ mode: 0o644 }), { keepMode: true }),
			{ ok: true, notes: ["~/.zshrc can be read by other users (0644); its mode is kept as you chose."] },
		],
		[
			"0644 .env (not a startup file)",
			facts(file({ mode: 0o644 }), { holdsKeyInStartupFile: false, homeFile: false }),
			{ ok: true, notes: [] },
		],
		[
			"unknown owner (Windows)",
			facts(file({ uid: undefined }), { userId: undefined, holdsKeyInStartupFile: false }),
			{ ok: true, notes: [] },
		],
		[
			"a link inside home",
			facts(file({ isSymlink: true, realPath: `${HOME}/dotfiles/zshrc` })),
			{ ok: true, notes: [], linkOutsideHome: undefined },
		],
		[
			"a link out of home",
			facts(file({ isSymlink: true, realPath: "/opt/dots/zshrc" })),
			{ ok: true, linkOutsideHome: "/opt/dots/zshrc" },
		],
		[
			"a link whose target the home reaches only through a link",
			facts(file({ isSymlink: true, realPath: "/private/home/ada/dots/zshrc" }), {
				homes: [HOME, "/private/home/ada"],
			}),
			{ ok: true, linkOutsideHome: undefined },
		],
		[
			"a .env link out of home (judged by git, not by home)",
			facts(file({ isSymlink: true, realPath: "/srv/keys.env" }), {
				homeFile: false,
				holdsKeyInStartupFile: false,
			}),
			{ ok: true, linkOutsideHome: undefined },
		],
		[
			"root, own file in root's home",
			facts(file({ realPath: "/root/.zshrc", uid: 0 }), { homes: ["/root"], userId: 0 }),
			{ ok: true },
		],
	])("%s", (_, input, expected) => {
		expect(decideAccess(input)).toMatchObject(expected);
	});

	it.each<[string, AccessFacts, string]>([
		["another user's file", facts(file({ uid: 0 })), "~/.zshrc belongs to another user (uid 0), not to you"],
		[
			"a link to another user's file",
			facts(file({ isSymlink: true, realPath: "/etc/zsh/zshrc", uid: 0 })),
			"~/.zshrc is a link to /etc/zsh/zshrc, which belongs to another user",
		],
		[
			"root, a link to a system file",
			facts(file({ isSymlink: true, realPath: "/etc/zsh/zshrc", uid: 0 }), { homes: ["/root"], userId: 0 }),
			"Run as root, claude-setup writes only inside /root",
		],
		[
			"root, ZDOTDIR outside root's home",
			facts(file({ realPath: "/etc/zdot/.zshrc", uid: 0 }), { homes: ["/root"], userId: 0 }),
			"is outside root's home folder",
		],
		[
			"a read-only link into the Nix store",
			facts(
				file({ isSymlink: true, realPath: "/nix/store/abc-home-manager-files/.zshrc", uid: 0, mode: 0o444 }),
			),
			"home-manager",
		],
	])("refused: %s", (_, input, message) => {
		const decided = decideAccess(input);
		expect(decided.ok).toBe(false);
		expect(decided.ok ? "" : decided.message.replace(/\s+/g, " ")).toContain(message);
	});

	it("the Nix store message says where the key goes instead", () => {
		const decided = decideAccess(facts(file({ isSymlink: true, realPath: "/nix/store/x/.zshrc", uid: 0 })));
		expect(decided.ok ? "" : decided.message).toContain(
			"claude-setup --target dotenv --dotenv-file ~/.config/anthropic.env",
		);
		expect(decided.ok ? "" : decided.message).toContain("programs.zsh.initExtra");
	});
});

const asRoot = process.getuid?.() === 0;
const modeOf = async (target: string) => (await stat(target)).mode & 0o777;

describe("--key-stdin with real files", () => {
	it("a ~/.zshrc others can read (0644): said, made 0600, reported in --json", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9");
		const zshrc = path.join(sandbox.home, ".zshrc");
		await writeFile(zshrc, "# mine\n", { mode: 0o644 });
		await chmod(zshrc, 0o644);
		const { report, text } = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false });
		expect(text).toContain(
			"! ~/.zshrc can be read by other users (0644): it is made 0600, readable only by you.",
		);
		expect(report).toMatchObject({
			ok: true,
			files: [{ path: zshrc, modeChange: { from: "0644", to: "0600" } }],
		});
		expect(await modeOf(zshrc)).toBe(0o600);
	});

	it("a link out of the home folder needs --yes (named), then the key goes to its target", async () => {
		const temp = await sandboxFor("http://127.0.0.1:9");
		// Owners are not what this case is about: a system that does not know them.
		const sandbox = { ...temp, system: { ...temp.system, userId: undefined } };
		const outside = path.join(sandbox.root, "elsewhere");
		await mkdir(outside);
		await writeFile(path.join(outside, "zshrc"), "# shared\n", { mode: 0o600 });
		await symlink(path.join(outside, "zshrc"), path.join(sandbox.home, ".zshrc"));
		const refused = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false });
		expect(refused.report).toMatchObject({ ok: false, exitCode: 6, error: { kind: "link-outside-home" } });
		expect(refused.text).toContain(
			`~/.zshrc is a link to ${path.join(outside, "zshrc")}, outside your home folder`,
		);
		expect(await readFile(path.join(outside, "zshrc"), "utf8")).toBe("# shared\n");
		const agreed = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false, yes: true });
		expect(agreed.report).toMatchObject({ ok: true, exitCode: 0 });
		expect(await readFile(path.join(outside, "zshrc"), "utf8")).toContain(KEY);
	});

	it.runIf(asRoot)("a ~/.zshrc that belongs to another user is refused, untouched", async () => {
		const sandbox = await sandboxFor("http://127.0.0.1:9");
		const zshrc = path.join(sandbox.home, ".zshrc");
		await writeFile(zshrc, "# theirs\n", { mode: 0o644 });
		await chown(zshrc, 12345, 12345);
		const { report, text } = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false, yes: true });
		expect(report).toMatchObject({ ok: false, exitCode: 6 });
		expect(text).toContain("~/.zshrc belongs to another user (uid 12345)");
		expect(await readFile(zshrc, "utf8")).toBe("# theirs\n");
		expect(await modeOf(zshrc)).toBe(0o644);
	});

	it.runIf(asRoot)(
		"run as root, a ~/.zshrc linking to a system file outside root's home is refused",
		async () => {
			const sandbox = await sandboxFor("http://127.0.0.1:9");
			const system = path.join(sandbox.root, "etc", "zshrc");
			await mkdir(path.dirname(system));
			await writeFile(system, "# system-wide\n", { mode: 0o644 });
			await symlink(system, path.join(sandbox.home, ".zshrc"));
			const { report, text } = await runIn(sandbox, KEY, { targets: ["zsh"], verify: false, yes: true });
			expect(report).toMatchObject({ ok: false, exitCode: 6 });
			expect(text.replace(/\s+/g, " ")).toContain("Run as root, claude-setup writes only inside");
			expect(await readFile(system, "utf8")).toBe("# system-wide\n");
		},
	);
});
