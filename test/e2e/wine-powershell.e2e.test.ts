// The `powershell` target for real: the built CLI under Wine's Windows node.exe writes its block
// into the Windows pwsh's own `$PROFILE.CurrentUserAllHosts` (Documents\PowerShell\profile.ps1),
// keeping a CRLF, UTF-8-with-BOM profile's other bytes; a fresh Windows pwsh loads the key;
// `remove` gives the bytes back. Then no PowerShell 7: Wine's powershell.exe is a stub that exits
// 0 with no output, so nothing can save a user variable, and the CLI must say so.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRET_PART, TEST_KEY } from "../helpers/sandbox.js";
import { createWineMachine, type WineMachine, wineTestTimeout } from "../helpers/wine.js";

let windows: WineMachine;
beforeAll(() => {
	windows = createWineMachine();
}, 120_000);
afterAll(() => windows?.close());

const OWN = "Zoë ✓";
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ORIGINAL = Buffer.concat([
	BOM,
	Buffer.from(`Write-Output 'profile ran'\r\n$env:CLAUDE_SETUP_OWN = '${OWN}'\r\n`, "utf8"),
]);

// At most three runs of cli or spawn a test, each of which may hang twice and still fail in time.
describe.sequential("the powershell target under Wine", { timeout: wineTestTimeout(3) }, () => {
	it("writes a CRLF block, keeps the BOM and every other byte; a fresh Windows pwsh loads the key", async () => {
		const profile = windows.unix(`${windows.userProfile}\\Documents\\PowerShell\\profile.ps1`);
		mkdirSync(windows.unix(`${windows.userProfile}\\Documents\\PowerShell`), { recursive: true });
		writeFileSync(profile, ORIGINAL);
		const saved = await windows.cli(
			["--key-stdin", "--target", "powershell", "--json", "--yes", "--no-verify"],
			TEST_KEY,
		);
		expect(saved.stdout).not.toContain(SECRET_PART);
		expect(saved.exitCode, saved.stdout + saved.terminal).toBe(0);
		const bytes = readFileSync(profile);
		expect(bytes.subarray(0, ORIGINAL.length).equals(ORIGINAL)).toBe(true);
		const added = bytes.subarray(ORIGINAL.length).toString("utf8");
		expect(added).toContain(`$env:ANTHROPIC_API_KEY = '${TEST_KEY}'`);
		expect(added.replace(/\r\n/g, "")).not.toContain("\n");
		const fresh = await windows.spawn("pwsh", [
			"-NoLogo",
			"-NonInteractive",
			"-Command",
			"[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false); [Console]::Out.Write($env:ANTHROPIC_API_KEY + '|' + $env:CLAUDE_SETUP_OWN)",
		]);
		// The profile ran (its own output and its non-ASCII value, read as UTF-8 thanks to the BOM).
		expect(fresh.stdout.replace(TEST_KEY, "<the key>")).toMatch(/^profile ran\r?\n<the key>\|Zoë ✓$/);

		const removed = await windows.cli(["remove", "--yes", "--json"]);
		expect(removed.exitCode, removed.stdout + removed.terminal).toBe(0);
		expect(readFileSync(profile).equals(ORIGINAL)).toBe(true);
	});

	it("without PowerShell 7 (only Wine's stub powershell.exe) the windows target fails saying why", async () => {
		const pwsh = windows.unix("C:\\pwsh");
		renameSync(pwsh, `${pwsh}-hidden`);
		try {
			const result = await windows.cli(
				["--key-stdin", "--target", "windows", "--json", "--no-verify"],
				TEST_KEY,
			);
			expect(result.stdout).not.toContain(SECRET_PART);
			expect(result.exitCode).not.toBe(0);
			expect(result.stdout).toContain("not a working PowerShell. Install PowerShell 7");
			expect(windows.userVariable("ANTHROPIC_API_KEY")).toBeUndefined();
		} finally {
			renameSync(`${pwsh}-hidden`, pwsh);
		}
		expect(existsSync(pwsh)).toBe(true);
	});
});
