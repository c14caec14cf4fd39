// Reading what the scanners look at, and turning a found value into a Finding. A missing or
// unreadable file, or a folder, is simply skipped: status must never fail on someone's dotfiles.

import { findDefinitions } from "../edit/definitions.js";
import { KEYCHAIN_SHELL_VALUE } from "../keychain/consumers.js";
import type { FileSystem } from "../system.js";
import type { ShellSyntax } from "../text/shell-words.js";
import { decodeText } from "../text/text-encoding.js";
import { classifyValue } from "./classify.js";
import {
	type FileFormat,
	type Finding,
	SETTING_VARIABLES,
	type SettingVariable,
	type Source,
} from "./scan-types.js";

export interface Collector {
	readonly findings: Finding[];
	readonly scannedFiles: string[];
}

export function newCollector(): Collector {
	return { findings: [], scannedFiles: [] };
}

export function makeFinding(
	variable: SettingVariable,
	value: string,
	source: Source,
	managed = false,
): Finding {
	return { variable, value, ...classifyValue(variable, value), source, managed };
}

/**
 * The file's bytes, or undefined (missing, unreadable, or not a regular file: FileSystem.read
 * refuses a folder, a FIFO or a device, and anything too large). Records it as scanned.
 */
export async function readBytes(
	fs: FileSystem,
	path: string,
	collector: Collector,
): Promise<Uint8Array | undefined> {
	try {
		const bytes = await fs.read(path);
		if (bytes === undefined) return undefined;
		collector.scannedFiles.push(path);
		return bytes;
	} catch {
		return undefined;
	}
}

export async function readText(
	fs: FileSystem,
	path: string,
	collector: Collector,
): Promise<string | undefined> {
	const bytes = await readBytes(fs, path, collector);
	return bytes === undefined ? undefined : decodeText(bytes).text;
}

const SYNTAX: Readonly<Record<FileFormat, ShellSyntax | "dotenv">> = {
	zsh: "posix",
	bash: "posix",
	fish: "fish",
	powershell: "powershell",
	dotenv: "dotenv",
};

/** Every definition of every setting variable in one startup file or `.env`, by line. */
export async function scanFile(
	fs: FileSystem,
	path: string,
	display: string,
	format: FileFormat,
	collector: Collector,
): Promise<void> {
	const text = await readText(fs, path, collector);
	if (text === undefined) return;
	const found = SETTING_VARIABLES.flatMap((variable) =>
		findDefinitions(text, SYNTAX[format], variable).map((definition) => ({ variable, definition })),
	);
	found.sort((a, b) => a.definition.line - b.definition.line);
	for (const { variable, definition } of found) {
		// Our keychain block assigns what it looked up: the keychain holds the key, not this file.
		if (definition.insideOurBlock && definition.value === KEYCHAIN_SHELL_VALUE) continue;
		const source: Source = { kind: "file", path, display, line: definition.line, format };
		collector.findings.push(makeFinding(variable, definition.value, source, definition.insideOurBlock));
	}
}

/** The files in a folder whose names end in `suffix`, sorted as fish sources them. */
export async function listFiles(fs: FileSystem, folder: string, suffix: string): Promise<string[]> {
	try {
		const names = await fs.list(folder);
		return names.filter((name) => name.endsWith(suffix)).sort();
	} catch {
		return [];
	}
}
