// The leak audit's recorder: a System whose every child process (command, arguments, explicit
// environment, standard input) and every atomic write is recorded, and a watcher that sees
// the names of the temp files a write makes, so a test can assert the key is in none of them.
import { type FSWatcher, watch } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RunCommand, System } from "../../source/core/system.js";
import type { RecordedCall } from "./scripted-runner.js";
import type { TempSystem } from "./temp-system.js";

export interface Recorder {
	readonly sandbox: TempSystem;
	readonly calls: RecordedCall[];
	/** Paths passed to writeAtomic. */
	readonly written: string[];
}

/** The same sandbox, with a System that records every command it runs and every file it writes. */
export function recording(sandbox: TempSystem): Recorder {
	const calls: RecordedCall[] = [];
	const written: string[] = [];
	const inner = sandbox.system;
	const run: RunCommand = (command, args, options = {}) => {
		calls.push({
			command,
			args: [...args],
			...(options.input === undefined ? {} : { input: options.input }),
			...(options.env === undefined ? {} : { env: options.env }),
		});
		return inner.run(command, args, options);
	};
	const fs: System["fs"] = {
		...inner.fs,
		writeAtomic: (file, data, modeIfNew, mode) => {
			written.push(file);
			return inner.fs.writeAtomic(file, data, modeIfNew, mode);
		},
	};
	return { sandbox: { ...sandbox, system: { ...inner, run, fs } }, calls, written };
}

/** Every name an inotify watch saw in the folders, until stop() (which flushes the events first). */
export function watchNames(folders: readonly string[]): { names: Set<string>; stop: () => Promise<void> } {
	const names = new Set<string>();
	const flushes = new Map<string, () => void>();
	const watchers: FSWatcher[] = folders.map((folder) =>
		watch(folder, (_event, name) => {
			if (name === null) return;
			names.add(name);
			flushes.get(path.join(folder, name))?.();
		}),
	);
	return {
		names,
		async stop() {
			// Events arrive in order: once our own marker's event is seen, every earlier one was.
			await Promise.all(
				folders.map(async (folder, index) => {
					const marker = path.join(folder, `.leak-audit-flush-${index}`);
					const seen = new Promise<void>((resolve) => flushes.set(marker, resolve));
					await writeFile(marker, "");
					await seen;
					await rm(marker, { force: true });
				}),
			);
			for (const watcher of watchers) watcher.close();
		},
	};
}

/** Every file and folder name under `root`, relative to it. */
export async function namesUnder(root: string): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries.map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** claude-setup's record of what it wrote (never a secret), or "" when there is none. */
export async function manifestText(home: string): Promise<string> {
	return readFile(path.join(home, ".local/state/claude-setup/written.json"), "utf8").catch(() => "");
}

/** Where the secret shows up in child processes: command, arguments, explicit environment, input. */
export function childLeaks(calls: readonly RecordedCall[], secret: string): string[] {
	const places: string[] = [];
	calls.forEach((call, index) => {
		const where = (part: string, text: string | undefined) => {
			if (text?.includes(secret)) places.push(`call ${index} (${call.command}) ${part}`);
		};
		where("command", call.command);
		for (const [position, arg] of call.args.entries()) where(`arg ${position}`, arg);
		for (const [name, value] of Object.entries(call.env ?? {})) where(`env ${name}`, value);
		where("stdin", call.input);
	});
	return places;
}
