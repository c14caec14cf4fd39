// Tells whether a proof (a fresh interactive shell reading the key back) is running right now,
// so a test can check what else happens meanwhile.
import type { System } from "../../source/core/system.js";

export function watchProofs(system: System): { system: System; proving: () => boolean } {
	let running = 0;
	const run: System["run"] = async (command, args, options) => {
		const proof = /^(zsh|bash|fish)$/.test(command) && /^-[a-z]*c$/.test(args[0] ?? "");
		if (proof) running++;
		try {
			return await system.run(command, args, options);
		} finally {
			if (proof) running--;
		}
	};
	return { system: { ...system, run }, proving: () => running > 0 };
}
