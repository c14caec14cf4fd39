// `remove` never silently brings a key back: a definition claude-setup commented out is checked
// live first; one the API rejects stays commented out unless the person asks for it.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DISABLED_NOTE } from "../../../source/core/edit/comment-out.js";
import { runRemove } from "../../../source/core/status/command.js";
import type { AnthropicApi } from "../../../source/core/system.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";

afterAll(removeTempSystems);

const WORKS = testKey("StillWorksSecret", "GoOd");
const REJECTED = testKey("RevokedKeySecret", "ReVk");

/** Answers GET /v1/models as the real API would for a working and a revoked key. */
const api: AnthropicApi & { asked: string[] } = {
	asked: [],
	async listModels(key) {
		api.asked.push(key);
		return key === WORKS
			? { ok: true, value: [], ms: 1 }
			: { ok: false, failure: { kind: "http", status: 401, type: "authentication_error" }, ms: 1 };
	},
	sendTestMessage: () => Promise.reject(new Error("no test message in remove")),
};

async function setUp() {
	const temp = await makeTempSystem({ api, shell: "bash" });
	const zshrc = path.join(temp.home, ".zshrc");
	const bashrc = path.join(temp.home, ".bashrc");
	await writeFile(
		zshrc,
		`# mine\n${DISABLED_NOTE}export ANTHROPIC_API_KEY='${REJECTED}'\nalias ll='ls -l'\n`,
	);
	await writeFile(bashrc, `${DISABLED_NOTE}export ANTHROPIC_API_KEY=${WORKS}\n`);
	return { ...temp, zshrc, bashrc };
}

async function remove(
	system: Awaited<ReturnType<typeof setUp>>["system"],
	restoreRejected?: () => Promise<boolean>,
) {
	const lines: string[] = [];
	const code = await runRemove(
		system,
		{ targets: [], dryRun: false, confirm: async () => true, restoreRejected },
		{ print: (line) => lines.push(line), json: false, parentPid: process.pid },
	);
	return { code, text: lines.join("\n") };
}

describe("remove and the keys claude-setup commented out", { timeout: 30_000 }, () => {
	it("restores a key that works, keeps a rejected one commented out, and says which is which", async () => {
		const { system, zshrc, bashrc } = await setUp();
		const { code, text } = await remove(system);
		expect(code).toBe(0);
		expect(await readFile(bashrc, "utf8")).toBe(`export ANTHROPIC_API_KEY=${WORKS}\n`);
		expect(await readFile(zshrc, "utf8")).toContain(`${DISABLED_NOTE}export ANTHROPIC_API_KEY='${REJECTED}'`);
		expect(text).toContain(
			"✓ ~/.bashrc line 1: ANTHROPIC_API_KEY sk-ant-api03-…GoOd (commented out by claude-setup) works",
		);
		expect(text).toContain(
			"✗ ~/.zshrc line 2: ANTHROPIC_API_KEY sk-ant-api03-…ReVk (commented out by claude-setup): the API rejects it (401), so it stays commented out.",
		);
		for (const secret of ["StillWorksSecret", "RevokedKeySecret"]) expect(text).not.toContain(secret);
	});

	it("restores the rejected one too when the person asks", async () => {
		const { system, zshrc } = await setUp();
		const { code, text } = await remove(system, async () => true);
		expect(code).toBe(0);
		expect(await readFile(zshrc, "utf8")).toBe(
			`# mine\nexport ANTHROPIC_API_KEY='${REJECTED}'\nalias ll='ls -l'\n`,
		);
		expect(text).toContain("restored because you asked");
	});
});
