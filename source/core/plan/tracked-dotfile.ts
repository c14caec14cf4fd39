// Is a startup file under version control? A link into a dotfiles repository (GNU stow), a
// git work tree around it (a repo in $HOME), or yadm's repository: a secret written there
// ends up in commits and pushes. Facts come from real git through the injected runner.
import { runGit } from "../edit/git.js";
import { gitFacts, isIgnored, isTracked } from "../edit/gitignore.js";
import { pathsFor, xdgFolder } from "../platform/paths.js";
import type { System } from "../system.js";
import { displayPath } from "./targets.js";

export interface DotfileFacts {
	readonly path: string;
	/** The file after following links (the path itself when it is not a link). */
	readonly realPath: string;
	readonly isSymlink: boolean;
	/** `git rev-parse --show-toplevel` in the real file's folder; undefined outside a work tree. */
	readonly root?: string;
	readonly tracked: boolean;
	readonly ignored: boolean;
	/** yadm's repository holds the file (yadm keeps a bare repo, invisible to rev-parse). */
	readonly yadm: boolean;
	/** chezmoi's source folder has the file (chezmoi copies it: no link, no work tree here). */
	readonly chezmoi?: boolean;
}

export interface TrackedDotfile {
	readonly path: string;
	readonly display: string;
	readonly via: "symlink" | "work-tree" | "yadm" | "chezmoi";
	/** The repository, as shown to the person. */
	readonly repository: string;
	/** One sentence: why a secret should not go in this file. */
	readonly why: string;
	/** The plan keeps the key out of it: only a line that sources the private file goes in. */
	readonly private: boolean;
}

/** Pure: the facts git gave → whether (and why) the file counts as under version control. */
export function decideTracked(
	facts: DotfileFacts,
	home: string,
): Omit<TrackedDotfile, "private"> | undefined {
	const display = displayPath(facts.path, home);
	if (facts.yadm) {
		return { path: facts.path, display, via: "yadm", repository: "yadm", why: `yadm tracks ${display}` };
	}
	if (facts.chezmoi) {
		const why = `chezmoi manages ${display} (a \`chezmoi re-add\` would copy the key into its repository)`;
		return { path: facts.path, display, via: "chezmoi", repository: "chezmoi", why };
	}
	// An ignored, untracked file in a work tree never reaches a commit.
	if (facts.root === undefined || (facts.ignored && !facts.tracked)) return undefined;
	const repository = displayPath(facts.root, home);
	const state = facts.tracked ? "tracked" : "not ignored";
	if (facts.isSymlink) {
		const why = `${display} is a link into the git repository ${repository} (${state})`;
		return { path: facts.path, display, via: "symlink", repository, why };
	}
	const why = `${display} is inside the git repository ${repository} (${state})`;
	return { path: facts.path, display, via: "work-tree", repository, why };
}

// One answer per folder and run: detection asks about the home folder while the key is
// pasted, so planning after Enter does not wait for git.
const rootsFound = new WeakMap<System, Map<string, Promise<string | undefined>>>();

/** The git work tree holding `folder`, if any; asked once per run. */
export function gitRoot(system: System, folder: string): Promise<string | undefined> {
	const roots = rootsFound.get(system) ?? new Map<string, Promise<string | undefined>>();
	rootsFound.set(system, roots);
	const root = roots.get(folder) ?? gitFacts(system.run, folder).then((facts) => facts.root);
	roots.set(folder, root);
	return root;
}

/** The nearest folder that exists: fish's conf.d may not be there yet. */
async function existingFolder(system: System, file: string): Promise<string> {
	const { dirname } = pathsFor(system.platform);
	let folder = dirname(file);
	for (let hops = 0; hops < 64; hops++) {
		const info = await system.fs.info(folder).catch(() => undefined);
		if (info?.isDirectory) return folder;
		const parent = dirname(folder);
		if (parent === folder) break;
		folder = parent;
	}
	return folder;
}

/** `${XDG_DATA_HOME:-~/.local/share}`, where yadm and chezmoi keep their repositories. */
function dataHome(system: System): string {
	return xdgFolder(system.env, "XDG_DATA_HOME", system.homeDir, system.platform);
}

async function inYadm(system: System, file: string): Promise<boolean> {
	const repo = pathsFor(system.platform).join(dataHome(system), "yadm", "repo.git");
	if (!(await system.fs.info(repo).catch(() => undefined))?.isDirectory) return false;
	const args = [
		`--git-dir=${repo}`,
		`--work-tree=${system.homeDir}`,
		"ls-files",
		"--error-unmatch",
		"--",
		file,
	];
	const result = await runGit(system.run, args);
	return result?.exitCode === 0;
}

/** chezmoi's attribute prefixes and template suffix around a source name (dot_zshrc). */
const CHEZMOI_NAME =
	/^(?:(?:after|before|create|empty|encrypted|exact|executable|literal|modify|once|onchange|private|readonly|remove|run|symlink)_)*(.*?)(?:\.tmpl|\.literal)?$/;

/** Whether `~/.local/share/chezmoi` (or $XDG_DATA_HOME) has a source for this home file. */
async function inChezmoi(system: System, file: string): Promise<boolean> {
	const { join, relative, sep } = pathsFor(system.platform);
	let folder = join(dataHome(system), "chezmoi");
	const parts = relative(system.homeDir, file).split(sep);
	if (parts[0] === ".." || parts.length === 0) return false;
	for (const [index, part] of parts.entries()) {
		const wanted = part.startsWith(".") ? `dot_${part.slice(1)}` : part;
		const names = await system.fs.list(folder).catch(() => [] as string[]);
		const match = names.find((name) => CHEZMOI_NAME.exec(name)?.[1] === wanted);
		if (match === undefined) return false;
		if (index === parts.length - 1) return true;
		folder = join(folder, match);
	}
	return false;
}

/** Asks git about the file where it really lives (a link is followed to its target). */
async function gatherDotfileFacts(system: System, path: string): Promise<DotfileFacts> {
	const info = await system.fs.info(path).catch(() => undefined);
	const realPath = info?.realPath ?? path;
	const root = await gitRoot(system, await existingFolder(system, realPath));
	const inRoot = root !== undefined && info !== undefined;
	return {
		path,
		realPath,
		isSymlink: info?.isSymlink ?? false,
		root,
		tracked: inRoot && (await isTracked(system.run, realPath)),
		ignored: root !== undefined && (await isIgnored(system.run, realPath)),
		yadm: await inYadm(system, path),
		chezmoi: await inChezmoi(system, path),
	};
}

export async function findTrackedDotfile(
	system: System,
	path: string,
): Promise<Omit<TrackedDotfile, "private"> | undefined> {
	return decideTracked(await gatherDotfileFacts(system, path), system.homeDir);
}
