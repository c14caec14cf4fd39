// Run through sudo, HOME is usually root's: the key would land in root's startup files,
// where the user's own shells never look (rustup refuses the same way: do_anti_sudo_check).
// With HOME kept as the user's, the files root creates there would be root's: refused too.

import type { Env, System } from "../system.js";
import { pathsFor } from "./paths.js";

export interface SudoFacts {
	readonly env: Env;
	/** The effective user id; undefined on Windows. */
	readonly uid: number | undefined;
	/** The home folder claude-setup would write to. */
	readonly home: string;
	/** The home of the user who ran sudo, from the user database; undefined when unknown. */
	readonly invokingUserHome?: string;
	/** root's own home from the user database (os.userInfo), when known. */
	readonly rootHome?: string;
}

const ROOT_HOMES = ["/root", "/var/root"];

/** The explanation to stop with, or undefined when it is safe to go on. */
export function sudoRefusal(facts: SudoFacts): string | undefined {
	const user = facts.env.SUDO_USER;
	if (facts.uid !== 0 || !user || user === "root") return undefined;
	const home = normalize(facts.home);
	const theirs = facts.invokingUserHome === undefined ? undefined : normalize(facts.invokingUserHome);
	const notTheirs =
		theirs !== undefined
			? home !== theirs
			: ROOT_HOMES.includes(home) || (facts.rootHome !== undefined && home === normalize(facts.rootHome));
	const where = theirs === undefined ? "" : ` (${theirs})`;
	const problem = notTheirs
		? [
				`claude-setup is running as root through sudo, so it would save the key in ${home}, not in ${user}'s home${where}.`,
				`${user}'s shells would never see it, and root's files would hold ${user}'s key.`,
			]
		: // HOME kept as the user's (macOS, sudo -E): what root creates there, root owns.
			[
				`claude-setup is running as root through sudo, so what it creates in ${home} would belong to root.`,
				`${user}'s own shells could not read a new startup file, and later runs as ${user} could not update it.`,
			];
	return [
		...problem,
		"Run it again without sudo: claude-setup needs no special rights to edit your own files.",
		"(To set up root's own shell on purpose, run it from a root login such as `su -`, without sudo.)",
	].join("\n");
}

function normalize(path: string): string {
	return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** The user database's home for `user` (`getent passwd`, or `dscl` on macOS); undefined when unknown. */
export async function homeOfUser(system: System, user: string): Promise<string | undefined> {
	// A user name from the environment goes to a child as one argument, never through a shell.
	if (!/^[A-Za-z0-9._][A-Za-z0-9._-]*\$?$/.test(user)) return undefined;
	if (system.platform === "darwin") {
		const result = await system.run("dscl", [".", "-read", `/Users/${user}`, "NFSHomeDirectory"], {
			timeoutMs: 3000,
		});
		const home = /NFSHomeDirectory:\s*(\S.*)$/m.exec(result.stdout)?.[1]?.trim();
		return result.exitCode === 0 && home ? home : undefined;
	}
	const result = await system.run("getent", ["passwd", user], { timeoutMs: 3000 });
	const home = result.stdout.trim().split(":")[5];
	return result.exitCode === 0 && home && pathsFor(system.platform).isAbsolute(home) ? home : undefined;
}

/** Gathers the facts (asking the user database only when it matters) and decides. */
export async function checkSudo(
	system: System,
	uid: number | undefined,
	rootHome?: () => string | undefined,
): Promise<string | undefined> {
	const user = system.env.SUDO_USER;
	if (uid !== 0 || !user || user === "root") return undefined;
	const invokingUserHome = await homeOfUser(system, user).catch(() => undefined);
	const facts = { env: system.env, uid, home: system.homeDir, invokingUserHome, rootHome: rootHome?.() };
	return sudoRefusal(facts);
}
