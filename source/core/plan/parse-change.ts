// The real shell's say before a startup file is written: a change that turns a file its shell
// can read into one it cannot is refused, with the file and what to do named.
import { checkParses, type ParseCheck, parserFor } from "../parse/parse-gate.js";
import type { System } from "../system.js";
import type { TargetFile } from "./targets.js";

export type Gated = { ok: true; check?: ParseCheck } | { ok: false; message: string };

export async function gateChange(
	system: System,
	file: TargetFile,
	display: string,
	before: string | undefined,
	after: string | undefined,
	key?: string,
): Promise<Gated> {
	const parser = parserFor(file);
	// A new file holds only claude-setup's own lines, which the tests parse with every shell.
	if (parser === undefined || before === undefined || after === undefined || after === before)
		return { ok: true };
	// Git Bash's or WSL's bash on Windows is not necessarily the one that reads the file.
	if (system.platform === "win32" && (parser === "bash" || parser === "zsh" || parser === "fish")) {
		return { ok: true, check: { kind: "unchecked", parser, why: `${parser} is not run on Windows` } };
	}
	const hide = (text: string) => withoutKeys(text, key);
	const check = await checkParses(system.run, system.env, parser, before && hide(before), hide(after), {
		windows: system.platform === "win32",
	});
	if (check.kind !== "broken") return { ok: true, check };
	const message = `${display}: ${parser} could not read this file after the change (${check.error}), so nothing was written. Edit the lines claude-setup would change by hand, or choose another target, then run \`claude-setup\` again.`;
	return { ok: false, message };
}

// Keys hold only [A-Za-z0-9_-], which every shell reads as plain word characters: the same number
// of `x`s parses the same, so no key (new or old) ever reaches the parser, not even on its stdin.
const KEY_SHAPED = /sk-ant-[A-Za-z0-9_-]+/g;

function withoutKeys(text: string, key: string | undefined): string {
	const hidden = key && /^[A-Za-z0-9_-]+$/.test(key) ? text.split(key).join("x".repeat(key.length)) : text;
	return hidden.replace(KEY_SHAPED, (found) => `sk-ant-${"x".repeat(found.length - 7)}`);
}
