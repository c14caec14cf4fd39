// Path rules follow the system we act on, not the one the tests run on: Windows logic is
// exercised on Linux with Windows paths.
import path from "node:path";

export function pathsFor(platform: NodeJS.Platform): path.PlatformPath {
	return platform === "win32" ? path.win32 : path.posix;
}
