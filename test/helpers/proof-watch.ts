// Tells whether a proof (a fresh interactive shell reading the key back) is running right now,
// so a test can check what else happens meanwhile, and how many were started.
import type { System } from "../../source/core/system.js";

export function watchProofs(system: System): {
	system: System;
	proving: () => boolean;
	started: () => number;
} {
	let running = 0;
	let started = 0;
	const run: System["run"] = async (command, args, options) => {
		// The proof's script reads the variable back through printenv (detection's probes do not).
		const proof = /^(zsh|bash|fish)$/.test(command) && args.some((arg) => arg.includes("printenv"));
		if (proof) {
			running++;
			started++;
		}
		try {
			return await system.run(command, args, options);
		} finally {
			if (proof) running--;
		}
	};
	return { system: { ...system, run }, proving: () => running > 0, started: () => started };
}
