// The platform tools that hold the key, as data: which program, which arguments (never the
// value), what goes on standard input. Other tools can find the item by the same names.

export type KeychainKind = "secret-service" | "macos-keychain";

/** The service name every item of ours carries; the account is the variable's name. */
export const KEYCHAIN_SERVICE = "claude-setup";
/** The probe's item: stored, read back and deleted before the keychain is offered. */
export const PROBE_ACCOUNT = "claude-setup-probe";

export interface ToolCall {
	readonly command: string;
	readonly args: readonly string[];
	/** Standard input: the secret, when there is one. */
	readonly input?: string;
}

export interface StoreCommands {
	readonly kind: KeychainKind;
	/** For people: "the Secret Service (GNOME Keyring, KWallet)". */
	readonly name: string;
	readonly tool: string;
	store(account: string, value: string): ToolCall;
	lookup(account: string): ToolCall;
	remove(account: string): ToolCall;
	/** Lists the item without its secret: tells "locked" from "nothing stored". */
	search?(account: string): ToolCall;
}

const secretService: StoreCommands = {
	kind: "secret-service",
	name: "the Secret Service (GNOME Keyring, KWallet)",
	tool: "secret-tool",
	store: (account, value) => ({
		command: "secret-tool",
		args: ["store", `--label=claude-setup: ${account}`, "service", KEYCHAIN_SERVICE, "account", account],
		input: value,
	}),
	lookup: (account) => ({
		command: "secret-tool",
		args: ["lookup", "service", KEYCHAIN_SERVICE, "account", account],
	}),
	remove: (account) => ({
		command: "secret-tool",
		args: ["clear", "service", KEYCHAIN_SERVICE, "account", account],
	}),
	search: (account) => ({
		command: "secret-tool",
		args: ["search", "--all", "service", KEYCHAIN_SERVICE, "account", account],
	}),
};

const macosKeychain: StoreCommands = {
	kind: "macos-keychain",
	name: "the macOS Keychain",
	tool: "security",
	// A bare -w as the last argument makes security prompt for the password (and its retype)
	// on standard input; `-w <value>` would put the key in argv, visible to every process.
	store: (account, value) => ({
		command: "security",
		args: ["add-generic-password", "-U", "-s", KEYCHAIN_SERVICE, "-a", account, "-w"],
		input: `${value}\n${value}\n`,
	}),
	lookup: (account) => ({
		command: "security",
		args: ["find-generic-password", "-s", KEYCHAIN_SERVICE, "-a", account, "-w"],
	}),
	remove: (account) => ({
		command: "security",
		args: ["delete-generic-password", "-s", KEYCHAIN_SERVICE, "-a", account],
	}),
};

/** The store of this system; undefined on Windows (see windows-why.ts). */
export function storeCommandsFor(platform: NodeJS.Platform): StoreCommands | undefined {
	if (platform === "darwin") return macosKeychain;
	if (platform === "win32") return undefined;
	return secretService;
}
