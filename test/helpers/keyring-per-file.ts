// One real Secret Service for a test file: started before its tests; stopped after them, with
// the temp systems the file made.
import { afterAll, beforeAll } from "vitest";
import { type SecretService, startSecretService } from "./secret-service.js";
import { removeTempSystems } from "./temp-system.js";

/** The keyring, once started (call it inside a test or hook). */
export function keyringPerFile(): () => SecretService {
	let keyring: SecretService | undefined;
	beforeAll(() => {
		keyring = startSecretService();
	});
	afterAll(async () => {
		keyring?.stop();
		await removeTempSystems();
	});
	return () => {
		if (!keyring) throw new Error("The keyring starts before the file's tests.");
		return keyring;
	};
}
