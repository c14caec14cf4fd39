import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askZshForZdotdir } from "../../../source/core/plan/targets.js";
import { runCommand } from "../../../source/system/node-run.js";

describe("askZshForZdotdir (real zsh)", () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), "claude-setup-zdotdir-"));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});
	const env = () => ({ HOME: dir, PATH: process.env.PATH });

	it("finds a ZDOTDIR set inside ~/.zshenv, despite noise", async () => {
		await writeFile(path.join(dir, ".zshenv"), `echo "welcome"\nexport ZDOTDIR="$HOME/.config/zsh"\n`);
		expect(await askZshForZdotdir(runCommand, env())).toBe(`${dir}/.config/zsh`);
	});
	it("returns undefined when zsh has no ZDOTDIR", async () => {
		await writeFile(path.join(dir, ".zshenv"), "# nothing\n");
		expect(await askZshForZdotdir(runCommand, env())).toBeUndefined();
	});
	it("uses ZDOTDIR from the environment without asking", async () => {
		const calls: string[] = [];
		const run = async (command: string) => {
			calls.push(command);
			return {
				exitCode: 0,
				stdout: "",
				stderr: "",
				notFound: false,
				timedOut: false,
			};
		};
		expect(await askZshForZdotdir(run, { ZDOTDIR: "/z" })).toBe("/z");
		expect(calls).toEqual([]);
	});
	it("returns undefined when zsh is not installed", async () => {
		expect(await askZshForZdotdir(runCommand, { HOME: dir, PATH: dir })).toBeUndefined();
	});
});
