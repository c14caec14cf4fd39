// Node's errors (and execa's results) say what went wrong in `code`: ENOENT, EEXIST, EPERM…

export function hasCode(error: unknown, ...codes: string[]): boolean {
	return typeof error === "object" && error !== null && "code" in error && codes.includes(String(error.code));
}
