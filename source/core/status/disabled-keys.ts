// Before `remove` puts back a definition claude-setup commented out, the key in it is checked
// live (one GET /v1/models, no tokens): a key the API rejects is not silently brought back.

import { disabledLines, restoreCommentedLines } from "../edit/comment-out.js";
import { findDefinitions } from "../edit/definitions.js";
import { maskKey } from "../key/key.js";
import { syntaxOf } from "../plan/file-syntax.js";
import { displayPath } from "../plan/targets.js";
import type { System } from "../system.js";
import { decodeText } from "../text/text-encoding.js";

export interface DisabledKey {
	readonly path: string;
	readonly display: string;
	readonly line: number;
	readonly masked: string;
	readonly verdict: "works" | "rejected" | "unchecked";
	/** What the API said, or why it was not asked. */
	readonly detail: string;
}

/** Only API keys: the Models API takes no OAuth token. */
const VARIABLE = "ANTHROPIC_API_KEY";

export async function checkDisabledKeys(
	system: System,
	files: readonly string[],
	verify: boolean,
): Promise<DisabledKey[]> {
	const found: { path: string; line: number; value: string }[] = [];
	for (const path of new Set(files)) {
		const bytes = await system.fs.read(path).catch(() => undefined);
		if (bytes === undefined) continue;
		const text = decodeText(bytes).text;
		const lines = disabledLines(text);
		if (lines.length === 0) continue;
		const syntax = syntaxOf(path);
		if (syntax === "json") continue;
		const restored = restoreCommentedLines(text).text;
		for (const definition of findDefinitions(restored, syntax, VARIABLE)) {
			if (lines.includes(definition.line))
				found.push({ path, line: definition.line, value: definition.value });
		}
	}
	const verdicts = new Map<string, Pick<DisabledKey, "verdict" | "detail">>();
	for (const { value } of found) {
		if (verdicts.has(value)) continue;
		verdicts.set(
			value,
			verify ? await checkOne(system, value) : { verdict: "unchecked", detail: "--no-verify" },
		);
	}
	return found.map(({ path, line, value }) => ({
		path,
		display: displayPath(path, system.homeDir),
		line,
		masked: maskKey(value),
		...(verdicts.get(value) ?? { verdict: "unchecked", detail: "" }),
	}));
}

async function checkOne(system: System, key: string): Promise<Pick<DisabledKey, "verdict" | "detail">> {
	const result = await system.api.listModels(key).catch(() => undefined);
	if (result === undefined) return { verdict: "unchecked", detail: "the check failed" };
	if (result.ok) return { verdict: "works", detail: "the API accepts it" };
	const { failure } = result;
	if (failure.kind === "http" && (failure.status === 401 || failure.status === 403)) {
		return { verdict: "rejected", detail: `the API rejects it (${failure.status})` };
	}
	const why =
		failure.kind === "http"
			? `the API answered ${failure.status}`
			: failure.kind === "refused"
				? failure.title
				: failure.kind === "timeout"
					? "the API did not answer in time"
					: "the API could not be reached";
	return { verdict: "unchecked", detail: why };
}

export function disabledKeyLine(key: DisabledKey, restoring: boolean): string {
	const where = `${key.display} line ${key.line}: ${VARIABLE} ${key.masked} (commented out by claude-setup)`;
	if (key.verdict === "works") return `✓ ${where} works: it will be restored.`;
	if (key.verdict === "rejected") {
		return restoring
			? `! ${where}: ${key.detail}, restored because you asked.`
			: `✗ ${where}: ${key.detail}, so it stays commented out.`;
	}
	return `! ${where} was not checked (${key.detail}): it will be restored as it was.`;
}
