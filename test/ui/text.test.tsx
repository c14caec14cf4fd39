// Every screen's Text shows outside text inert, and it is the only way text reaches Ink:
// no screen imports Ink's own Text, and nothing but the output guard writes to stdout/stderr.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Box } from "ink";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { Text } from "../../source/ui/text.js";
import { ACTING, HOSTILE, HOSTILE_TEXTS } from "../helpers/hostile-output.js";

afterEach(cleanup);

const source = fileURLToPath(new URL("../../source", import.meta.url));
const sourceFiles = readdirSync(source, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
	.map((entry) => path.join(entry.parentPath, entry.name));
const relative = (file: string) => path.relative(source, file).split(path.sep).join("/");

describe("ui/text.tsx's Text", () => {
	it.each(HOSTILE_TEXTS)("%s: shown as its stand-ins", (_, text, shown) => {
		const { lastFrame } = render(<Text>{text}</Text>);
		expect(lastFrame()).toContain(shown.split("\n")[0]);
		expect(lastFrame()).not.toMatch(ACTING);
	});

	it("nested Text, numbers and text beside elements: every string is made inert", () => {
		const { lastFrame } = render(
			<Box flexDirection="column">
				<Text>
					reply: {HOSTILE} <Text bold={false}>{HOSTILE}</Text> {42}
				</Text>
			</Box>,
		);
		expect(lastFrame()).not.toMatch(ACTING);
		expect(lastFrame()?.match(/␛\]2;pwned␇/g)).toHaveLength(2);
		expect(lastFrame()).toContain("42");
	});
});

describe("the choke points are the only way out", () => {
	it("no file but ui/text.tsx imports Ink's Text", () => {
		const offenders = sourceFiles.filter(
			(file) =>
				relative(file) !== "ui/text.tsx" &&
				/import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*"ink"/.test(readFileSync(file, "utf8")),
		);
		expect(offenders.map(relative)).toEqual([]);
	});

	it("nothing but system/output-guard.ts prints (first-frame.ts draws only our own prompt)", () => {
		const printing = /\bconsole\.(log|error|warn|info)\(|process\.std(out|err)\.write\(|\bstdout\.write\(/;
		const offenders = sourceFiles
			.filter((file) => printing.test(readFileSync(file, "utf8").replace(/`[^`]*`|"[^"]*"/g, "")))
			.map(relative);
		expect(offenders.sort()).toEqual(["first-frame.ts", "system/output-guard.ts"]);
	});

	it("cli.ts installs the output guard before anything else runs", () => {
		const cli = readFileSync(path.join(source, "cli.ts"), "utf8");
		expect(cli.match(/^import .*$/m)?.[0]).toBe('import "./guarded.js";');
	});
});
