// Test credentials whose middle is a recognisable secret, and a scan wrapper that fails the
// test when any masked value (or anything but the raw `value`) shows that secret.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { type ScanContext, scanEverywhere } from "../../../source/core/claude-code/scan-all.js";
import { detectPlatform } from "../../../source/core/platform/platform.js";
import type { ScanResult } from "../../../source/core/scan/scan-types.js";
import type { System } from "../../../source/core/system.js";

const credential = (prefix: string, secret: string, last4: string, length = 108) =>
	`${prefix}${secret}${"x".repeat(length - prefix.length - secret.length - last4.length)}${last4}`;

export const SECRETS = ["S3cretMain", "S3cretOld", "S3cretOauth", "S3cretAdmin", "S3cretCut"];
export const KEY = credential("sk-ant-api03-", "S3cretMain", "AbCd");
export const OLD_KEY = credential("sk-ant-api03-", "S3cretOld", "WxYz");
export const OAUTH = credential("sk-ant-oat01-", "S3cretOauth", "OaTk");
export const ADMIN = credential("sk-ant-admin01-", "S3cretAdmin", "AdMn");
export const TRUNCATED = credential("sk-ant-api03-", "S3cretCut", "CuTt", 60);

export const MASKED_KEY = "sk-ant-api03-…AbCd";
export const MASKED_OLD = "sk-ant-api03-…WxYz";

/** Everything a caller could print: the result with each raw value removed. */
function expectNoSecret(result: ScanResult): void {
	const shown = JSON.stringify({ ...result, findings: result.findings.map(({ value: _, ...rest }) => rest) });
	for (const secret of SECRETS) expect(shown).not.toContain(secret);
	for (const finding of result.findings) {
		for (const secret of SECRETS) expect(finding.masked).not.toContain(secret);
	}
}

export async function scan(system: System, windows?: ScanContext["windows"]): Promise<ScanResult> {
	const detected = detectPlatform({ platform: system.platform, env: system.env, home: system.homeDir });
	const result = await scanEverywhere(system, windows === undefined ? { detected } : { detected, windows });
	expectNoSecret(result);
	return result;
}

/** Writes files (relative to `root`), making their folders. */
export async function writeFiles(root: string, files: Readonly<Record<string, string>>): Promise<void> {
	for (const [name, content] of Object.entries(files)) {
		const file = path.join(root, name);
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, content);
	}
}

/** The parts of findings tests compare: no raw value, so a failing diff never prints a key. */
export function summary(result: ScanResult) {
	return result.findings.map((finding) => {
		const where = finding.source.kind === "file" ? `${finding.source.display}:${finding.source.line}` : "";
		const display = "display" in finding.source ? finding.source.display : "";
		return [finding.source.kind, where || display, finding.variable, finding.masked, finding.managed].join(
			" ",
		);
	});
}
