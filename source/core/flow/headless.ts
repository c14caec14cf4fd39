// `--key-stdin`: the same steps as the wizard with the defaults, no questions, plain lines
// (or one JSON object). Never prints the key; exit codes as in exit-codes.ts.
import { type Advice, exitCodeForAdvice } from "../advice/advice.js";
import { applyPlan } from "../apply/apply.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { checkKey, maskKey } from "../key/key.js";
import type { ParseCheck } from "../parse/parse-gate.js";
import { planChanges } from "../plan/plan.js";
import type { OtherDefinition } from "../plan/plan-types.js";
import type { FileOwner, TargetName } from "../plan/targets.js";
import { proveChanges } from "../prove/proofs.js";
import { where } from "../scan/issues.js";
import type { System } from "../system.js";
import { backedUp, claudeReplied } from "../wording/voice.js";
import { claudeCodeNotes, claudeCodeProofs } from "./claude-code-notes.js";
import { staleTerminalWarning, usageHints } from "./describe.js";
import { destinationGate, destinationReport } from "./destination-gate.js";
import { adviceError, dryRunFile, fileError, type JsonError, versioned } from "./json-report.js";
import { fromStdin } from "./key-stdin-messages.js";
import { keychainGateFor } from "./keychain-gate.js";
import { planLines } from "./plan-lines.js";
import { offerPurge } from "./purge-offer.js";
import { checkOldKeys, oldKeys, revokeReminder, rotationPlanInput, staleWinners } from "./rotation.js";
import { checkKeyLive, detectEnvironment, runLiveTest } from "./session.js";
import { settleTrackedEnv } from "./tracked-env.js";

export interface HeadlessOptions {
	readonly targets: readonly TargetName[];
	readonly envFile?: string;
	readonly verify: boolean;
	readonly model?: string;
	readonly dryRun: boolean;
	/** Comment out definitions claude-setup did not write (the wizard's default). */
	readonly yes?: boolean;
	/** --allow-base-url: the key may go to ANTHROPIC_BASE_URL's host. */
	readonly allowBaseURL?: string;
	/** --untrack: a .env git tracks is untracked first; without it the run is refused. */
	readonly untrack?: boolean;
	/** With the keychain target: false = no shell block, only `claude-setup run` loads the key. */
	readonly shellBlock?: boolean;
	/** After a proven rotation, delete the commented-out lines and backups that hold the old key. */
	readonly purgeOld?: boolean;
	/** --ask-claude-code: after saving, a real `claude -p` request from a fresh shell. */
	readonly askClaudeCode?: boolean;
}

export interface HeadlessContext {
	readonly nodePath: string;
	readonly parentPid: number;
	readonly print: (line: string) => void;
}

interface FileReport {
	readonly target: FileOwner;
	readonly path: string;
	readonly action: string;
	readonly backup?: string;
	readonly otherDefinitions: readonly OtherDefinition[];
	/** The value it replaced, masked. */
	readonly previous?: string;
	/** What the shell that reads the file said about the new text. */
	readonly parseCheck?: ParseCheck;
	/** Others could read it: the mode it had and the one it got. */
	readonly modeChange?: { from: string; to: string };
}

/** 0o644 → "0644": how people read modes. */
function octalModes(change: { from: number; to: number }) {
	const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;
	return { from: octal(change.from), to: octal(change.to) };
}

export type Report = Record<string, unknown> & { ok: boolean; exitCode: ExitCodeValue };

function fail(code: ExitCodeValue, error: JsonError, extra: Record<string, unknown> = {}): Report {
	return { ok: false, exitCode: code, ...extra, error };
}

/** Prints what happened, why and what next; returns the same for --json. */
function printAdvice(
	print: (line: string) => void,
	advice: Omit<Advice, "outcome"> & { outcome?: string },
	kind?: string,
): JsonError {
	print(`✗ ${advice.title}. ${advice.why}`);
	for (const step of advice.next) print(`  → ${step}`);
	if (advice.requestId) print(`  request-id: ${advice.requestId} (give this to support)`);
	return adviceError(advice, kind);
}

/** The exit code when checking the key (GET /v1/models) failed. */
function checkExitCode(outcome: Advice["outcome"]): ExitCodeValue {
	if (outcome === "refused") return ExitCode.usage;
	return outcome === "rejected" ? ExitCode.keyRejected : ExitCode.unreachable;
}

/** `--key-stdin`; the report is what `--json` prints (schemaVersion and command first). */
export async function runHeadless(
	system: System,
	rawKey: string,
	options: HeadlessOptions,
	context: HeadlessContext,
): Promise<Report> {
	return versioned("setup", await saveFromStdin(system, rawKey, options, context));
}

async function saveFromStdin(
	system: System,
	rawKey: string,
	options: HeadlessOptions,
	context: HeadlessContext,
): Promise<Report> {
	const { print } = context;
	const printError = (advice: Parameters<typeof printAdvice>[1], kind?: string) =>
		printAdvice(print, advice, kind);

	const check = checkKey(rawKey);
	if (!check.ok) {
		const { message, hint } = fromStdin(rawKey, check);
		print(`✗ ${message}`);
		print(`  → ${hint}`);
		return fail(ExitCode.badKey, { kind: check.kind, title: message, next: [hint] });
	}
	for (const fix of check.fixes) print(`• Cleaned the key from standard input: ${fix}.`);
	if (check.kind === "oauth-token") print(`• ${check.note}`);
	const key = { kind: check.kind, variable: check.variable, masked: maskKey(check.key) };
	// A fact, not a verdict: a ✓ here would stand right above "✗ The key was rejected".
	print(
		check.kind === "api-key"
			? `• API key ${key.masked}`
			: `• Claude Code token ${key.masked}: not checked (claude-setup cannot check a token)`,
	);

	// Before anything else is looked at: where the key would go, and whether it may.
	const sends = options.verify && check.kind === "api-key";
	const gate = sends ? destinationGate(system, options.allowBaseURL) : undefined;
	if (gate && !gate.ok) {
		const { title, why, next } = gate.explanation;
		const error = printError({ title, why, next: [...next] }, "destination");
		return fail(ExitCode.usage, error, { key });
	}
	if (gate?.note) print(`• ${gate.note}`);
	const api = gate?.ok ? { api: destinationReport(gate) } : {};

	const environment = await detectEnvironment(system, context.parentPid);

	let models: Awaited<ReturnType<typeof checkKeyLive>> | undefined;
	if (sends) {
		models = await checkKeyLive(system, check.key, "key-stdin");
		if (!models.ok) {
			const { advice } = models;
			const { outcome } = advice;
			// Before the request-id, which ends what is said (and in --json's next, too).
			const skip = outcome !== "rejected" && outcome !== "refused";
			const next = skip ? [...advice.next, "Or save it without checking: add --no-verify."] : advice.next;
			const error = printError({ ...advice, next });
			return fail(checkExitCode(outcome), error, { key, ...api });
		}
		print("✓ The API accepts the key.");
	}

	// --env-file alone means the .env: saving to the shell's file instead would ignore it silently.
	const fallback: TargetName = options.envFile !== undefined ? "dotenv" : environment.defaultTarget;
	const chosen = options.targets.length > 0 ? options.targets : [fallback];
	const keychain = await keychainGateFor(system, environment, chosen, options.shellBlock !== false);
	if (!keychain.ok) {
		const error = printError(
			{ title: keychain.title, why: keychain.why, next: [...keychain.next] },
			"keychain",
		);
		return fail(ExitCode.usage, error, { key });
	}
	const targets = keychain.targets;
	const { input: planInput, others } = rotationPlanInput(environment, {
		targets,
		variable: check.variable,
		key: check.key,
		envFile: options.envFile,
		disableOthers: options.yes === true,
		fixClaudeSettings: options.yes === true,
		shellBlock: options.shellBlock,
	});
	const input = keychain.store ? { ...planInput, keychain: keychain.store } : planInput;
	let planned = await planChanges(system, input);
	// A startup file under version control never gets the key: it sources a private file instead.
	if (planned.ok && planned.plan.trackedDotfiles?.some((tracked) => !tracked.private)) {
		print("• A target file is under version control: the key goes in a private file it loads.");
		planned = await planChanges(system, { ...input, privateFile: true });
	}
	if (!planned.ok) {
		print(`✗ ${planned.message}`);
		return fail(ExitCode.writeFailed, fileError(planned.message, planned.path), { key });
	}
	const { plan } = planned;
	const files: FileReport[] = plan.changes.map((change) => ({
		target: change.file.target,
		path: change.file.path,
		action: change.action,
		backup: change.backupPath,
		otherDefinitions: change.otherDefinitions,
		...(change.parseCheck === undefined ? {} : { parseCheck: change.parseCheck }),
		...(change.modeChange ? { modeChange: octalModes(change.modeChange) } : {}),
	}));
	for (const line of planLines(plan, options.dryRun)) print(line);
	if (!options.yes) {
		for (const finding of others) {
			print(
				`! ${check.variable} is also set in ${where(finding.source)} (${finding.masked}), not by claude-setup.`,
			);
		}
		if (others.length > 0)
			print("  → Add --yes to comment those out (`claude-setup remove` puts them back).");
	}
	// Before writing: what Claude Code will send afterwards, and whom it will bill.
	const claude = claudeCodeNotes(environment, plan, check.key, {
		flag: options.yes ? undefined : "--yes",
		headless: true,
	});
	for (const note of claude.notes) print(`! ${note}`);
	if (claude.problem) print(`! ${claude.problem.message}\n  → ${claude.problem.next}`);
	const claudeCode = {
		sendsNewKey: claude.after?.verdict.print,
		interactive: claude.after?.verdict.interactive,
		billsKeyInsteadOfSubscription: claude.billing,
		notes: claude.notes,
	};
	if (plan.userVariable) {
		const { action, previousMasked, backupPath } = plan.userVariable;
		const path = plan.userVariable.display;
		files.push({
			target: "windows",
			path,
			action,
			backup: backupPath,
			otherDefinitions: [],
			previous: previousMasked,
		});
	}
	// A link out of the home folder takes the key elsewhere: only with --yes.
	const outside = plan.changes.find((change) => change.linkOutsideHome !== undefined);
	if (outside && !options.yes) {
		const message = `${outside.display} is a link to ${outside.linkOutsideHome}, outside your home folder. Nothing was written: add --yes to save the key there, or choose another target.`;
		print(`✗ ${message}`);
		return fail(
			ExitCode.writeFailed,
			{
				kind: "link-outside-home",
				path: outside.file.path,
				title: message,
				next: ["Add --yes to save the key there, or choose another target."],
			},
			{ key, files },
		);
	}
	// A .env git tracks never receives the key while it stays tracked (--untrack: untracked first).
	const tracked = await settleTrackedEnv(system, plan, options, print);
	if (tracked) return fail(ExitCode.writeFailed, tracked, { key, files });
	if (options.dryRun) {
		print("Dry run: nothing was written.");
		const planned = files.map(dryRunFile);
		return {
			ok: true,
			exitCode: ExitCode.ok,
			dryRun: true,
			key,
			files: planned,
			claudeCode,
			gitignore: plan.gitignore?.display,
		};
	}

	const applied = await applyPlan(system, plan);
	if (!applied.ok) {
		print(`✗ ${applied.message}`);
		return fail(ExitCode.writeFailed, fileError(applied.message, applied.path), { key, files });
	}
	for (const written of applied.written) {
		if (written.backupDisplay)
			print(`  ${backedUp(written.backupDisplay, written.action === "user-variable" ? "value" : "file")}`);
	}

	// Claude's answer does not depend on the shell: ask while a fresh shell proves the file.
	const liveTest = sends
		? runLiveTest(system, check.key, models?.ok ? models.models : undefined, options.model, "key-stdin")
		: undefined;
	liveTest?.catch(() => undefined); // awaited below; only a proof failing first leaves it unread
	const left = options.yes ? [] : staleWinners(others, []);
	const proofs = await proveChanges(system, plan, environment.detected, check.key, context.nodePath, left);
	// A problem already said above ends in exit 7 below; otherwise ask Claude Code itself.
	if (!claude.problem) {
		const ask = options.askClaudeCode;
		proofs.push(...(await claudeCodeProofs(system, environment, plan, check.key, { notes: claude, ask })));
	}
	for (const proof of proofs) print(`${proof.ok ? "✓" : "✗"} ${proof.detail}`);
	const staleDefinitions = options.yes ? [] : staleWinners(others, proofs);
	for (const stale of staleDefinitions.filter((definition) => definition.winsIn.length > 0)) {
		print(`✗ ${stale.where} (${stale.masked}) still wins in ${stale.winsIn.join(" and ")}.`);
	}
	const proven = proofs.every((proof) => proof.ok);
	const base = {
		key,
		...api,
		files,
		trackedDotfiles: plan.trackedDotfiles?.map(({ path, via, repository, private: kept }) => ({
			path,
			via,
			repository,
			private: kept,
		})),
		gitignore: plan.gitignore?.display,
		untracked: plan.trackedSecretFile?.path,
		proofs,
		staleDefinitions,
		claudeCode,
	};

	if (liveTest) {
		const test = await liveTest;
		if (!test.ok) {
			const error = printError(test.advice);
			return fail(exitCodeForAdvice(test.advice.outcome), error, { ...base, model: test.model });
		}
		print(`✓ ${claudeReplied(test)}`);
		Object.assign(base, { liveTest: { model: test.model, ms: Math.round(test.ms), reply: test.reply } });
	}
	const stale = staleTerminalWarning(plan, check.key, system.env[plan.variable]);
	if (stale) print(`! ${stale}`);
	const old = oldKeys(environment.credentials, check.variable, check.key);
	const checkedOld = sends
		? await checkOldKeys(old, (value) => checkKeyLive(system, value, "key-stdin"))
		: old;
	for (const line of revokeReminder(checkedOld)) print(`! ${line}`);
	if (proven)
		Object.assign(base, await offerPurge(system, environment, plan, check, options.purgeOld, print));
	for (const hint of usageHints(plan, environment.detected, environment.windows)) print(hint);
	if (claude.problem) {
		print(`✗ Saved, but Claude Code will not send the new key. ${claude.problem.next}`);
		const error = { kind: "claude-code", title: claude.problem.message, next: [claude.problem.next] };
		return fail(ExitCode.notProven, error, base);
	}
	return proven
		? { ok: true, exitCode: ExitCode.ok, ...base }
		: { ok: false, exitCode: ExitCode.notProven, ...base };
}
