// Whose file is it, who else can read it, and where does a link lead? Decided from FileSystem.info
// before anything is written: a file of another user (or, as root, one outside root's home) is
// refused, a read-only link into Nix's store gets directions instead, a link out of the home is
// named (and needs a yes), and a startup file that others can read is made 0600.
import type { FileInfo } from "../system.js";

export interface AccessFacts {
	readonly display: string;
	/** undefined when the file does not exist yet (it is then created 0600). */
	readonly info: FileInfo | undefined;
	/** The home folder, as given and after following links. */
	readonly homes: readonly string[];
	readonly userId?: number;
	/**
	 * A shell startup file or profile that will hold the key (not a .env, not one whose old lines
	 * are only commented out), on a system with POSIX modes.
	 */
	readonly holdsKeyInStartupFile: boolean;
	/** A file in the home folder (a startup file), not a project's .env: a link out of home is named. */
	readonly homeFile: boolean;
	/** Set by the person: leave the mode as it is. */
	readonly keepMode?: boolean;
}

export interface Access {
	/** The mode now and the one it gets: group and others lose every permission. */
	readonly modeChange?: { readonly from: number; readonly to: number };
	/** Where a link outside the home leads (the key goes there). */
	readonly linkOutsideHome?: string;
	/** For the preview and the headless output. */
	readonly notes: readonly string[];
}

export type AccessDecision =
	| ({ readonly ok: true } & Access)
	| { readonly ok: false; readonly message: string };

const NIX_STORE = "/nix/store/";

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function inside(file: string, folders: readonly string[]): boolean {
	return folders.some((folder) => {
		const base = folder.replace(/[\\/]+$/, "");
		return base !== "" && (file.startsWith(`${base}/`) || file.startsWith(`${base}\\`));
	});
}

export function decideAccess(facts: AccessFacts): AccessDecision {
	const { info, display } = facts;
	if (info === undefined) return { ok: true, notes: [] };
	const real = info.realPath;
	const leads = info.isSymlink ? `${display} is a link to ${real}, which` : display;
	if (real.startsWith(NIX_STORE)) {
		return {
			ok: false,
			message: `${display} is a read-only link into the Nix store (home-manager manages it), so claude-setup cannot change it, and a key in your Nix configuration would be copied into the world-readable store. Keep the key outside the store and let home-manager load it: add \`set -a; [ -f ~/.config/anthropic.env ] && . ~/.config/anthropic.env; set +a\` to programs.zsh.initExtra (or programs.bash.initExtra), run \`home-manager switch\`, then save the key there with \`claude-setup --target dotenv --dotenv-file ~/.config/anthropic.env\`.`,
		};
	}
	if (facts.userId !== undefined && info.uid !== undefined && info.uid !== facts.userId) {
		return {
			ok: false,
			message: `${leads} belongs to another user (uid ${info.uid}), not to you: claude-setup does not write into other people's files. Choose another target, or replace ${display} with a file of your own.`,
		};
	}
	const outside = !inside(real, facts.homes);
	if (facts.userId === 0 && outside && facts.holdsKeyInStartupFile) {
		return {
			ok: false,
			message: `${leads} is outside root's home folder. Run as root, claude-setup writes only inside ${facts.homes[0] ?? "the home folder"}, never a system file. Replace the link with a file of root's own, or choose another target.`,
		};
	}
	const notes: string[] = [];
	const linkOutsideHome = facts.homeFile && info.isSymlink && outside ? real : undefined;
	if (linkOutsideHome)
		notes.push(`${display} is a link to ${real}, outside your home folder: the key goes there.`);
	const readable = (info.mode & 0o044) !== 0;
	if (!facts.holdsKeyInStartupFile || !readable) return { ok: true, notes, linkOutsideHome };
	if (facts.keepMode) {
		notes.push(`${display} can be read by other users (${octal(info.mode)}); its mode is kept as you chose.`);
		return { ok: true, notes, linkOutsideHome };
	}
	const to = info.mode & 0o7700;
	notes.push(
		`${display} can be read by other users (${octal(info.mode)}): it is made ${octal(to)}, readable only by you.`,
	);
	return { ok: true, notes, linkOutsideHome, modeChange: { from: info.mode & 0o7777, to } };
}
