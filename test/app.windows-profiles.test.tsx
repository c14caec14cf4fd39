// The PowerShell profile target on a fake Windows machine: the execution-policy question (and
// what each answer does), profiles in OneDrive for 5.1 and 7, and a UTF-16LE profile kept byte
// for byte. Every test checks the key only ever went on standard input.
import { cleanup } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { encodeText } from "../source/core/text/text-encoding.js";
import { encodeCommand, SCRIPTS } from "../source/core/windows/powershell.js";
import { answer, pasteKey, ROTATED_KEY } from "./helpers/app-steps.js";
import { withAppSuite } from "./helpers/app-suite.js";
import type { FakeAnthropic } from "./helpers/fake-anthropic.js";
import { type FakeWindowsOptions, fakeWindows, PROFILE_PATHS } from "./helpers/fake-windows.js";
import { flat } from "./helpers/ink-driver.js";
import { TEST_KEY } from "./helpers/sandbox.js";
import { expectKeptSecret, inputs, MANIFEST, renderOn } from "./helpers/windows-app.js";

let fake: FakeAnthropic;
withAppSuite([TEST_KEY, ROTATED_KEY], (running) => {
	fake = running;
});

const BOTH_HOSTS: Omit<FakeWindowsOptions, "apiUrl"> = {
	ancestors: ["node.exe", "pwsh.exe", "WindowsTerminal.exe"],
	env: { WT_SESSION: "0b7a3c1e-8f7e-4a43-9a53-2f0c5d1e9a61" },
};
const RESTRICTED_EXPLANATION =
	"Your PowerShell execution policy is Restricted (no policy is set, so Windows uses its default). PowerShell will not run your profile: it does not run any script, your profile included. To allow scripts you write yourself, for your account only, run: Set-ExecutionPolicy -Scope CurrentUser RemoteSigned";
const ALLOW = "Allow profiles for your account: run Set-ExecutionPolicy -Scope CurrentUser RemoteSigned";

function machine(options: Omit<FakeWindowsOptions, "apiUrl"> = BOTH_HOSTS) {
	return fakeWindows({ ...options, apiUrl: fake.url });
}

/** The bytes a new profile gets: Windows line endings, the marked region. */
function newProfile(key: string): string {
	return [
		"#region claude-setup",
		"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.",
		`$env:ANTHROPIC_API_KEY = '${key}'`,
		"#endregion claude-setup",
		"",
	].join("\r\n");
}

const utf8 = (bytes: Uint8Array | undefined) =>
	bytes === undefined ? undefined : Buffer.from(bytes).toString();

describe("--target powershell when the execution policy blocks profiles", { timeout: 30_000 }, () => {
	// Out of the box only 5.1 blocks: pwsh 7 ships RemoteSigned for LocalMachine.
	it("explains 5.1's default first; Enter switches to the user environment and no profile is written", async () => {
		const windows = machine();
		const app = renderOn(windows, { presetTargets: ["powershell"] });
		await pasteKey(app);
		const question = flat(await answer(app, "What now?"));
		expect(question).toContain(`! Windows PowerShell: ${RESTRICTED_EXPLANATION}`);
		expect(question).not.toContain("! PowerShell 7:");
		expect(question).toContain("❯ Save it in the Windows user environment instead (recommended)");
		expect(question).toContain(ALLOW);
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain("Set ANTHROPIC_API_KEY in the Windows user environment");
		expect(preview).not.toContain("profile.ps1");
		await app.waitForText("All set.");
		expect(await app.waitForExit()).toBe(0);
		expect(windows.registry).toEqual({ ANTHROPIC_API_KEY: TEST_KEY });
		expect(Object.keys(windows.fs.files())).toEqual([MANIFEST]);
		expect(windows.steps().filter((step) => step.includes("allowProfiles"))).toEqual([]);
		expect(windows.policies).toEqual({ powershell: {}, pwsh: { LocalMachine: "RemoteSigned" } });
		expectKeptSecret(app, windows, [TEST_KEY]);
	});

	it("Allow profiles runs Set-ExecutionPolicy for each blocking host, then writes both profiles that load", async () => {
		// The person once set Restricted for their account in pwsh 7: it outranks the shipped RemoteSigned.
		const windows = machine({ ...BOTH_HOSTS, policies: { pwsh: { CurrentUser: "Restricted" } } });
		const app = renderOn(windows, { presetTargets: ["powershell"] });
		await pasteKey(app);
		const question = flat(await app.waitForText("What now?"));
		expect(question).toContain(`! Windows PowerShell: ${RESTRICTED_EXPLANATION}`);
		expect(question).toContain(
			"! PowerShell 7: Your PowerShell execution policy is Restricted (set for CurrentUser). PowerShell will not run your profile",
		);
		app.press("down");
		await app.waitForText(`❯ ${ALLOW}`);
		app.press("enter");
		const preview = flat(await answer(app, "Write these changes?"));
		expect(preview).toContain(
			"Create ~\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1 (readable only by you)",
		);
		expect(preview).toContain(
			"Create ~\\OneDrive\\Documents\\PowerShell\\profile.ps1 (readable only by you)",
		);
		expect(preview).toContain("+ $env:ANTHROPIC_API_KEY = 'sk-ant-api03-…XwAA'");
		const done = flat(await app.waitForText("All set."));
		expect(await app.waitForExit()).toBe(0);
		expect(done).toContain(
			"✓ A fresh Windows PowerShell reads the key from ~\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1",
		);
		expect(done).toContain(
			"✓ A fresh PowerShell 7 reads the key from ~\\OneDrive\\Documents\\PowerShell\\profile.ps1",
		);
		expect(done).toContain("Only PowerShell sees ANTHROPIC_API_KEY (its profile sets it)");
		const allowed = windows.calls.filter((call) => call.script === SCRIPTS.allowProfiles);
		expect(allowed).toEqual(
			(["powershell", "pwsh"] as const).map((command) => ({
				command,
				args: [
					"-NoLogo",
					"-NonInteractive",
					"-NoProfile",
					"-EncodedCommand",
					encodeCommand(SCRIPTS.allowProfiles),
				],
				timeoutMs: 15_000,
				script: SCRIPTS.allowProfiles,
			})),
		);
		expect(windows.policies).toEqual({
			powershell: { CurrentUser: "RemoteSigned" },
			pwsh: { CurrentUser: "RemoteSigned", LocalMachine: "RemoteSigned" },
		});
		for (const path of Object.values(PROFILE_PATHS))
			expect(utf8(windows.bytes(path))).toBe(newProfile(TEST_KEY));
		expect(windows.registry).toEqual({});
		expect(inputs(windows)).toEqual([]);
		expect(windows.steps().filter((step) => step.includes("readVariableAfterProfile"))).toEqual([
			"powershell readVariableAfterProfile ANTHROPIC_API_KEY",
			"pwsh readVariableAfterProfile ANTHROPIC_API_KEY",
		]);
		expectKeptSecret(app, windows, [TEST_KEY]);
	});

	it("Group Policy locks it: no Allow option is offered", async () => {
		const locked = { MachinePolicy: "Restricted" } as const;
		const windows = machine({ ...BOTH_HOSTS, policies: { powershell: locked, pwsh: locked } });
		const app = renderOn(windows, { presetTargets: ["powershell"] });
		await pasteKey(app);
		const question = flat(await app.waitForText("What now?"));
		expect(question).toContain(
			"Your organisation set it through Group Policy, so you cannot change it yourself",
		);
		expect(question).not.toContain("Allow profiles");
		expect(question).toContain("Save it in the profile anyway");
		app.press("escape");
		await app.waitForText("Cancelled. Nothing was written.");
		expect(await app.waitForExit()).toBe(130);
		expect(windows.fs.files()).toEqual({});
		expect(windows.steps().filter((step) => step.includes("allowProfiles"))).toEqual([]);
		expectKeptSecret(app, windows, [TEST_KEY]);
	});

	it("Save in the profile anyway: written, and the proof blames the execution policy (exit 7)", async () => {
		const windows = machine({ ...BOTH_HOSTS, hosts: { powershell: "5.1.26100.2161" } });
		const app = renderOn(windows, { presetTargets: ["powershell"] });
		await pasteKey(app);
		await app.waitForText("What now?");
		app.press("down");
		app.press("down");
		await app.waitForText("❯ Save it in the profile anyway");
		app.press("enter");
		await answer(app, "Write these changes?");
		const done = flat(await app.waitForText("not everything checks out"));
		expect(await app.waitForExit()).toBe(7);
		expect(done).toContain(
			"✗ A new Windows PowerShell window refused to run your profile because of the execution policy",
		);
		expect(done).toContain("running scripts is disabled on this system");
		expect(utf8(windows.bytes(PROFILE_PATHS.powershell))).toBe(newProfile(TEST_KEY));
		expect(windows.bytes(PROFILE_PATHS.pwsh)).toBeUndefined();
		expectKeptSecret(app, windows, [TEST_KEY]);
	});
});

describe("an existing Windows PowerShell profile in UTF-16LE with BOM and CRLF", { timeout: 30_000 }, () => {
	const mine = "\uFEFF# Zoë's profile\r\nSet-PSReadLineOption -EditMode Emacs\r\nImport-Module posh-git\r\n";
	const before = encodeText({ text: mine, encoding: "utf16le" });

	it("keeps every byte before the block, writes the block in UTF-16LE, and replaces it in place later", async () => {
		const windows = machine({
			hosts: { powershell: "5.1.19041.5247" },
			ancestors: ["node.exe", "powershell.exe", "explorer.exe"],
			policies: { powershell: { CurrentUser: "RemoteSigned" } },
			files: { [PROFILE_PATHS.powershell]: before },
		});
		for (const key of [TEST_KEY, ROTATED_KEY]) {
			const app = renderOn(windows, { presetTargets: ["powershell"] });
			await pasteKey(app, key);
			const preview = flat(await answer(app, "Write these changes?"));
			const action = key === TEST_KEY ? "Add a claude-setup block to" : "Replace the claude-setup block in";
			expect(preview).toContain(`${action} ~\\OneDrive\\Documents\\WindowsPowerShell\\profile.ps1`);
			// The rotation's backup holds the first key: Enter keeps it.
			if (key === ROTATED_KEY) await answer(app, "The old key is still in 1 backup.");
			await app.waitForText("All set.");
			expect(await app.waitForExit()).toBe(0);
			const after = windows.bytes(PROFILE_PATHS.powershell) ?? new Uint8Array();
			expect(after.subarray(0, before.length)).toEqual(before);
			expect(after).toEqual(encodeText({ text: `${mine}${newProfile(key)}`, encoding: "utf16le" }));
			expectKeptSecret(app, windows, [TEST_KEY, ROTATED_KEY]);
			cleanup();
		}
	});
});
