// The wizard's side-effecting steps, each over an injected System, shared by the
// interactive app and the --key-stdin run so both behave the same.
import { type Advice, adviseApiFailure } from "../advice/advice.js";
import { scanEverywhere } from "../claude-code/scan-all.js";
import { gitFacts } from "../edit/gitignore.js";
import { pickTestModel } from "../key/models.js";
import { readManifest } from "../plan/manifest.js";
import { privateFilePaths } from "../plan/private-file.js";
import { presentFiles } from "../plan/target-files.js";
import { askZshForZdotdir, CLAUDE_SETTINGS, defaultTarget, type TargetName } from "../plan/targets.js";
import { gitRoot } from "../plan/tracked-dotfile.js";
import { pathsFor } from "../platform/paths.js";
import { type Detected, detectPlatform, gatherFacts } from "../platform/platform.js";
import { where } from "../scan/issues.js";
import type { Finding, ScanResult } from "../scan/scan-types.js";
import type { ModelInfo, System } from "../system.js";
import { detectWindows, gatherWindowsFacts, type WindowsContext } from "../windows/detect.js";
import type { AskedShell } from "../windows/guidance.js";
import { adviceContext, type Flow } from "./destination-gate.js";

export const KEY_VARIABLE = "ANTHROPIC_API_KEY";

export interface ExistingKey {
	readonly source: string;
	readonly masked: string;
	/** In claude-setup's own block: a new key replaces it there. */
	readonly managed?: boolean;
}

export interface Environment {
	readonly detected: Detected;
	/** On Windows: the PowerShell hosts installed, the shell and the terminal we run in. */
	readonly windows?: WindowsContext;
	readonly defaultTarget: TargetName;
	readonly inGitRepo: boolean;
	readonly existing: readonly ExistingKey[];
	/** Every credential definition found (values in memory only), for rotation. */
	readonly credentials: readonly Finding[];
	/** Where claude-setup wrote before: a new key replaces it there too. */
	readonly ourTargets: readonly TargetName[];
	/** Startup files that exist and change which file a target uses (macOS bash). */
	readonly presentFiles: readonly string[];
	readonly baseURL?: string;
	/** Everything found (values in memory only) and Claude Code's own state: what it will send. */
	readonly scan?: ScanResult;
}

/** The OS, shell and (on Windows) PowerShell context alone: all that `status` and `remove` need. */
export async function detectSystem(
	system: System,
	parentPid: number,
): Promise<{ detected: Detected; windows?: WindowsContext }> {
	const facts = await gatherFacts(system, parentPid);
	const windows =
		system.platform === "win32"
			? detectWindows(await gatherWindowsFacts(system.run, system.env, parentPid))
			: undefined;
	const detected = await withZdotdir(system, withWindowsShell(detectPlatform(facts), windows));
	return { detected, windows };
}

export async function detectEnvironment(system: System, parentPid: number): Promise<Environment> {
	// Planning asks whether the startup files live in a git work tree: ask early, behind the prompt.
	if (system.platform !== "win32") void gitRoot(system, system.homeDir);
	const { detected, windows } = await detectSystem(system, parentPid);
	const target = defaultTarget(detected);
	const present = await presentFiles(system);
	const scan = await scanEverywhere(system, { detected, windows });
	const credentials = scan.findings.filter(
		(finding) => finding.variable === KEY_VARIABLE || finding.variable === "CLAUDE_CODE_OAUTH_TOKEN",
	);
	const existing = credentials
		.filter((finding) => finding.variable === KEY_VARIABLE)
		.map((finding) => ({ source: where(finding.source), masked: finding.masked, managed: finding.managed }));
	const git = await gitFacts(system.run, system.cwd);
	return {
		detected,
		windows,
		defaultTarget: target,
		inGitRepo: git.inRepo,
		existing,
		credentials,
		ourTargets: await ourTargets(system, credentials),
		presentFiles: present,
		baseURL: system.env.ANTHROPIC_BASE_URL || undefined,
		scan,
	};
}

/** The targets of claude-setup's own blocks and of what its record says it wrote. */
async function ourTargets(system: System, credentials: readonly Finding[]): Promise<TargetName[]> {
	// A .env belongs to one project: only this project's counts.
	const here = pathsFor(system.platform).resolve(system.cwd, ".env");
	const recorded = (await readManifest(system)).filter(
		(entry) => !entry.disabledOnly && (entry.target !== "dotenv" || entry.path === here),
	);
	const targets = new Set<TargetName>(
		recorded.flatMap((entry) => (entry.target === CLAUDE_SETTINGS ? [] : [entry.target])),
	);
	// A private key file is sourced by the startup files the record names; it is no target itself.
	const privateFiles = privateFilePaths(system);
	for (const finding of credentials) {
		if (finding.managed && finding.source.kind === "file" && !privateFiles.includes(finding.source.path)) {
			// Every file format is also the name of the target that writes it.
			targets.add(finding.source.format);
		}
	}
	return [...targets];
}

/** ZDOTDIR is often set inside ~/.zshenv, so only zsh itself knows where .zshrc lives. */
async function withZdotdir(system: System, detected: Detected): Promise<Detected> {
	if (detected.zdotdir || (detected.os !== "macos" && detected.os !== "linux")) return detected;
	if (detected.shell !== "zsh") return detected;
	const zdotdir = await askZshForZdotdir(system.run, system.env);
	return zdotdir ? { ...detected, zdotdir } : detected;
}

/** The Windows probe knows better than the parent process name (npx runs through a cmd shim). */
function withWindowsShell(detected: Detected, windows: WindowsContext | undefined): Detected {
	if (!windows || windows.shell === "unknown") return detected;
	const shell = windows.shell === "pwsh" ? "powershell" : windows.shell;
	return { ...detected, shell, shellSource: "parent" };
}

/** The person named their shell because nothing could detect it. */
export function withAnsweredShell(environment: Environment, shell: AskedShell): Environment {
	const windows = environment.windows ?? { shell, hosts: [], vscode: false, windowsTerminal: false };
	const answered = { ...windows, shell };
	const detected = { ...withWindowsShell(environment.detected, answered), shellSource: "asked" as const };
	return { ...environment, windows: answered, detected };
}

export type LiveCheck =
	| { readonly ok: true; readonly models: readonly ModelInfo[] }
	/** `status`: the HTTP status when the API answered (401, 403, …). */
	| { readonly ok: false; readonly advice: Advice; readonly status?: number };

/** GET /v1/models: proves the key without spending tokens. */
export async function checkKeyLive(system: System, key: string, flow: Flow): Promise<LiveCheck> {
	const result = await system.api.listModels(key);
	if (result.ok) return { ok: true, models: result.value };
	return {
		ok: false,
		status: result.failure.kind === "http" ? result.failure.status : undefined,
		advice: adviseApiFailure(result.failure, adviceContext(system, "check", flow)),
	};
}

export type LiveTest =
	| { readonly ok: true; readonly model: string; readonly reply: string; readonly ms: number }
	| { readonly ok: false; readonly model?: string; readonly advice: Advice };

/** POST /v1/messages with a tiny prompt to the newest Haiku (or --model). */
export async function runLiveTest(
	system: System,
	key: string,
	known: readonly ModelInfo[] | undefined,
	override: string | undefined,
	flow: Flow,
): Promise<LiveTest> {
	let models = known;
	if (!models && !override) {
		const listed = await checkKeyLive(system, key, flow);
		if (!listed.ok) return listed;
		models = listed.models;
	}
	const model = pickTestModel([...(models ?? [])], override);
	if (!model) {
		return {
			ok: false,
			advice: {
				title: "No models are available to this key",
				why: "The API listed no models for this key, so there is nothing to test with.",
				next: ["Pick one with --model <id>, or check the key's workspace in the Console."],
				outcome: "request",
			},
		};
	}
	const result = await system.api.sendTestMessage(key, model);
	if (result.ok) return { ok: true, model: result.value.model, reply: result.value.text, ms: result.ms };
	return {
		ok: false,
		model,
		advice: adviseApiFailure(result.failure, adviceContext(system, "test", flow, model)),
	};
}
