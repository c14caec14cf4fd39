// What the preview and --key-stdin say about Claude Code before anything is written: whether it
// will send the new key after the change (and, if not, why and the fix), the question interactive
// Claude Code will ask, and a subscription it will stop billing.
import { type AfterChange, claudeCodeAfter, savesGlobally } from "../claude-code/after-change.js";
import { askClaudeCode, proveClaudeCode } from "../claude-code/prove-claude-code.js";
import type { Plan } from "../plan/plan.js";
import type { Proof } from "../prove/proofs.js";
import type { Finding } from "../scan/scan-types.js";
import { where } from "../scan/where.js";
import type { System } from "../system.js";
import { staleClaudeSettings } from "./rotation.js";
import type { Environment } from "./session.js";

export interface ClaudeCodeNotes {
	/** Claude Code will not send the new key: what it sends and how to fix it ("saved but not proven"). */
	readonly problem?: { readonly message: string; readonly next: string };
	/** Things to know that do not stop "All set". */
	readonly notes: readonly string[];
	/** A subscription login, and a key saved for every terminal: Claude Code bills the key. */
	readonly billing: boolean;
	readonly after?: AfterChange;
}

const ASKS =
	'Interactive Claude Code will ask "Do you want to use this API key?" the first time: choose Yes (↑ then Enter). Its default is No, and it remembers the answer.';

function settingsProblem(
	stale: readonly Finding[],
	managed: readonly Finding[],
	variable: string,
	flag?: string,
) {
	const first = managed[0] ?? stale[0];
	if (!first) return undefined;
	const what = `${where(first.source)} sets ${variable}=${first.masked} in its "env": Claude Code sends that key, not the new one.`;
	if (managed.includes(first)) {
		return {
			message: what,
			next: "That file is your administrator's managed settings: ask them to change it.",
		};
	}
	return {
		message: what,
		next: flag
			? `Add ${flag} to replace it there (a backup is kept; claude-setup remove takes it back).`
			: "Answer yes at the preview to replace it there.",
	};
}

export function claudeCodeNotes(
	environment: Environment,
	plan: Plan,
	key: string,
	options: { readonly flag?: string; readonly headless?: boolean },
): ClaudeCodeNotes {
	const scan = environment.scan;
	if (!scan || plan.variable !== "ANTHROPIC_API_KEY") return { notes: [], billing: false };
	const global = savesGlobally(plan);
	// The keychain without a shell block: Claude Code reads it through its apiKeyHelper (proven with the item).
	const helper = !global && plan.keychain?.settings !== undefined;
	const billing = scan.claudeCodeLogin === "yes" && (global || helper);
	const notes: string[] = [];
	if (billing) {
		const instead = options.headless
			? "save the key in a project .env instead (--target dotenv)"
			: "keep the key in a project .env only (`claude-setup remove` takes the rest back)";
		const how = helper
			? "with an apiKeyHelper that reads the keychain"
			: "with ANTHROPIC_API_KEY set for every terminal";
		notes.push(
			`You are logged in to Claude Code with a subscription: ${how}, Claude Code will use — and bill — this API key instead. To keep the subscription, ${instead}.`,
		);
	}
	if (!global) {
		if (!helper)
			notes.push(
				"Claude Code does not read .env files: it keeps using what a terminal gives it (or your login). Programs that load .env get the key.",
			);
		return { notes, billing };
	}
	const after = claudeCodeAfter(scan, plan, key, environment.detected.shell);
	const settings = staleClaudeSettings(scan.findings, plan.variable, key);
	const fixed = new Set(plan.changes.map((change) => change.file.path));
	const unfixed = settings.writable.filter(
		(finding) => finding.source.kind === "claude-settings" && !fixed.has(finding.source.path),
	);
	if (!after.verdict.print) {
		const problem = settingsProblem(unfixed, settings.managed, plan.variable, options.flag) ?? {
			message: `Claude Code will not send the new key: ${after.instead}.`,
			next: "Change that, then run `claude-setup` again (`claude-setup status` shows every place).",
		};
		return { problem, notes, billing, after };
	}
	if (after.verdict.interactive === "asks") notes.push(ASKS);
	if (after.verdict.interactive === "no") {
		const problem = {
			message:
				"Interactive Claude Code will not use the new key: you answered No when it asked about this key before (customApiKeyResponses in ~/.claude.json).",
			next: "Close Claude Code, delete the key's entry from customApiKeyResponses.rejected in ~/.claude.json, then answer Yes when it asks.",
		};
		return { problem, notes, billing, after };
	}
	return { notes, billing, after };
}

/**
 * The proof line for Claude Code: what is wrong (the notes' problem), else what the real Claude
 * Code says it will use, when it is installed and set up here.
 */
export async function claudeCodeProof(
	system: System,
	environment: Environment,
	plan: Plan,
	key: string,
	notes: ClaudeCodeNotes,
): Promise<Proof | undefined> {
	if (notes.problem) {
		const detail = `${notes.problem.message} ${notes.problem.next}`;
		return { display: "Claude Code", target: "claude-code", ok: false, detail };
	}
	if (!notes.after || !environment.scan) return undefined;
	return proveClaudeCode(system, environment.scan, plan, key, notes.after);
}

/** The Claude Code proofs: what it says it will use, and (--ask-claude-code) a real `claude -p`. */
export async function claudeCodeProofs(
	system: System,
	environment: Environment,
	plan: Plan,
	key: string,
	options: { readonly notes: ClaudeCodeNotes; readonly ask?: boolean },
): Promise<Proof[]> {
	const said = await claudeCodeProof(system, environment, plan, key, options.notes);
	// A request that is known to go with another key would only spend tokens on that key.
	const asked = options.ask && !options.notes.problem ? await askClaudeCode(system, plan) : undefined;
	return [said, asked].filter((proof) => proof !== undefined);
}
