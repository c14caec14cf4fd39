// fish keeps universal variables (`set -U`) in fish_variables, one per line:
// `SETUVAR --export NAME:value` with every character but letters, digits, / and _ escaped
// (`\x2d` for "-", `\u00e9` for "é") and list items separated by `\x1e`.

import { SETTING_VARIABLES, type SettingVariable } from "./scan-types.js";

export interface UniversalVariable {
	readonly variable: SettingVariable;
	readonly value: string;
}

const LINE = /^SETUVAR(?:[ \t]+--[a-z-]+)*[ \t]+([A-Za-z_][A-Za-z0-9_]*):(.*)$/;
const ESCAPE = /\\(?:x([0-9a-fA-F]{1,2})|u([0-9a-fA-F]{1,4})|U([0-9a-fA-F]{1,8})|(.))/gs;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", e: "\u001b" };
const LIST_SEPARATOR = "\u001e";

function unescapeFish(escaped: string): string {
	return escaped.replace(ESCAPE, (_, hex?: string, short?: string, long?: string, other?: string) => {
		const code = hex ?? short ?? long;
		if (code !== undefined) {
			const point = Number.parseInt(code, 16);
			return point <= 0x10ffff ? String.fromCodePoint(point) : "";
		}
		return SIMPLE_ESCAPES[other ?? ""] ?? other ?? "";
	});
}

/** The setting variables defined in fish_variables; a list is exported joined by spaces, as fish does. */
export function decodeFishVariables(text: string): UniversalVariable[] {
	const found: UniversalVariable[] = [];
	for (const line of text.split(/\r?\n/)) {
		const match = LINE.exec(line);
		if (!match) continue;
		const [, name = "", escaped = ""] = match;
		const variable = SETTING_VARIABLES.find((candidate) => candidate === name);
		if (variable === undefined) continue;
		const value = unescapeFish(escaped).split(LIST_SEPARATOR).join(" ");
		found.push({ variable, value });
	}
	return found;
}
