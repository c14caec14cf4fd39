import { describe, expect, it } from "vitest";
import { parseProof, proofCommand } from "../../../source/core/prove/prove-command.js";

const KEY = `sk-ant-api03-${"Zq7".repeat(30)}AbCdEfGh-AA`;
const NAME = "ANTHROPIC_API_KEY";

describe("proofCommand", () => {
	it.each([
		["zsh", "linux", "zsh", "-ic"],
		["bash", "linux", "bash", "-ic"],
		["bash", "wsl", "bash", "-ic"],
		["bash", "macos", "bash", "-lic"],
		["bash", "windows", "bash", "-lic"],
		["fish", "macos", "fish", "-c"],
	] as const)("%s on %s → %s %s", (target, osKind, command, flag) => {
		const proof = proofCommand(target, osKind, NAME, {
			HOME: "/h",
			[NAME]: KEY,
			PATH: "/bin",
		});
		expect([proof.command, proof.args[0]]).toEqual([command, flag]);
		expect(proof.env).toEqual({ HOME: "/h", PATH: "/bin" });
		expect(proof.args.join(" ")).not.toContain(KEY);
	});
	it("runs the given node with --env-file", () => {
		const proof = proofCommand("dotenv", "linux", NAME, {}, "/p/.env", "/usr/bin/node20");
		expect(proof.command).toBe("/usr/bin/node20");
		expect(proof.args.slice(0, 2)).toEqual(["--env-file=/p/.env", "-e"]);
	});
	it("refuses a variable name that could inject shell code", () => {
		expect(() => proofCommand("zsh", "linux", "X;rm -rf ~", {})).toThrow(/Not a variable name/);
	});
});

describe("parseProof", () => {
	it.each([
		["plain", "\n<<claude-setup:exported:abc:claude-setup>>\n", { found: true, value: "abc" }],
		["empty value", "<<claude-setup:exported::claude-setup>>", { found: true, value: "" }],
		[
			"noise around",
			"motd\n% prompt <<claude-setup:exported:v1:claude-setup>>\r\nlogout\n",
			{ found: true, value: "v1" },
		],
		[
			"last marker wins",
			"<<claude-setup:exported:fake:claude-setup>>\n<<claude-setup:unset:claude-setup>>",
			{ found: false },
		],
		["unset", "<<claude-setup:unset:claude-setup>>", { found: false }],
		["not exported", "<<claude-setup:local:claude-setup>>", { found: false, notExported: true }],
		["no marker", "bash: no job control in this shell", { found: false }],
	])("%s", (_name, stdout, expected) => {
		expect(parseProof(stdout)).toEqual(expected);
	});
});
