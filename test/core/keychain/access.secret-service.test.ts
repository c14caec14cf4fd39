// The keychain against the real Secret Service (dbus-daemon + gnome-keyring-daemon started
// here), and the broken ones: no bus, a locked keyring, a bus that never answers.
import { describe, expect, it } from "vitest";
import {
	deleteKey,
	KEYCHAIN_DEADLINE_MS,
	probeKeychain,
	readKey,
	storeKey,
} from "../../../source/core/keychain/access.js";
import { storeCommandsFor } from "../../../source/core/keychain/store-commands.js";
import { keyringPerFile } from "../../helpers/keyring-per-file.js";
import { noBus, silentBus } from "../../helpers/secret-service.js";
import { makeTempSystem, testKey } from "../../helpers/temp-system.js";

const store = storeCommandsFor("linux");
if (!store) throw new Error("Linux has a store");
const KEY = testKey("KeyringSecretPart");
const keyringOf = keyringPerFile();

const systemWith = (env: Record<string, string>) =>
	makeTempSystem().then(({ system, home }) => ({
		...system,
		env: { ...system.env, ...env, HOME: home },
	}));

describe("the real Secret Service", () => {
	it("is offered: a test item is stored, read back and deleted", async () => {
		const system = await systemWith(keyringOf().env);
		expect(await probeKeychain(system)).toMatchObject({ ok: true, store: { kind: "secret-service" } });
		expect(await readKey(system, store, "claude-setup-probe")).toEqual({ state: "empty" });
	});

	it("stores the key from standard input, gives it back, deletes it", async () => {
		const system = await systemWith(keyringOf().env);
		expect(await storeKey(system, store, "ANTHROPIC_API_KEY", KEY)).toEqual({ ok: true });
		expect(await readKey(system, store, "ANTHROPIC_API_KEY")).toEqual({ state: "stored", value: KEY });
		expect(await deleteKey(system, store, "ANTHROPIC_API_KEY")).toEqual({ ok: true });
		expect(await readKey(system, store, "ANTHROPIC_API_KEY")).toEqual({ state: "empty" });
		// Deleting what is not there is what was wanted.
		expect(await deleteKey(system, store, "ANTHROPIC_API_KEY")).toEqual({ ok: true });
	});

	it("tells a locked keyring from an empty one (secret-tool says neither)", async () => {
		const system = await systemWith(keyringOf().env);
		await storeKey(system, store, "LOCKED_TEST", KEY);
		keyringOf().lock();
		try {
			const read = await readKey(system, store, "LOCKED_TEST");
			expect(read).toMatchObject({ state: "locked" });
			const probe = await probeKeychain(system);
			expect(probe).toEqual({ ok: false, reason: expect.stringMatching(/keyring is locked/) });
		} finally {
			keyringOf().unlock();
		}
		expect(await readKey(system, store, "LOCKED_TEST")).toEqual({ state: "stored", value: KEY });
		await deleteKey(system, store, "LOCKED_TEST");
	});
});

describe("no keychain to be had", () => {
	it("no session bus: not offered, in one line, at once", async () => {
		const place = noBus();
		try {
			const system = await systemWith(place.env);
			const started = performance.now();
			const probe = await probeKeychain(system);
			expect(probe).toEqual({ ok: false, reason: expect.stringMatching(/no session bus/) });
			expect(performance.now() - started).toBeLessThan(KEYCHAIN_DEADLINE_MS);
		} finally {
			place.stop();
		}
	});

	it("a daemon that never answers: given up after the deadline, not D-Bus's 25 s", async () => {
		const bus = await silentBus();
		try {
			const system = await systemWith(bus.env);
			const started = performance.now();
			const probe = await probeKeychain(system);
			const ms = performance.now() - started;
			expect(probe).toEqual({ ok: false, reason: expect.stringMatching(/did not answer within 2.5 s/) });
			expect(ms).toBeGreaterThanOrEqual(KEYCHAIN_DEADLINE_MS - 50);
			expect(ms).toBeLessThan(KEYCHAIN_DEADLINE_MS + 2000);
			const read = await readKey(system, store, "ANTHROPIC_API_KEY");
			expect(read).toMatchObject({ state: "unreachable" });
		} finally {
			await bus.stop();
		}
	}, 20_000);

	it("secret-tool not installed: says which package", async () => {
		const system = await systemWith({ ...keyringOf().env, PATH: "/nonexistent" });
		expect(await probeKeychain(system)).toEqual({
			ok: false,
			reason: expect.stringMatching(/secret-tool is not installed.*libsecret-tools/),
		});
	});
});
