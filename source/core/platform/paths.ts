// Path rules follow the system we act on, not the one the tests run on: Windows logic is
// exercised on Linux with Windows paths.
import path from "node:path";
import type { Env } from "../system.js";

export function pathsFor(platform: NodeJS.Platform): path.PlatformPath {
	return platform === "win32" ? path.win32 : path.posix;
}

export type XdgVariable = "XDG_CONFIG_HOME" | "XDG_STATE_HOME" | "XDG_DATA_HOME";

const XDG_DEFAULTS: Record<XdgVariable, readonly string[]> = {
	XDG_CONFIG_HOME: [".config"],
	XDG_STATE_HOME: [".local", "state"],
	XDG_DATA_HOME: [".local", "share"],
};

/**
 * An XDG base folder given in the environment, or undefined. The spec: "If an implementation
 * encounters a relative path in any of these variables it should consider the path invalid
 * and ignore it" — a relative value would put backups holding a key inside the project.
 */
export function xdgFromEnv(env: Env, variable: XdgVariable, platform: NodeJS.Platform): string | undefined {
	const value = env[variable];
	return value !== undefined && value !== "" && pathsFor(platform).isAbsolute(value) ? value : undefined;
}

/** `${XDG_STATE_HOME:-~/.local/state}` and friends, by the spec. */
export function xdgFolder(env: Env, variable: XdgVariable, home: string, platform: NodeJS.Platform): string {
	return xdgFromEnv(env, variable, platform) ?? pathsFor(platform).join(home, ...XDG_DEFAULTS[variable]);
}
