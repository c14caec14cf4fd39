import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../source/system/node-run.js";

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-run-"));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("run", () => {
	it("passes input on stdin and the environment exactly as given", async () => {
		const result = await runCommand(
			"sh",
			["-c", 'read line; printf "%s|%s|%s" "$line" "$ONLY" "$(printenv HOME || echo unset)"'],
			{
				input: "secret-from-stdin\n",
				env: { ONLY: "yes", PATH: process.env.PATH },
			},
		);
		expect(result).toEqual({
			exitCode: 0,
			stdout: "secret-from-stdin|yes|unset",
			stderr: "",
			notFound: false,
			timedOut: false,
		});
	});

	it("gives an empty stdin when there is no input, and reports exit codes and cwd", async () => {
		const result = await runCommand("sh", ["-c", "read x || echo eof; pwd; echo oops >&2; exit 3"], {
			cwd: dir,
		});
		expect(result).toMatchObject({
			exitCode: 3,
			stdout: `eof\n${dir}`,
			stderr: "oops",
			notFound: false,
		});
	});

	it("reports a program that is not installed", async () => {
		const result = await runCommand("claude-setup-no-such-program", ["x"]);
		expect(result).toMatchObject({
			notFound: true,
			exitCode: undefined,
			timedOut: false,
		});
	});

	it("kills a command that runs too long, background jobs included", async () => {
		const started = Date.now();
		const result = await runCommand("sh", ["-c", "sleep 30 & sleep 30"], {
			timeoutMs: 300,
		});
		expect(result).toMatchObject({
			timedOut: true,
			exitCode: undefined,
			notFound: false,
		});
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
