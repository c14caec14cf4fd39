// Distinct, documented exit codes (README "Exit codes"). Scripts branch on them.
export const ExitCode = {
	ok: 0,
	/** Something we did not expect; the message says where to report it. */
	unexpected: 1,
	/** Bad flags, or no terminal and no --key-stdin. */
	usage: 2,
	/** The key is malformed or is not an Anthropic API key. */
	badKey: 3,
	/** The API refused the key (401/403). */
	keyRejected: 4,
	/** The API could not be reached (network, DNS, proxy, TLS, timeout). */
	unreachable: 5,
	/** A file could not be written; nothing was changed. */
	writeFailed: 6,
	/** Saved, but not proven: a fresh shell did not see the key, or the live test failed for another reason. */
	notProven: 7,
	/** Cancelled by the user (Ctrl-C, Esc, or "no" at the preview). */
	cancelled: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
