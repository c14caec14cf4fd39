// --json prints exactly one object: the report, or — when a signal comes first — one that says so.
import { describe, expect, it } from "vitest";
import { createJsonOutput } from "../../source/system/json-output.js";

describe("createJsonOutput", () => {
	it.each([
		["SIGTERM", 143, "interrupted"],
		["SIGHUP", 129, "interrupted"],
		["SIGINT", 130, "cancelled"],
	] as const)("%s before the report: one object, exit %i, kind %s", (signal, exitCode, kind) => {
		const written: string[] = [];
		const output = createJsonOutput("setup", (text) => written.push(text));
		output.interrupted(signal);
		output.print(JSON.stringify({ ok: true }));
		expect(written).toHaveLength(1);
		expect(JSON.parse(written[0] ?? "")).toMatchObject({
			ok: false,
			exitCode,
			interrupted: signal,
			error: { kind },
		});
	});

	it("a signal after the report adds nothing", () => {
		const written: string[] = [];
		const output = createJsonOutput("setup", (text) => written.push(text));
		output.print('{"ok":true}');
		output.interrupted("SIGTERM");
		expect(written).toEqual(['{"ok":true}']);
	});
});
