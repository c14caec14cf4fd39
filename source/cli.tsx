#!/usr/bin/env node
// Flags → headless or interactive → exit code. Everything else lives in core/ and ui/.
// These run first, in this order: handle signals, clear CI for a person's terminal, draw the prompt.
import "./interrupted.js";
import "./interactive.js";
import "./first-frame.js";
import { HELP, type Options } from "./args.js";
import { decideDestination } from "./core/destination/destination.js";
import { ExitCode, type ExitCodeValue } from "./core/exit-codes.js";
import { runHeadless } from "./core/flow/headless.js";
import { versioned } from "./core/flow/json-report.js";
import { scrubSecrets } from "./core/key/scrub.js";
import { terminalPrinter } from "./core/layout/printer.js";
import { checkSudo } from "./core/platform/sudo.js";
import { runRemove, runStatus } from "./core/status/command.js";
import { invocationOf, speak } from "./core/wording/voice.js";
import { firstFrame } from "./first-frame.js";
import { commandLine } from "./interactive.js";
import { interrupts } from "./interrupted.js";
import { createAnthropicApi, prepareAnthropicApi } from "./system/anthropic-api.js";
import { collectGarbageNow } from "./system/idle-collection.js";
import { createNodeSystem, rootHome } from "./system/node-system.js";
import { askYesNo, readAllStdin } from "./system/stdin.js";

const VERSION = "0.1.0";
/** How the person ran us (`npx claude-setup`, `claude-setup`, `npm start --`): messages name that. */
const INVOCATION = invocationOf(process.env);

async function main(): Promise<ExitCodeValue> {
	// Until Ink has taken over, giving the terminal back means taking down the early prompt.
	interrupts.setCleanup(firstFrame.dismiss);
	switch (commandLine.kind) {
		case "help":
			console.log(HELP);
			return ExitCode.ok;
		case "version":
			console.log(VERSION);
			return ExitCode.ok;
		case "error":
			console.error(
				speak(
					`claude-setup: ${commandLine.message}\nRun \`claude-setup --help\` for the options.`,
					INVOCATION,
				),
			);
			return ExitCode.usage;
		case "run":
			return run(commandLine.options);
	}
}

async function run(options: Options): Promise<ExitCodeValue> {
	const system = createNodeSystem({
		api: createAnthropicApi({ env: process.env, allowBaseURL: options.allowBaseURL }),
	});
	// Before any question: under sudo the key would go to root's files (exit 2, nothing done).
	const refusal = await checkSudo(system, process.getuid?.(), rootHome);
	if (refusal) {
		firstFrame.dismiss();
		console.error(refusal);
		if (options.json) console.log(JSON.stringify(refusedJson(options, refusal)));
		return ExitCode.usage;
	}
	// Text is wrapped to the terminal (not for a pipe or a log); JSON is never touched.
	const log = (line: string) => console.log(line);
	const wrapped = terminalPrinter(log, process.stdout.isTTY ? process.stdout.columns : undefined);
	const text = (line: string) => wrapped(speak(line, INVOCATION));
	const io = { print: options.json ? log : text, json: options.json, parentPid: process.ppid };
	if (options.command === "status") return runStatus(system, options.verify, io);
	if (options.command === "remove") {
		const confirm = options.yes ? async () => true : process.stdin.isTTY ? askYesNo : undefined;
		return runRemove(system, { targets: options.targets, dryRun: options.dryRun, confirm }, io);
	}
	if (options.keyStdin) {
		// A final newline is how every shell tool ends a line, not something the user pasted.
		const raw = (await readAllStdin(process.stdin)).replace(/\r?\n$/, "");
		const report = await runHeadless(system, raw, options, {
			nodePath: process.execPath,
			parentPid: process.ppid,
			print: options.json ? () => undefined : text,
		});
		if (options.json) console.log(JSON.stringify(report, null, 2));
		return report.exitCode;
	}
	if (!process.stdin.isTTY) {
		console.error(
			"claude-setup needs a terminal to ask for your key, and there is none here.\n" +
				'To run it from a script, pipe the key in: printf %s "$KEY" | claude-setup --key-stdin --target zsh',
		);
		return ExitCode.usage;
	}
	const [{ render }, { App }] = await Promise.all([import("ink"), import("./app.js")]);
	let code: ExitCodeValue = ExitCode.ok;
	firstFrame.handOver();
	const instance = render(
		<App
			system={system}
			settings={{
				presetTargets: options.targets,
				verify: options.verify,
				dryRun: options.dryRun,
				envFile: options.envFile,
				model: options.model,
				// The same decision the API client made: the wizard says it, and asks, before the key leaves.
				destination: decideDestination(process.env, { allow: options.allowBaseURL }),
				nodePath: process.execPath,
				parentPid: process.ppid,
			}}
			onExit={(exitCode) => {
				code = exitCode;
			}}
		/>,
		// Ink's default cap of 30 frames a second holds back a step that is reached within 33 ms
		// of the previous frame; these frames are small, so show each step as it is reached.
		{ exitOnCtrlC: false, maxFps: 120 },
	);
	// The first frame is on screen: load what checking the key needs while it is pasted, then
	// collect the garbage that leaves before Enter (see idle-collection.ts).
	setImmediate(() => {
		void (options.verify ? prepareAnthropicApi() : Promise.resolve()).then(collectGarbageNow);
	});
	// Ink's unmount gives the terminal back: raw mode off, cursor shown.
	interrupts.setCleanup(async () => {
		instance.unmount();
		await instance.waitUntilExit().catch(() => undefined);
	});
	await instance.waitUntilExit();
	system.api.close?.();
	return code;
}

/** The sudo refusal in --json's one shape. */
function refusedJson(options: Options, refusal: string) {
	const command = options.command === "status" || options.command === "remove" ? options.command : "setup";
	const error = { kind: "sudo", title: refusal, next: ["Run it again without sudo, as yourself."] };
	return versioned(command, { ok: false, exitCode: ExitCode.usage, error });
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		firstFrame.dismiss();
		const message = error instanceof Error ? error.message : String(error);
		console.error(`claude-setup stopped unexpectedly: ${scrubSecrets(message)}`);
		// Not `npm bugs claude-setup`: that npm name belongs to an unrelated project.
		console.error("Please report it to the claude-setup maintainers with this message (it holds no key).");
		process.exitCode = ExitCode.unexpected;
	},
);
