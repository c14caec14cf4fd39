// The wizard's side-effecting steps, each over an injected System, shared by the
// interactive app and the --key-stdin run so both behave the same.
import { type Advice, adviseApiFailure } from "./advice.js";
import { findDefinitions } from "./definitions.js";
import { gitFacts } from "./gitignore.js";
import { maskKey } from "./key.js";
import { pickTestModel } from "./models.js";
import { presentFiles } from "./plan.js";
import { type Detected, detectPlatform, gatherFacts } from "./platform.js";
import type { ModelInfo, System } from "./system.js";
import { askZshForZdotdir, defaultTarget, displayPath, resolveTarget, type TargetName } from "./targets.js";
import { decodeText } from "./text-encoding.js";
import { detectWindows, gatherWindowsFacts, type WindowsContext } from "./windows/detect.js";
import { readUserVariable } from "./windows/user-env.js";
import { preferredHost, USER_ENVIRONMENT } from "./windows-plan.js";

export const KEY_VARIABLE = "ANTHROPIC_API_KEY";

export interface ExistingKey {
	readonly source: string;
	readonly masked: string;
}

export interface Environment {
	readonly detected: Detected;
	/** On Windows: the PowerShell hosts installed, the shell and the terminal we run in. */
	readonly windows?: WindowsContext;
	readonly defaultTarget: TargetName;
	readonly inGitRepo: boolean;
	readonly existing: readonly ExistingKey[];
	/** Startup files that exist and change which file a target uses (macOS bash). */
	readonly presentFiles: readonly string[];
	readonly baseURL?: string;
}

export async function detectEnvironment(system: System, parentPid: number): Promise<Environment> {
	const facts = await gatherFacts(system, parentPid);
	const windows =
		system.platform === "win32"
			? detectWindows(await gatherWindowsFacts(system.run, system.env, parentPid))
			: undefined;
	const detected = await withZdotdir(system, withWindowsShell(detectPlatform(facts), windows));
	const target = defaultTarget(detected);
	const present = await presentFiles(system);
	const existing: ExistingKey[] = [];
	const fromEnv = system.env[KEY_VARIABLE];
	if (fromEnv !== undefined) {
		existing.push({ source: "this terminal's environment", masked: maskOrEmpty(fromEnv) });
	}
	if (detected.os !== "windows" && target !== "windows" && target !== "powershell") {
		const file = resolveTarget(target, {
			os: detected.os,
			home: system.homeDir,
			zdotdir: detected.zdotdir,
			xdgConfigHome: detected.xdgConfigHome,
			cwd: system.cwd,
			existing: (path) => present.includes(path),
		});
		// Only to list keys already there: a folder or unreadable file is for planning to explain.
		const bytes = await system.fs.read(file.path).catch(() => undefined);
		if (bytes && file.syntax !== "dotenv") {
			for (const definition of findDefinitions(decodeText(bytes).text, file.syntax, KEY_VARIABLE)) {
				existing.push({
					source: `${displayPath(file.path, system.homeDir)} line ${definition.line}`,
					masked: maskOrEmpty(definition.value),
				});
			}
		}
	}
	if (windows) {
		const current = await readUserVariable(system.run, preferredHost(windows.hosts), KEY_VARIABLE);
		if (current.ok && current.value !== undefined) {
			existing.push({ source: USER_ENVIRONMENT, masked: maskOrEmpty(current.value) });
		}
	}
	const git = await gitFacts(system.run, system.cwd);
	return {
		detected,
		windows,
		defaultTarget: target,
		inGitRepo: git.inRepo,
		existing,
		presentFiles: present,
		baseURL: system.env.ANTHROPIC_BASE_URL || undefined,
	};
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

function maskOrEmpty(value: string): string {
	return value.trim() === "" ? "(empty)" : maskKey(value);
}

export type LiveCheck =
	| { readonly ok: true; readonly models: readonly ModelInfo[] }
	| { readonly ok: false; readonly advice: Advice };

/** GET /v1/models: proves the key without spending tokens. */
export async function checkKeyLive(system: System, key: string): Promise<LiveCheck> {
	const result = await system.api.listModels(key);
	if (result.ok) return { ok: true, models: result.value };
	return {
		ok: false,
		advice: adviseApiFailure(result.failure, {
			step: "check",
			baseURL: system.env.ANTHROPIC_BASE_URL || undefined,
		}),
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
): Promise<LiveTest> {
	let models = known;
	if (!models && !override) {
		const listed = await checkKeyLive(system, key);
		if (!listed.ok) return listed;
		models = listed.models;
	}
	const model = pickTestModel([...(models ?? [])], override);
	const baseURL = system.env.ANTHROPIC_BASE_URL || undefined;
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
	return { ok: false, model, advice: adviseApiFailure(result.failure, { step: "test", model, baseURL }) };
}
