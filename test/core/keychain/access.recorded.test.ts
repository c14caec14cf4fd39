// The macOS Keychain through `security`, and Windows, without the real tools: `security`'s
// answers as recorded on macOS (exit codes are its OSStatus' low byte: errSecItemNotFound
// -25300 → 44, errSecInteractionNotAllowed -25308 → 36). Not proven by the real tool here.
import { describe, expect, it } from "vitest";
import { deleteKey, probeKeychain, readKey, storeKey } from "../../../source/core/keychain/access.js";
import { apiKeyHelperCommand, keychainShellLine } from "../../../source/core/keychain/consumers.js";
import { storeCommandsFor } from "../../../source/core/keychain/store-commands.js";
import type { RunCommand, RunOptions, RunResult, System } from "../../../source/core/system.js";
import { testKey } from "../../helpers/temp-system.js";

const KEY = testKey("MacKeychainSecret");
const NOT_FOUND =
	"security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.\n";
const LOCKED = "security: SecKeychainItemCreateFromContent (<default>): User interaction is not allowed.\n";

type Call = { command: string; args: readonly string[]; options?: RunOptions };
const answer = (exitCode: number, stdout = "", stderr = ""): RunResult => ({
	exitCode,
	stdout,
	stderr,
	notFound: false,
	timedOut: false,
});

/** A macOS whose login keychain is unlocked (or `locked`), remembering what was stored. */
function recordedMac(locked = false): { system: System; calls: Call[] } {
	const items = new Map<string, string>();
	const calls: Call[] = [];
	const run: RunCommand = async (command, args, options) => {
		calls.push({ command, args, options });
		const account = args[args.indexOf("-a") + 1] ?? "";
		switch (args[0]) {
			case "add-generic-password": {
				if (locked) return answer(36, "", LOCKED);
				// security prompts for the password and its retype on stdin.
				const [first, again] = (options?.input ?? "").split("\n");
				if (first !== again) return answer(1, "", "security: passwords don't match\n");
				items.set(account, first ?? "");
				return answer(0);
			}
			case "find-generic-password":
				if (locked)
					return answer(36, "", LOCKED.replace("ItemCreateFromContent (<default>)", "ItemCopyContent"));
				return items.has(account) ? answer(0, `${items.get(account)}\n`) : answer(44, "", NOT_FOUND);
			case "delete-generic-password":
				return items.delete(account) ? answer(0, "password has been deleted.\n") : answer(44, "", NOT_FOUND);
			default:
				return answer(1, "", "security: unknown command\n");
		}
	};
	const system = { platform: "darwin", env: { HOME: "/Users/ada" }, run, now: () => 0 } as unknown as System;
	return { system, calls };
}

const mac = storeCommandsFor("darwin");
if (!mac) throw new Error("macOS has a store");

describe("the macOS Keychain (recorded answers of security)", () => {
	it("is probed, stores from standard input (never -w <value>), reads back, deletes", async () => {
		const { system, calls } = recordedMac();
		expect(await probeKeychain(system)).toMatchObject({ ok: true, store: { kind: "macos-keychain" } });
		expect(await storeKey(system, mac, "ANTHROPIC_API_KEY", KEY)).toEqual({ ok: true });
		expect(await readKey(system, mac, "ANTHROPIC_API_KEY")).toEqual({ state: "stored", value: KEY });
		expect(await deleteKey(system, mac, "ANTHROPIC_API_KEY")).toEqual({ ok: true });
		expect(await readKey(system, mac, "ANTHROPIC_API_KEY")).toEqual({ state: "empty" });
		for (const call of calls) {
			expect(call.args.join(" ")).not.toContain("MacKeychainSecret");
			expect(call.options?.timeoutMs).toBe(2500);
		}
		const add = calls.filter((call) => call.args[0] === "add-generic-password").at(-1);
		expect(add?.args).toEqual([
			"add-generic-password",
			"-U",
			"-s",
			"claude-setup",
			"-a",
			"ANTHROPIC_API_KEY",
			"-w",
		]);
	});

	it("a locked login keychain (SSH): not offered, the reason in one line", async () => {
		const { system } = recordedMac(true);
		expect(await probeKeychain(system)).toEqual({
			ok: false,
			reason: expect.stringMatching(/^the login keychain is locked \(over SSH: security unlock-keychain\)/),
		});
		expect(await readKey(system, mac, "ANTHROPIC_API_KEY")).toMatchObject({ state: "locked" });
	});

	it("Claude Code's helper and the shells read it with a deadline (perl's alarm: macOS has no timeout)", () => {
		expect(apiKeyHelperCommand("macos-keychain", "ANTHROPIC_API_KEY")).toBe(
			"perl -e 'alarm 3; exec @ARGV' security find-generic-password -s claude-setup -a ANTHROPIC_API_KEY -w",
		);
		expect(keychainShellLine("macos-keychain", "posix", "ANTHROPIC_API_KEY")).toContain(
			"perl -e 'alarm 2; exec @ARGV' security",
		);
	});
});

describe("Windows", () => {
	it("has no keychain store: the user variable stays Windows' recommendation", async () => {
		expect(storeCommandsFor("win32")).toBeUndefined();
		const system = { platform: "win32", env: {}, now: () => 0 } as unknown as System;
		expect(await probeKeychain(system)).toMatchObject({ ok: false });
	});
});
