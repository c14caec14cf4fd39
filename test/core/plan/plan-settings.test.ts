// Replacing the key in a Claude Code settings.json keeps every other byte: BOM, CRLF, tabs,
// key order, other env values, non-ASCII; a file that does not parse is refused, not guessed at.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupPlace } from "../../../source/core/plan/plan.js";
import { planSettingsKey } from "../../../source/core/plan/plan-settings.js";
import { encodeText } from "../../../source/core/text/text-encoding.js";
import { makeTempSystem, removeTempSystems, testKey } from "../../helpers/temp-system.js";

afterAll(removeTempSystems);

const OLD = testKey("PlanSettingsOld", "OldK");
const NEW = testKey("PlanSettingsNew", "NewK");

const CASES: { name: string; before: string; after: string }[] = [
	{
		name: "two-space JSON",
		before: `{\n  "env": {\n    "ANTHROPIC_API_KEY": "${OLD}"\n  }\n}\n`,
		after: `{\n  "env": {\n    "ANTHROPIC_API_KEY": "${NEW}"\n  }\n}\n`,
	},
	{
		name: "BOM, CRLF and tabs",
		before: `\uFEFF{\r\n\t"env": {\r\n\t\t"ANTHROPIC_API_KEY": "${OLD}"\r\n\t}\r\n}`,
		after: `\uFEFF{\r\n\t"env": {\r\n\t\t"ANTHROPIC_API_KEY": "${NEW}"\r\n\t}\r\n}`,
	},
	{
		name: "other env values and settings around it, non-ASCII, one line",
		before: `{"model":"opus","env":{"A":"é✓","ANTHROPIC_API_KEY":"${OLD}","Z":"1"},"x":[1,2]}`,
		after: `{"model":"opus","env":{"A":"é✓","ANTHROPIC_API_KEY":"${NEW}","Z":"1"},"x":[1,2]}`,
	},
	{
		name: "an empty value (it hides the terminal's key from Claude Code)",
		before: `{ "env": { "ANTHROPIC_API_KEY": "" } }`,
		after: `{ "env": { "ANTHROPIC_API_KEY": "${NEW}" } }`,
	},
];

describe("planSettingsKey", () => {
	it.each(CASES)("$name", async ({ before, after }) => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, "settings.json");
		await writeFile(file, before);
		const planned = await planSettingsKey(system, file, {
			...backupPlace(system),
			variable: "ANTHROPIC_API_KEY",
			key: NEW,
		});
		if (!planned.ok) throw new Error(planned.message);
		const written = encodeText({ text: planned.change.after ?? "", encoding: planned.change.encoding });
		expect(Buffer.from(written).toString("utf8")).toBe(after);
		expect(planned.change.action).toBe("replaced");
		expect(planned.change.previewLines.join("\n")).not.toContain("PlanSettings");
		expect(planned.change.backupPath).toBeDefined();
	});

	it("refuses a file that does not parse, saying what to do", async () => {
		const { system, home } = await makeTempSystem();
		const file = path.join(home, "settings.json");
		await writeFile(file, `{ "env": { "ANTHROPIC_API_KEY": "${OLD}" `);
		const planned = await planSettingsKey(system, file, {
			...backupPlace(system),
			variable: "ANTHROPIC_API_KEY",
			key: NEW,
		});
		expect(planned.ok).toBe(false);
		if (!planned.ok) {
			expect(planned.message).toContain("not valid JSON");
			expect(planned.message).not.toContain("PlanSettings");
		}
	});
});
