// The programs besides PowerShell that claude-setup starts on the fake machine: Git Bash's
// login bash (reads ~/.bash_profile under Git Bash's HOME), Node's --env-file loader, and git,
// which is not installed here.
import path from "node:path";
import { findDefinitions } from "../../../source/core/edit/definitions.js";
import { parseDotenv } from "../../../source/core/edit/dotenv.js";
import { envValue } from "../../../source/core/platform/windows-env.js";
import { proofCommand } from "../../../source/core/prove/prove-command.js";
import { decodeText } from "../../../source/core/text/text-encoding.js";
import type { MemoryFs } from "../memory-fs.js";
import type { RecordedCall } from "../scripted-runner.js";
import type { Answer, HostState } from "./powershell-host.js";

/** What the posix and Node proof scripts print. */
function proofMarker(value: string | undefined, exported = true): string {
	const inner = value === undefined ? "unset" : exported ? `exported:${value}` : "local";
	return `\n<<claude-setup:${inner}:claude-setup>>\n`;
}

/** The variable a proof script asks about, when the script is exactly the one claude-setup builds. */
function proofVariable(script: string | undefined, build: (name: string) => string) {
	const name = /printenv ([A-Za-z_]\w*)|process\.env\["([A-Za-z_]\w*)"\]/.exec(script ?? "");
	const variable = name?.[1] ?? name?.[2];
	return variable !== undefined && build(variable) === script ? variable : undefined;
}

const LOGIN_FILES = [".bash_profile", ".bash_login", ".profile"];

/** `bash -lic <proof>`: login bash reads the first of its login files that exists. */
function gitBash(state: HostState, call: RecordedCall): Answer | undefined {
	const env = call.env ?? state.env;
	// Git for Windows puts its bash on PATH only in its own windows (MSYSTEM is set there).
	if (!envValue(env, "MSYSTEM")) return { label: "bash (not installed)", result: { notFound: true } };
	const variable = proofVariable(
		call.args[1],
		(name) => proofCommand("bash", "windows", name, {}).args[1] ?? "",
	);
	if (call.args[0] !== "-lic" || variable === undefined) return undefined;
	const home = envValue(env, "HOME") ?? envValue(env, "USERPROFILE") ?? "";
	const file = LOGIN_FILES.map((name) => state.read(path.win32.join(home, name))).find((bytes) => bytes);
	const last = file && findDefinitions(decodeText(file).text, "posix", variable).at(-1);
	const inherited = envValue(env, variable);
	const stdout = last
		? proofMarker(last.value, last.syntax !== "assignment" || inherited !== undefined)
		: proofMarker(inherited);
	return { label: `bash proof ${variable}`, result: { exitCode: 0, stdout } };
}

/** `node --env-file=<path> -e <proof>`: a variable already in the environment wins over the file. */
function nodeEnvFile(state: HostState, call: RecordedCall): Answer | undefined {
	const [flag, dashE, script] = call.args;
	const file = flag?.startsWith("--env-file=") ? flag.slice("--env-file=".length) : undefined;
	const build = (name: string) =>
		proofCommand("dotenv", "windows", name, {}, file, call.command).args[2] ?? "";
	const variable = proofVariable(script, build);
	if (file === undefined || dashE !== "-e" || variable === undefined) return undefined;
	const label = `node --env-file proof ${variable}`;
	const bytes = state.read(path.win32.resolve(state.env.USERPROFILE ?? "C:\\", file));
	if (bytes === undefined) return { label, result: { exitCode: 9, stderr: `node: ${file}: not found\r\n` } };
	const value =
		envValue(call.env ?? state.env, variable) ?? parseDotenv(decodeText(bytes).text).get(variable);
	return { label, result: { exitCode: 0, stdout: proofMarker(value) } };
}

export function answerOther(state: HostState, call: RecordedCall): Answer | undefined {
	if (call.command === "git")
		return { label: `git ${call.args.slice(2).join(" ")} (not installed)`, result: { notFound: true } };
	if (call.command === "bash") return gitBash(state, call);
	if (call.args[0]?.startsWith("--env-file=")) return nodeEnvFile(state, call);
	return undefined;
}

/** The file's bytes right now (the runner answers synchronously); paths compare without case. */
export function readNow(fs: MemoryFs, wanted: string): Uint8Array | undefined {
	const key = path.win32.normalize(wanted).toLowerCase();
	const found = Object.entries(fs.files()).find(([file]) => path.win32.normalize(file).toLowerCase() === key);
	return found?.[1];
}
