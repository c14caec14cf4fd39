// `claude-setup status` and `claude-setup remove` as plain-text commands over a System.
import { applyPlan } from "../apply/apply.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { describeAction, describeUserVariable } from "../flow/describe.js";
import { adviceError, dryRunFile, fileError, versioned } from "../flow/json-report.js";
import { detectSystem } from "../flow/session.js";
import { planRemoval } from "../plan/remove.js";
import type { TargetName } from "../plan/targets.js";
import { scanEverywhere } from "../scan/scan.js";
import type { System } from "../system.js";
import { statusLines } from "./render.js";
import { buildStatus, type StatusReport } from "./report.js";

export interface CommandIo {
	readonly print: (line: string) => void;
	readonly json: boolean;
	readonly parentPid: number;
}

export async function runStatus(system: System, verify: boolean, io: CommandIo): Promise<ExitCodeValue> {
	const { detected, windows } = await detectSystem(system, io.parentPid);
	const report = await buildStatus(system, { detected, windows, verify });
	if (io.json) io.print(JSON.stringify(statusJson(report), null, 2));
	else for (const line of statusLines(report)) io.print(line);
	return report.exitCode;
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
	const planned = await planRemoval(system, { files: scan.scannedFiles, targets: options.targets, windows });
	const report = (fields: Record<string, unknown>, code: ExitCodeValue) => {
		if (io.json) {
			const report = versioned("remove", { ok: code === ExitCode.ok, exitCode: code, ...fields });
			io.print(JSON.stringify(report, null, 2));
		}
		return code;
	};
	if (!planned.ok) {
		if (!io.json) io.print(`✗ ${planned.message}`);
		return report({ error: fileError(planned.message) }, ExitCode.writeFailed);
	}
	const { plan } = planned;
	const steps = plan.changes.map((change) => ({
		description: describeAction(change),
		lines: change.previewLines,
	}));
	if (plan.userVariable)
		steps.push({ description: describeUserVariable(plan.userVariable, plan.variable), lines: [] });
	const files = plan.changes.map((change) => ({
		path: change.file.path,
		action: change.action,
		backup: change.backupPath,
	}));
	if (steps.length === 0) {
		if (!io.json) io.print("claude-setup has written nothing here: nothing to remove.");
		return report({ files }, ExitCode.ok);
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
	if (!(await options.confirm("Remove these? (y/N) "))) {
		if (!io.json) io.print("Cancelled. Nothing was changed.");
		return report({ cancelled: true, files: files.map(dryRunFile) }, ExitCode.cancelled);
	}
	const applied = await applyPlan(system, plan);
	if (!applied.ok) {
		if (!io.json) io.print(`✗ ${applied.message}`);
		return report({ error: fileError(applied.message, applied.path), files }, ExitCode.writeFailed);
	}
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
	return report({ files, note: NOT_REVOKED }, ExitCode.ok);
}
