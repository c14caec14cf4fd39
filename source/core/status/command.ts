// `claude-setup status` and `claude-setup remove` as plain-text commands over a System.
import { applyPlan } from "../apply/apply.js";
import { scanEverywhere } from "../claude-code/scan-all.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { describeAction, describeUserVariable } from "../flow/describe.js";
import { adviceError, dryRunFile, fileError, versioned } from "../flow/json-report.js";
import { detectSystem } from "../flow/session.js";
import { planRemoval } from "../plan/remove.js";
import type { TargetName } from "../plan/targets.js";
import type { System } from "../system.js";
import { terminalJson } from "../text/visible.js";
import { yesNoHint } from "../wording/voice.js";
import { checkDisabledKeys, disabledKeyLine } from "./disabled-keys.js";
import { deleteKeychainItem, planKeychainRemoval } from "./keychain-removal.js";
import { keychainLines, keychainStatus } from "./keychain-status.js";
import { statusLines } from "./render.js";
import { buildStatus, type StatusReport } from "./report.js";

export interface CommandIo {
	readonly print: (line: string) => void;
	readonly json: boolean;
	readonly parentPid: number;
}

export async function runStatus(system: System, verify: boolean, io: CommandIo): Promise<ExitCodeValue> {
	const { detected, windows } = await detectSystem(system, io.parentPid);
	const kept = await keychainStatus(system);
	const keychain = kept?.status;
	const report = await buildStatus(system, { detected, windows, verify, onRequest: kept?.onRequestKey });
	// A keychain that cannot be read, or a helper gone, is something to fix even if the rest is fine.
	const exitCode =
		keychain && !keychain.ok && report.exitCode === ExitCode.ok ? ExitCode.notProven : report.exitCode;
	if (io.json) {
		const ok = exitCode === ExitCode.ok;
		io.print(terminalJson({ ...statusJson(report), ok, exitCode, ...(keychain ? { keychain } : {}) }));
	} else {
		const lines = statusLines(report);
		// Before the verdict, which ends what status says.
		if (keychain) lines.splice(Math.max(lines.length - 2, 0), 0, "", ...keychainLines(keychain));
		for (const line of lines) io.print(line);
	}
	return exitCode;
}

/** status --json: the report, versioned; a key the API refused or could not check is its error. */
function statusJson(report: StatusReport) {
	const checks = [report.liveCheck, report.thisProcess.liveCheck];
	const failed = checks.find((check) => check !== undefined && !check.ok);
	return versioned("status", {
		ok: report.exitCode === ExitCode.ok,
		...report,
		...(failed && !failed.ok ? { error: adviceError(failed.advice) } : {}),
	});
}

export interface RemoveOptions {
	readonly targets: readonly TargetName[];
	readonly dryRun: boolean;
	/** Asks the person; undefined when nobody can answer (no terminal) and --yes was not given. */
	readonly confirm: ((question: string) => Promise<boolean>) | undefined;
	/** Asks whether to restore a commented-out key the API rejects; undefined: it is not restored. */
	readonly restoreRejected?: (question: string) => Promise<boolean>;
	/** false (--no-verify): commented-out keys are restored without a check. */
	readonly verify?: boolean;
}

const NOT_REVOKED =
	"Removing the key from your files does not revoke it: do that at console.anthropic.com → API keys.";

export async function runRemove(
	system: System,
	options: RemoveOptions,
	io: CommandIo,
): Promise<ExitCodeValue> {
	const { detected, windows } = await detectSystem(system, io.parentPid);
	const scan = await scanEverywhere(system, { detected, windows });
	// A key it commented out is checked before it comes back: a rejected one stays out unless asked.
	const disabled = await checkDisabledKeys(system, scan.scannedFiles, options.verify !== false);
	const rejected = disabled.filter((key) => key.verdict === "rejected");
	const question = `Restore ${rejected.length === 1 ? "the rejected key" : `the ${rejected.length} rejected keys`} anyway? ${yesNoHint(false)} `;
	const restoreRejected =
		rejected.length > 0 && !io.json && options.restoreRejected
			? await options.restoreRejected(question)
			: false;
	if (!io.json) for (const key of disabled) io.print(disabledKeyLine(key, restoreRejected));
	const keepDisabled = new Map<string, Set<number>>();
	if (!restoreRejected) {
		for (const key of rejected)
			keepDisabled.set(key.path, new Set([...(keepDisabled.get(key.path) ?? []), key.line]));
	}
	const planned = await planRemoval(system, {
		files: scan.scannedFiles,
		targets: options.targets,
		windows,
		keepDisabled,
	});
	const report = (fields: Record<string, unknown>, code: ExitCodeValue) => {
		if (io.json)
			io.print(terminalJson(versioned("remove", { ok: code === ExitCode.ok, exitCode: code, ...fields })));
		return code;
	};
	if (!planned.ok) {
		if (!io.json) io.print(`✗ ${planned.message}`);
		return report({ error: fileError(planned.message) }, ExitCode.writeFailed);
	}
	const keychain = await planKeychainRemoval(system, planned.plan.removal?.entries ?? []);
	if (keychain.problem) {
		const message = `Could not reach the keychain to delete the key: ${keychain.problem} Nothing was changed.`;
		if (!io.json) io.print(`✗ ${message}`);
		return report({ error: message }, ExitCode.writeFailed);
	}
	const plan = keychain.settings
		? { ...planned.plan, changes: [...planned.plan.changes, keychain.settings] }
		: planned.plan;
	const steps = plan.changes.map((change) => ({
		description: describeAction(change),
		lines: change.previewLines,
	}));
	if (plan.userVariable)
		steps.push({ description: describeUserVariable(plan.userVariable, plan.variable), lines: [] });
	if (keychain.item?.present) {
		const { store, account } = keychain.item;
		steps.push({ description: `delete ${account} from ${store.name} (service claude-setup)`, lines: [] });
	}
	const files = plan.changes.map((change) => ({
		path: change.file.path,
		action: change.action,
		backup: change.backupPath,
	}));
	const item = keychain.item?.present
		? { keychain: keychain.item.store.kind, account: keychain.item.account }
		: {};
	if (steps.length === 0) {
		if (!io.json) io.print("claude-setup has written nothing here: nothing to remove.");
		return report({ files, disabledKeys: disabled }, ExitCode.ok);
	}
	if (!io.json) {
		io.print(options.dryRun ? "Would:" : "This will:");
		for (const step of steps) {
			io.print(`  • ${step.description}`);
			for (const line of step.lines) io.print(`      ${line}`);
		}
	}
	if (options.dryRun) {
		if (!io.json) io.print("Dry run: nothing was changed.");
		return report({ dryRun: true, files: files.map(dryRunFile) }, ExitCode.ok);
	}
	if (!options.confirm) {
		if (!io.json) io.print("Nothing was changed: add --yes to remove without a question.");
		const error = {
			kind: "usage",
			title: "Confirmation needed",
			next: ["Add --yes to remove without a question."],
		};
		return report({ error, files: files.map(dryRunFile) }, ExitCode.usage);
	}
	if (!(await options.confirm(`Remove these? ${yesNoHint(false)} `))) {
		if (!io.json) io.print("Cancelled. Nothing was changed.");
		return report({ cancelled: true, files: files.map(dryRunFile) }, ExitCode.cancelled);
	}
	const applied = await applyPlan(system, plan);
	if (!applied.ok) {
		if (!io.json) io.print(`✗ ${applied.message}`);
		return report({ error: fileError(applied.message, applied.path), files }, ExitCode.writeFailed);
	}
	// After the files: a block never reads an item that is gone while its file still asks for it.
	const deleted = await deleteKeychainItem(system, keychain);
	if (!deleted.ok) {
		const message = `The files are done, but the keychain item is still there: ${deleted.reason}`;
		if (!io.json) io.print(`✗ ${message}`);
		return report({ error: message, files }, ExitCode.writeFailed);
	}
	if (!io.json && keychain.item?.present)
		io.print(`✓ Deleted ${keychain.item.account} from ${keychain.item.store.name}`);
	if (!io.json) {
		for (const written of applied.written) {
			const done =
				written.action === "deleted"
					? "Deleted"
					: written.action === "user-variable"
						? "Removed from"
						: "Restored";
			io.print(
				`✓ ${done} ${written.display}${written.backupDisplay ? ` (backup: ${written.backupDisplay})` : ""}`,
			);
		}
		io.print(NOT_REVOKED);
	}
	return report({ files, ...item, disabledKeys: disabled, note: NOT_REVOKED }, ExitCode.ok);
}
