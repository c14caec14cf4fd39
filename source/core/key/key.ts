// Cleans, classifies and masks a pasted Anthropic key. Pure: no I/O. Messages and hints
// never contain the key or any part of it: at most a length or a character position.
import { BIDI_CONTROL } from "../text/visible.js";
import { type Cleaned, cleanKey, ELISION, isQuote } from "./clean.js";

export { type Cleaned, cleanKey };

export type KeyKind =
	| "api-key"
	| "oauth-token"
	| "admin-key"
	| "compliance-key"
	| "openai"
	| "aws"
	| "google"
	| "github"
	| "unknown";

type FailKind = KeyKind | "empty" | "bad-characters" | "wrong-length" | "elided";
type Fixes = readonly string[];
interface Accepted<Kind, Variable> {
	ok: true;
	kind: Kind;
	key: string;
	/** The environment variable the key belongs in. */
	variable: Variable;
	fixes: Fixes;
}
type Failure = {
	ok: false;
	kind: FailKind;
	message: string;
	hint: string;
	fixes: Fixes;
};

export type KeyCheck =
	| Accepted<"api-key", "ANTHROPIC_API_KEY">
	| (Accepted<"oauth-token", "CLAUDE_CODE_OAUTH_TOKEN"> & { note: string })
	| Failure;

export const API_KEY_LENGTH = 108;

const API_KEY_PREFIX = "sk-ant-api03-";
const OAUTH_PREFIX = "sk-ant-oat01-";
/** Real tokens are far longer; below this the paste was surely cut off. */
const OAUTH_MIN_LENGTH = 40;
const CONSOLE = "console.anthropic.com → API keys";
const CREATE_ONE = `Create an Anthropic key at ${CONSOLE}.`;

const KEY_CHARACTERS = /^[A-Za-z0-9_-]+$/;

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** What kind of character it is, for "a space at character 12"; never its neighbours. */
function describeCharacter(character: string): string {
	if (character === " ") return "a space";
	if (character === "\t") return "a tab";
	if (BIDI_CONTROL.test(character)) return "an invisible text-direction mark";
	if (INVISIBLE.test(character) || /\p{Cf}/u.test(character)) return "an invisible character";
	if (/\s/.test(character)) return "an unusual space";
	if (/\p{Cc}/u.test(character)) return "a control character";
	if (character === "`") return "a backtick (a shell character)";
	if (isQuote(character)) return "a quote";
	if ("$;|&<>(){}[]\\!*?#~".includes(character)) {
		return `a shell character (${character})`;
	}
	if (/\p{Extended_Pictographic}/u.test(character)) return "an emoji";
	if (/[\p{Pd}\u2212]/u.test(character)) return "a long dash or minus sign";
	if (/\p{L}/u.test(character)) return "a non-ASCII look-alike letter";
	if (/\p{N}/u.test(character)) return "a non-ASCII digit";
	if (character >= "!" && character <= "~") return `a "${character}" character`;
	return "a non-ASCII character";
}

function fail(kind: FailKind, message: string, hint: string, fixes: Fixes) {
	return { ok: false, kind, message, hint, fixes } satisfies Failure;
}

function badCharacters(key: string, fixes: Fixes): Failure | undefined {
	if (KEY_CHARACTERS.test(key)) return undefined;
	const characters = Array.from(key);
	const index = characters.findIndex((c) => !KEY_CHARACTERS.test(c));
	const what = describeCharacter(characters[index] ?? "");
	const where = `character ${index + 1} of ${characters.length}`;
	const hint =
		key.indexOf("sk-ant-") > 0
			? "Paste just the key: it starts with sk-ant-."
			: "A key is one word of letters, digits, - and _: copy it in one piece.";
	return fail("bad-characters", `The key has ${what} at ${where}.`, hint, fixes);
}

function apiKeyLength(key: string, fixes: Fixes): Failure {
	const count = `${key.length} of ${API_KEY_LENGTH} characters`;
	if (key.length < API_KEY_LENGTH) {
		const hint = `Copy the whole key again, or create a new one at ${CONSOLE}.`;
		const message = `Probably cut off when copying (${count}).`;
		return fail("wrong-length", message, hint, fixes);
	}
	if (key.indexOf("sk-ant-", 1) !== -1) {
		const message = `Looks like two keys pasted together (${count}).`;
		return fail("wrong-length", message, "Paste just one key.", fixes);
	}
	const message = `Too long (${count}): probably two pastes joined, or extra text.`;
	const hint = "Paste just the key, with nothing before or after it.";
	return fail("wrong-length", message, hint, fixes);
}

const CREATE_REGULAR = `Create a regular API key at ${CONSOLE}.`;
const notAnthropic = (what: string) => `This is ${what}, not an Anthropic key.`;

// Credentials that are not an Anthropic API key, by prefix: [kind, test, message, hint].
const OTHER_KEYS: readonly (readonly [FailKind, RegExp, string, string])[] = [
	[
		"admin-key",
		/^sk-ant-admin01-/,
		"This is an Admin key: it works only for the Admin API, not the Messages API.",
		CREATE_REGULAR,
	],
	[
		"compliance-key",
		/^sk-ant-api01-/,
		"This is a Compliance API key: it can't call the Messages API.",
		CREATE_REGULAR,
	],
	[
		"unknown",
		/^sk-ant-sid01-/,
		"This is a claude.ai session cookie, not an API key.",
		`Don't share it. ${CREATE_ONE}`,
	],
	[
		"unknown",
		/^sk-ant-/,
		"This Anthropic credential is not an API key (those start with sk-ant-api03-).",
		CREATE_ONE,
	],
	["unknown", /^sk-or-/, notAnthropic("an OpenRouter key"), CREATE_ONE],
	["openai", /^sk-/, notAnthropic("an OpenAI key"), CREATE_ONE],
	[
		"aws",
		/^(?:AKIA|ASIA)[A-Z0-9]{16}$/,
		notAnthropic("an AWS access key"),
		`Amazon Bedrock uses AWS credentials, not this key. ${CREATE_ONE}`,
	],
	[
		"google",
		/^AIza/,
		notAnthropic("a Google API key"),
		`Vertex AI uses Google Cloud credentials. ${CREATE_ONE}`,
	],
	["github", /^(?:gh[pousr]_|github_pat_)/, notAnthropic("a GitHub token"), CREATE_ONE],
];

const OAUTH_NOTE =
	"A Claude Code token from `claude setup-token`, not an API key: it goes in CLAUDE_CODE_OAUTH_TOKEN (the API refuses it as an API key).";

export function checkKey(raw: string): KeyCheck {
	const { key, fixes } = cleanKey(raw);
	if (key === "") {
		const hint = `It starts with sk-ant-api03-; create one at ${CONSOLE}.`;
		return fail("empty", "Paste your Anthropic API key.", hint, fixes);
	}
	if (ELISION.test(key)) {
		const message = "Copied from a list that hides part of the key.";
		const hint = `The full key is shown only once, when created: create a new one at ${CONSOLE}.`;
		return fail("elided", message, hint, fixes);
	}
	// An AWS secret access key (40 characters with / or +): say what it is, not where its "/" is.
	if (/^[A-Za-z0-9/+]{40}$/.test(key) && /[/+]/.test(key)) {
		const hint = `Amazon Bedrock uses AWS credentials, not this key. ${CREATE_ONE}`;
		return fail("aws", notAnthropic("an AWS secret access key"), hint, fixes);
	}
	// Before any prefix check, so nothing with a shell character is ever accepted.
	const bad = badCharacters(key, fixes);
	if (bad) return bad;
	if (key.startsWith(API_KEY_PREFIX) || API_KEY_PREFIX.startsWith(key)) {
		if (key.length !== API_KEY_LENGTH) return apiKeyLength(key, fixes);
		return {
			ok: true,
			kind: "api-key",
			key,
			variable: "ANTHROPIC_API_KEY",
			fixes,
		};
	}
	if (key.startsWith(OAUTH_PREFIX)) {
		if (key.length < OAUTH_MIN_LENGTH) {
			const message = `This Claude Code token looks cut off (${key.length} characters).`;
			const hint = "Copy the whole token again, or run `claude setup-token`.";
			return fail("wrong-length", message, hint, fixes);
		}
		const variable = "CLAUDE_CODE_OAUTH_TOKEN";
		return {
			ok: true,
			kind: "oauth-token",
			key,
			variable,
			fixes,
			note: OAUTH_NOTE,
		};
	}
	for (const [kind, test, message, hint] of OTHER_KEYS) {
		if (test.test(key)) return fail(kind, message, hint, fixes);
	}
	const message = `This doesn't look like an Anthropic key (they start with ${API_KEY_PREFIX}).`;
	return fail("unknown", message, `Copy it from ${CONSOLE}.`, fixes);
}

const MASK_PREFIX = /^sk-ant-[a-z]{3,5}\d\d-/;
const printable = (part: string[]) => part.map((c) => (/^[!-~]$/.test(c) ? c : "?")).join("");

/** At most a known prefix (or 3 characters) and the last 4; a short secret shows nothing. */
export function maskKey(key: string): string {
	const text = typeof key === "string" ? key : "";
	const characters = Array.from(text);
	const last4 = printable(characters.slice(-4));
	const prefix = MASK_PREFIX.exec(text)?.[0];
	if (prefix !== undefined) {
		return characters.length - prefix.length >= 12 ? `${prefix}…${last4}` : `${prefix}…`;
	}
	if (characters.length < 12) return "…";
	return `${printable(characters.slice(0, 3))}…${last4}`;
}
