// `status` checks a key live only where the key may go: another host without the opt-in, or
// plain http, gets no request; the report says why and exits 2.
import { afterAll, describe, expect, it } from "vitest";
import { detectPlatform } from "../../../source/core/platform/platform.js";
import { statusLines } from "../../../source/core/status/render.js";
import { buildStatus } from "../../../source/core/status/report.js";
import { createAnthropicApi } from "../../../source/system/anthropic-api.js";
import { makeTempSystem, removeTempSystems } from "../../helpers/temp-system.js";
import { KEY, SECRETS, writeFiles } from "../scan/scan-fixtures.js";

afterAll(removeTempSystems);

async function statusWith(env: Record<string, string>, allowBaseURL?: string) {
	const api = createAnthropicApi({ env, allowBaseURL, timeoutMs: 2000 });
	const { system, home } = await makeTempSystem({ shell: "zsh", env, api });
	await writeFiles(home, { ".zshrc": `export ANTHROPIC_API_KEY=${KEY}\n` });
	const detected = detectPlatform({ platform: system.platform, env: system.env, home });
	const report = await buildStatus(system, { detected, verify: true });
	return { report, lines: statusLines(report).join("\n") };
}

describe("status' live check and where the key goes", { timeout: 30_000 }, () => {
	it.each([
		[
			"a look-alike over plain http",
			"http://api.anthropic.com.evil.test",
			"Not sending the key over plain http:// to api.anthropic.com.evil.test",
		],
		["another host, no opt-in", "https://gw.example.test", "Not sending the key to gw.example.test"],
		[
			"a user name before the host",
			"https://api.anthropic.com@evil.test",
			"Not sending the key to evil.test",
		],
		// A "refused" failure is made before the SDK is even loaded: no request can have left.
	])("%s: no request, exit 2, the reason and the fix shown", async (_, url, title) => {
		const { report, lines } = await statusWith({ ANTHROPIC_BASE_URL: url });
		expect(report.exitCode).toBe(2);
		expect(report.liveCheck).toMatchObject({ ok: false, advice: { title, outcome: "refused" } });
		expect(lines).toContain(`✗ ${title}.`);
		expect(lines).toContain("→ ");
		for (const secret of SECRETS) expect(lines + JSON.stringify(report)).not.toContain(secret);
	});

	it("another host with the opt-in is checked there", async () => {
		const { report } = await statusWith(
			{ ANTHROPIC_BASE_URL: "https://gw.example.test" },
			"https://gw.example.test",
		);
		// .test never resolves: the check went out (and says it could not look the host up).
		expect(report.liveCheck).toMatchObject({ ok: false, advice: { outcome: "unreachable" } });
		expect(report.exitCode).toBe(5);
	});
});
