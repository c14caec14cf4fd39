// A real Secret Service for tests: a private D-Bus session bus and gnome-keyring-daemon,
// unlocked with a test password, in a throwaway HOME and XDG_RUNTIME_DIR; and the broken
// ones: no bus, a locked keyring, a bus that accepts and never answers.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SecretService {
	/** HOME, XDG_RUNTIME_DIR, DBUS_SESSION_BUS_ADDRESS (and PATH) for everything that uses it. */
	readonly env: Record<string, string>;
	readonly home: string;
	lock(): void;
	unlock(): void;
	stop(): void;
}

const PASSWORD = "claude-setup-test-password";

/** Folders and an environment of their own: no real user's keyring is ever touched. */
function privateFolders(prefix: string, ownHome?: string) {
	const root = mkdtempSync(join(tmpdir(), prefix));
	const home = ownHome ?? join(root, "home");
	const runtime = join(root, "run");
	if (!ownHome) mkdirSync(home);
	mkdirSync(runtime, { mode: 0o700 });
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? "/usr/bin:/bin",
		HOME: home,
		XDG_RUNTIME_DIR: runtime,
		LANG: "C.UTF-8",
	};
	return { root, home, env };
}

/** `home`: the keyring files go there (a sandbox's HOME, so tests can look for the key in clear). */
export function startSecretService(home?: string): SecretService {
	const { root, env } = privateFolders("claude-setup-keyring-", home);
	const [address = "", pid = ""] = execFileSync(
		"dbus-daemon",
		["--session", "--fork", "--print-address=1", "--print-pid=1"],
		{ env, encoding: "utf8" },
	)
		.trim()
		.split("\n");
	env.DBUS_SESSION_BUS_ADDRESS = address;
	execFileSync("gnome-keyring-daemon", ["--unlock", "--components=secrets"], { env, input: PASSWORD });
	const call = (method: string) =>
		execFileSync(
			"dbus-send",
			[
				"--session",
				"--print-reply",
				"--dest=org.freedesktop.secrets",
				"/org/freedesktop/secrets",
				`org.freedesktop.Secret.Service.${method}`,
				"array:objpath:/org/freedesktop/secrets/collection/login",
			],
			{ env, stdio: "ignore" },
		);
	return {
		env,
		home: env.HOME ?? "",
		lock: () => call("Lock"),
		// Unlocking asks for the password through a prompt no test can answer: start it again instead.
		unlock: () => {
			execFileSync("gnome-keyring-daemon", ["--replace", "--unlock", "--components=secrets"], {
				env,
				input: PASSWORD,
				stdio: ["pipe", "ignore", "ignore"],
			});
		},
		stop: () => {
			killKeyring(env);
			try {
				process.kill(Number(pid), "SIGTERM");
			} catch {
				// Already gone.
			}
			rmSync(root, { recursive: true, force: true });
		},
	};
}

/** The keyring daemons of this bus only (their environment names our runtime folder). */
function killKeyring(env: Record<string, string>) {
	let pids: string[] = [];
	try {
		pids = execFileSync("pgrep", ["-x", "gnome-keyring-d"], { encoding: "utf8" }).trim().split("\n");
	} catch {
		return;
	}
	for (const pid of pids) {
		try {
			const environ = readFileSync(`/proc/${pid}/environ`, "utf8");
			if (environ.includes(`XDG_RUNTIME_DIR=${env.XDG_RUNTIME_DIR}`)) process.kill(Number(pid), "SIGTERM");
		} catch {
			// Gone, or not ours to read.
		}
	}
}

/** No session bus at all (SSH, a container, WSL): no address, no DISPLAY to autolaunch one. */
export function noBus(): { env: Record<string, string>; home: string; stop(): void } {
	const { root, home, env } = privateFolders("claude-setup-nobus-");
	return { env, home, stop: () => rmSync(root, { recursive: true, force: true }) };
}

/** A bus socket that accepts connections and never says a word: a hung daemon. */
export async function silentBus(): Promise<{
	env: Record<string, string>;
	home: string;
	stop(): Promise<void>;
}> {
	const { root, home, env } = privateFolders("claude-setup-silent-");
	const path = join(root, "bus");
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on("error", () => undefined);
	});
	await new Promise<void>((resolve) => server.listen(path, resolve));
	env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${path}`;
	return {
		env,
		home,
		stop: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			rmSync(root, { recursive: true, force: true });
		},
	};
}
