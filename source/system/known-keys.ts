// Every key this process has come to know — from the environment, the files it read, the
// commands it ran, what it sent to the API or wrote — so the output guard can mask each of
// them wherever it turns up, in whole or in part, prefixed or not.
import { CREDENTIAL_VARIABLES } from "../core/key/credential-variables.js";
import type { Env, System } from "../core/system.js";

const known = new Set<string>();
const SK_ANT_WORD = /sk-ant-[A-Za-z0-9_-]{8,}/g;
// A credential variable's value in any of the syntaxes we read: `NAME=value`, `NAME='value'`,
// `"NAME": "value"`, fish's `set -gx NAME value`, PowerShell's `$env:NAME = "value"`.
const ASSIGNED = new RegExp(
	`(?:${CREDENTIAL_VARIABLES.join("|")})["']?\\s*[=:\\s]\\s*["']?([A-Za-z0-9_-]{16,})`,
	"g",
);
/** Reading stops here: a key sits in startup files and JSON, not deep inside big blobs. */
const LEARN_LIMIT = 4 * 1024 * 1024;

/** Remembers one secret (a key we were given or send). */
export function learnKey(value: string | undefined): void {
	const trimmed = value?.trim();
	if (trimmed && trimmed.length >= 16) known.add(trimmed);
}

/** Remembers every key-shaped word and every credential variable's value in a text. */
export function learnKeysIn(text: string): void {
	if (!text.includes("sk-ant-") && !text.includes("_TOKEN") && !text.includes("_KEY")) return;
	const head = text.length > LEARN_LIMIT ? text.slice(0, LEARN_LIMIT) : text;
	for (const [word] of head.matchAll(SK_ANT_WORD)) known.add(word);
	for (const match of head.matchAll(ASSIGNED)) learnKey(match[1]);
}

/** The credential variables' values, and any key-shaped word in any other variable. */
export function learnEnvironment(env: Env): void {
	for (const name of CREDENTIAL_VARIABLES) learnKey(env[name]);
	for (const value of Object.values(env)) if (value) learnKeysIn(value);
}

export function knownKeys(): readonly string[] {
	return [...known];
}

function learnBytes(bytes: Uint8Array): void {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// Keys are ASCII: latin1 reads them from UTF-8 as they are; a PowerShell profile may be UTF-16.
	learnKeysIn(buffer.toString("latin1"));
	if (buffer.includes(0)) learnKeysIn(buffer.toString("utf16le"));
}

/** The same System, remembering every key it reads, writes, runs into or sends. */
export function learningKeys(system: System): System {
	const { fs, run, api } = system;
	return {
		...system,
		fs: {
			...fs,
			async read(path) {
				const bytes = await fs.read(path);
				if (bytes) learnBytes(bytes);
				return bytes;
			},
			async writeAtomic(path, data, ...modes) {
				learnBytes(data);
				return fs.writeAtomic(path, data, ...modes);
			},
		},
		async run(command, args, options) {
			learnKeysIn(options?.input ?? "");
			const result = await run(command, args, options);
			learnKeysIn(result.stdout);
			learnKeysIn(result.stderr);
			return result;
		},
		api: {
			...api,
			listModels(apiKey) {
				learnKey(apiKey);
				return api.listModels(apiKey);
			},
			sendTestMessage(apiKey, model) {
				learnKey(apiKey);
				return api.sendTestMessage(apiKey, model);
			},
		},
	};
}
