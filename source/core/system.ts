// The one seam between claude-setup's logic and the outside world. Everything under
// source/core takes a System (or a part of it) instead of importing fs, child_process or
// the SDK, so tests can run it against temp dirs, real shells and a fake API.

export type Env = Readonly<Record<string, string | undefined>>;

export interface FileInfo {
	/** The path that was asked about is a symbolic link (it is followed for everything else). */
	readonly isSymlink: boolean;
	readonly isFile: boolean;
	readonly isDirectory: boolean;
	/** Permission bits, e.g. 0o644. */
	readonly mode: number;
	/** The final path after following links. */
	readonly realPath: string;
	/** The owner of the file after following links (POSIX; absent where unknown). */
	readonly uid?: number;
}

/**
 * What the file system refuses, the same for every caller: only regular files (after following
 * links) are read or written — a FIFO would block forever, /dev/zero never ends — reads stop at
 * `maxBytes`, and every read and write has a deadline. Each refusal is an error with a `code`.
 */
export const FILE_LIMITS = {
	maxBytes: 4 * 1024 * 1024,
	readMs: 10_000,
	writeMs: 30_000,
	/** A FIFO, device, socket or folder where a file was expected. */
	notRegularCode: "ENOTREGULAR",
	/** Larger than maxBytes. */
	tooLargeCode: "EFBIG",
	/** The deadline passed. */
	timedOutCode: "ETIMEDOUT",
} as const;

export interface FileSystem {
	/** The bytes of a regular file, or undefined when nothing is there; see FILE_LIMITS. */
	read(path: string): Promise<Uint8Array | undefined>;
	/** lstat + realpath; undefined when nothing is there. */
	info(path: string): Promise<FileInfo | undefined>;
	/**
	 * Replace a file's content atomically (temp file in the same folder, fsync, rename).
	 * Follows symlinks so the link stays a link; keeps an existing file's mode;
	 * a new file gets `modeIfNew`; `mode`, when given, is the file's mode afterwards, new or not
	 * (a startup file others could read is made 0600). Refuses anything but a regular file (FILE_LIMITS).
	 */
	writeAtomic(path: string, data: Uint8Array, modeIfNew: number, mode?: number): Promise<void>;
	/** mkdir -p with the given mode for folders it creates. */
	makeDirectory(path: string, mode: number): Promise<void>;
	remove(path: string): Promise<void>;
	list(path: string): Promise<string[]>;
}

export interface RunOptions {
	readonly cwd?: string;
	/** The child's whole environment (not merged with ours); the runner drops every credential from it. */
	readonly env?: Env;
	/** Written to the child's standard input, then closed. Secrets go here, never in args. */
	readonly input?: string;
	readonly timeoutMs?: number;
}

export interface RunResult {
	/** undefined when the program could not be started (not installed) or was killed. */
	readonly exitCode: number | undefined;
	readonly stdout: string;
	readonly stderr: string;
	readonly notFound: boolean;
	readonly timedOut: boolean;
}

export type RunCommand = (
	command: string,
	args: readonly string[],
	options?: RunOptions,
) => Promise<RunResult>;

/** Runs a program attached to this terminal (`claude-setup run`); resolves when it ends. */
export type RunAttached = (
	command: string,
	args: readonly string[],
	env: Env,
) => Promise<{ readonly exitCode: number; readonly notFound: boolean; readonly signal?: string }>;

/** What an HTTP call to the Anthropic API came back with, as data. */
export type ApiFailure =
	| {
			readonly kind: "http";
			readonly status: number;
			readonly type?: string;
			readonly message?: string;
			readonly errorCode?: string;
			readonly requestId?: string;
			readonly retryAfterSeconds?: number;
			/** A redirect's target (3xx), never followed: the key stays with the first origin. */
			readonly location?: string;
	  }
	| { readonly kind: "connection"; readonly code?: string; readonly message: string }
	| { readonly kind: "timeout" }
	/** No request was made: the key may not go to that address (core/destination says why). */
	| {
			readonly kind: "refused";
			readonly title: string;
			readonly why: string;
			readonly next: readonly string[];
	  };

export type ApiResult<T> =
	| { readonly ok: true; readonly value: T; readonly requestId?: string; readonly ms: number }
	| { readonly ok: false; readonly failure: ApiFailure; readonly ms: number };

export interface ModelInfo {
	readonly id: string;
	readonly displayName?: string;
	readonly createdAt?: string;
}

export interface MessageReply {
	readonly model: string;
	readonly text: string;
}

export interface AnthropicApi {
	listModels(apiKey: string): Promise<ApiResult<ModelInfo[]>>;
	sendTestMessage(apiKey: string, model: string): Promise<ApiResult<MessageReply>>;
	/** Opens a connection to the API, without the key, for the checks to reuse. */
	preconnect?(): void;
	/**
	 * The person said yes to sending the key to `origin` (a host other than Anthropic's, which
	 * core/destination asks about); until then no request goes there.
	 */
	consent?(origin: string): void;
	/** Gives up on every request still in flight (the wizard is over). */
	close?(): void;
}

/** Held while claude-setup changes files, so two runs never interleave their writes. */
export interface HeldLock {
	release(): Promise<void>;
}

export type LockResult =
	| { readonly ok: true; readonly lock: HeldLock }
	/** busy: another live claude-setup holds it; stopping: this process is being interrupted. */
	| { readonly ok: false; readonly reason: "busy" | "stopping"; readonly holderPid?: number };

/** Takes the exclusive lock file at `path` (its folder exists), waiting briefly for a holder. */
export type AcquireLock = (path: string) => Promise<LockResult>;

export interface System {
	readonly platform: NodeJS.Platform;
	readonly env: Env;
	readonly homeDir: string;
	readonly cwd: string;
	/** This process's user id (POSIX); absent on Windows and in fakes that do not model owners. */
	readonly userId?: number;
	readonly fs: FileSystem;
	readonly run: RunCommand;
	/** `claude-setup run`: a command on this terminal. Fakes may leave it out. */
	readonly runAttached?: RunAttached;
	readonly api: AnthropicApi;
	/** One writer at a time across processes. Fakes that live in one process may leave it out. */
	readonly lock?: AcquireLock;
	/** Milliseconds; injected so durations and backup names are deterministic in tests. */
	now(): number;
}
