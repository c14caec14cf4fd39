import { describe, expect, it } from "vitest";
import { describeFileError, errorCode } from "../../source/core/plan/file-errors.js";
import { createMemoryFs, fsError, windowsPathParts } from "../helpers/memory-fs.js";

const PROFILE = "C:\\Users\\Ada\\Documents\\PowerShell\\profile.ps1";
const bytes = (text: string) => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => {
			throw new Error("expected a rejection");
		},
		(error: unknown) => error,
	);
}

describe("windowsPathParts", () => {
	it.each([
		["C:\\Users\\Ada", ["C:", "Users", "Ada"]],
		["c:/Users//Ada/", ["C:", "Users", "Ada"]],
		["C:\\Users\\.\\Bob\\..\\Ada", ["C:", "Users", "Ada"]],
		["C:\\..\\x", ["C:", "x"]],
		["D:", ["D:"]],
	])("%s", (path, parts) => {
		expect(windowsPathParts(path)).toEqual(parts);
	});

	it.each(["Users\\Ada", "/home/ada", "\\\\server\\share"])("refuses a relative or UNC path: %s", (path) => {
		expect(() => windowsPathParts(path)).toThrow(/not an absolute Windows path/);
	});
});

describe("memory-fs paths are NTFS-like", () => {
	it("reads any casing and either slash, and keeps the case a file was created with", async () => {
		const fs = createMemoryFs({ files: { [PROFILE]: "# mine\r\n" } });
		expect(await fs.read("c:/users/ADA/documents/powershell/PROFILE.ps1")).toEqual(bytes("# mine\r\n"));
		await fs.writeAtomic("c:/USERS/ada/Documents/PowerShell/Profile.ps1", bytes("new"), 0o600);
		await fs.writeAtomic("C:/Users/Ada/Documents/PowerShell/Extra.ps1", bytes("x"), 0o600);
		expect(fs.files()).toEqual({
			"C:\\Users\\Ada\\Documents\\PowerShell\\Extra.ps1": bytes("x"),
			[PROFILE]: bytes("new"),
		});
	});

	it("answers undefined for a missing file, and for a path through a file", async () => {
		const fs = createMemoryFs({ files: { "C:\\a.txt": "a" } });
		expect(await fs.read("C:\\missing.txt")).toBeUndefined();
		expect(await fs.read("C:\\a.txt\\b")).toBeUndefined();
		expect(await fs.info("C:\\missing.txt")).toBeUndefined();
	});
});

describe("memory-fs files, folders and modes", () => {
	it("gives a new file modeIfNew and keeps an existing file's mode", async () => {
		const fs = createMemoryFs({ files: { "C:\\old.txt": "old" } });
		await fs.writeAtomic("C:\\new.txt", bytes("n"), 0o600);
		await fs.writeAtomic("C:\\old.txt", bytes("o"), 0o600);
		expect(await fs.info("C:\\new.txt")).toEqual({
			isSymlink: false,
			isFile: true,
			isDirectory: false,
			mode: 0o600,
			realPath: "C:\\new.txt",
		});
		expect((await fs.info("C:\\old.txt"))?.mode).toBe(0o644);
	});

	it("makeDirectory creates every missing parent with the mode, and list names what is inside", async () => {
		const fs = createMemoryFs({ directories: ["C:\\Users\\Ada"] });
		await fs.makeDirectory("c:\\users\\ada\\Documents\\WindowsPowerShell", 0o700);
		await fs.makeDirectory("C:\\Users\\Ada\\Documents\\WindowsPowerShell", 0o755);
		expect(fs.directories()).toEqual([
			"C:\\Users",
			"C:\\Users\\Ada",
			"C:\\Users\\Ada\\Documents",
			"C:\\Users\\Ada\\Documents\\WindowsPowerShell",
		]);
		expect(await fs.info("C:\\Users\\Ada\\Documents")).toMatchObject({ isDirectory: true, mode: 0o700 });
		await fs.writeAtomic("C:\\Users\\Ada\\notes.txt", bytes(""), 0o644);
		expect(await fs.list("C:\\USERS\\ADA")).toEqual(["Documents", "notes.txt"]);
		expect(await fs.list("C:\\")).toEqual(["Users"]);
		expect(await fs.list("C:\\nothing")).toEqual([]);
	});

	it.each([
		["a missing folder", "C:\\no\\such\\file.txt", "ENOENT"],
		["a folder in the way", "C:\\Users", "EISDIR"],
		["a file where a folder should be", "C:\\a.txt\\b.txt", "ENOTDIR"],
	])("refuses to write through %s", async (_what, path, code) => {
		const fs = createMemoryFs({ files: { "C:\\a.txt": "a" }, directories: ["C:\\Users"] });
		expect(errorCode(await rejection(fs.writeAtomic(path, bytes("x"), 0o644)))).toBe(code);
		expect(fs.files()).toEqual({ "C:\\a.txt": bytes("a") });
	});

	it("makeDirectory fails on a file in the way; read fails on a folder", async () => {
		const fs = createMemoryFs({ files: { "C:\\a.txt": "a" } });
		expect(errorCode(await rejection(fs.makeDirectory("C:\\a.txt", 0o755)))).toBe("EEXIST");
		expect(errorCode(await rejection(fs.makeDirectory("C:\\a.txt\\b", 0o755)))).toBe("ENOTDIR");
		expect(errorCode(await rejection(fs.read("C:\\")))).toBe("EISDIR");
	});

	it("remove deletes a file, ignores a missing one, refuses a folder", async () => {
		const fs = createMemoryFs({ files: { "C:\\a.txt": "a", "C:\\d\\b.txt": "b" } });
		await fs.remove("c:/A.TXT");
		await fs.remove("C:\\missing");
		expect(errorCode(await rejection(fs.remove("C:\\d")))).toBe("EISDIR");
		expect(fs.files()).toEqual({ "C:\\d\\b.txt": bytes("b") });
	});
});

describe("memory-fs symbolic links", () => {
	it("follows a link to write its target, and keeps the link", async () => {
		const fs = createMemoryFs({
			files: { "D:\\OneDrive\\Documents\\profile.ps1": "old" },
			directories: ["C:\\Users\\Ada"],
		});
		fs.symlink("C:\\Users\\Ada\\profile.ps1", "D:\\OneDrive\\Documents\\profile.ps1");
		await fs.writeAtomic("C:\\Users\\Ada\\profile.ps1", bytes("new"), 0o600);
		expect(fs.files()).toEqual({ "D:\\OneDrive\\Documents\\profile.ps1": bytes("new") });
		expect(await fs.info("C:\\Users\\Ada\\profile.ps1")).toEqual({
			isSymlink: true,
			isFile: true,
			isDirectory: false,
			mode: 0o644,
			realPath: "D:\\OneDrive\\Documents\\profile.ps1",
		});
	});

	it("follows a relative link to a folder, and creates the target of a dangling link", async () => {
		const fs = createMemoryFs({ directories: ["C:\\Users\\Ada\\OneDrive\\Documents"] });
		fs.symlink("C:\\Users\\Ada\\Documents", "OneDrive\\Documents");
		fs.symlink("C:\\Users\\Ada\\dangling.ps1", "C:\\Users\\Ada\\target.ps1");
		await fs.writeAtomic("C:\\Users\\Ada\\Documents\\p.ps1", bytes("p"), 0o600);
		await fs.writeAtomic("C:\\Users\\Ada\\dangling.ps1", bytes("d"), 0o600);
		expect(Object.keys(fs.files())).toEqual([
			"C:\\Users\\Ada\\OneDrive\\Documents\\p.ps1",
			"C:\\Users\\Ada\\target.ps1",
		]);
		expect(await fs.list("C:\\Users\\Ada\\Documents")).toEqual(["p.ps1"]);
	});

	it("reports a loop as ELOOP", async () => {
		const fs = createMemoryFs();
		fs.symlink("C:\\a", "C:\\b");
		fs.symlink("C:\\b", "C:\\a");
		expect(errorCode(await rejection(fs.writeAtomic("C:\\a", bytes("x"), 0o644)))).toBe("ELOOP");
	});
});

describe("memory-fs injected failures", () => {
	it.each(["EPERM", "EACCES", "ENOSPC", "EBUSY", "EROFS"])(
		"%s on writes, folders and removals",
		async (code) => {
			const fs = createMemoryFs({
				files: { [PROFILE]: "mine" },
				failWrites: (path) =>
					path.toLowerCase().includes("powershell") ? fsError(code, "open", path) : undefined,
			});
			const error = await rejection(fs.writeAtomic(PROFILE, bytes("x"), 0o644));
			expect(error).toMatchObject({ code, syscall: "open", path: PROFILE });
			expect(describeFileError(error, PROFILE, "C:\\Users\\Ada")).toContain(`(${code})`);
			expect(errorCode(await rejection(fs.makeDirectory("C:\\PowerShell", 0o755)))).toBe(code);
			expect(errorCode(await rejection(fs.remove(PROFILE)))).toBe(code);
			expect(fs.files()).toEqual({ [PROFILE]: bytes("mine") });
			await fs.writeAtomic("C:\\Users\\Ada\\other.txt", bytes("ok"), 0o644);
			expect(Object.keys(fs.files())).toHaveLength(2);
		},
	);

	it("matches a write through a link by the resolved path too, and fails reads on request", async () => {
		const fs = createMemoryFs({
			files: { "D:\\real.ps1": "r" },
			failWrites: (path) => (path === "D:\\real.ps1" ? fsError("EPERM", "rename", path) : undefined),
			failReads: (path) => (path.endsWith(".lock") ? fsError("EBUSY", "open", path) : undefined),
		});
		fs.symlink("C:\\link.ps1", "D:\\real.ps1");
		expect(errorCode(await rejection(fs.writeAtomic("C:\\link.ps1", bytes("x"), 0o644)))).toBe("EPERM");
		expect(errorCode(await rejection(fs.read("C:\\x.lock")))).toBe("EBUSY");
		expect(String(fsError("ENOSPC", "write", "C:\\x"))).toBe(
			"Error: ENOSPC: no space left on device, write 'C:\\x'",
		);
	});
});
