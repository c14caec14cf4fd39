// Flags → headless or interactive → exit code. Everything else lives in core/ and ui/.
// Loaded by cli.ts once the early frame is on screen (see there).
import type { Options } from "./args.js";
import { decideDestination } from "./core/destination/destination.js";
import { ExitCode, type ExitCodeValue } from "./core/exit-codes.js";
import { runHeadless } from "./core/flow/headless.js";
import { versioned } from "./core/flow/json-report.js";
import { terminalPrinter } from "./core/layout/printer.js";
import { checkSudo } from "./core/platform/sudo.js";
import { runRemove, runStatus } from "./core/status/command.js";
import { runWithKey } from "./core/status/run-with-key.js";
import { terminalJson } from "./core/text/visible.js";
import { invocationOf, speak } from "./core/wording/voice.js";
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, firstFrame } from "./first-frame.js";
import { commandHelp, seeHelp } from "./help.js";
import { commandLine, plainMode } from "./interactive.js";
import { interrupts } from "./interrupted.js";
import { createAnthropicApi, prepareAnthropicApi } from "./system/anthropic-api.js";
import { collectGarbageNow } from "./system/idle-collection.js";
import { createJsonOutput } from "./system/json-output.js";
import { learningKeys, learnKeysIn } from "./system/known-keys.js";
import { createNodeSystem, rootHome } from "./system/node-system.js";
import { printError, printJson, printLine, writeOut } from "./system/output-guard.js";
import { askYesNo, readAllStdin } from "./system/stdin.js";

const VERSION = "0.1.0";
/** How the person ran us (`npx claude-setup`, `claude-setup`, `npm start --`): messages name that. */
const INVOCATION = invocationOf(process.env);

async function main(): Promise<number> {
	switch (commandLine.kind) {
		case "help":
			printLine(commandHelp(commandLine.command));
			return ExitCode.ok;
		case "version":
			printLine(VERSION);
			return ExitCode.ok;
		case "error":
			printError(speak(`claude-setup: ${commandLine.message}\n${seeHelp(commandLine.command)}`, INVOCATION));
			return ExitCode.usage;
		case "run":
			return run(commandLine.options);
	}
}

async function run(options: Options): Promise<number> {
	// Every key it reads, writes, runs into or sends is known to the output guard from then on.
	const system = learningKeys(
		createNodeSystem({ api: createAnthropicApi({ env: process.env, allowBaseURL: options.allowBaseURL }) }),
	);
	// Before any question: under sudo the key would go to root's files (exit 2, nothing done).
	const refusal = await checkSudo(system, process.getuid?.(), rootHome);
	if (refusal) {
		firstFrame.dismiss();
		printError(refusal);
		if (options.json) printJson(refusedJson(options, refusal));
		return ExitCode.usage;
	}
	if (options.command === "run") {
		// The command owns the terminal and its signals now (run-attached.ts forwards them).
		interrupts.dispose();
		firstFrame.dismiss();
		const spoken = (line: string) => printError(speak(line, INVOCATION));
		return runWithKey(system, options.runCommand ?? [], { printError: spoken, parentPid: process.ppid });
	}
	// --json: one object on stdout, also when a signal ends the run first.
	const json = createJsonOutput(
		options.command === "status" || options.command === "remove" ? options.command : "setup",
	);
	if (options.json) {
		interrupts.setCleanup((signal) => {
			firstFrame.dismiss();
			json.interrupted(signal);
		});
	}
	// Text is wrapped to the terminal (not for a pipe or a log); JSON is never touched.
	const wrapped = terminalPrinter(printLine, process.stdout.isTTY ? process.stdout.columns : undefined);
	const text = (line: string) => wrapped(speak(line, INVOCATION));
	const print = options.json ? json.print : text;
	const io = { print, json: options.json, parentPid: process.ppid };
	if (options.command === "status") return runStatus(system, options.verify, io);
	if (options.command === "remove") {
		// One key answers, as in the wizard; --plain reads a word on its own line.
		const ask = process.stdin.isTTY
			? (question: string) => askYesNo(question, { oneKey: !plainMode })
			: undefined;
		const confirm = options.yes ? async () => true : ask;
		// A rejected key comes back only when a person says so, never by --yes alone.
		const restoreRejected = options.yes ? undefined : ask;
		const removing = { targets: options.targets, dryRun: options.dryRun, confirm, restoreRejected };
		return runRemove(system, { ...removing, verify: options.verify }, io);
	}
	if (options.keyStdin) {
		// A final newline is how every shell tool ends a line, not something the user pasted.
		const raw = (await readAllStdin(process.stdin)).replace(/\r?\n$/, "");
		learnKeysIn(raw);
		const report = await runHeadless(system, raw, options, {
			nodePath: process.execPath,
			parentPid: process.ppid,
			print: options.json ? () => undefined : text,
		});
		if (options.json) json.print(terminalJson(report));
		return report.exitCode;
	}
	if (!process.stdin.isTTY) {
		printError(
			speak(
				"claude-setup needs a terminal to ask for your key, and there is none here.\n" +
					'To run it from a script, pipe the key in: `printf %s "$KEY" | claude-setup --key-stdin --target zsh`',
				INVOCATION,
			),
		);
		return ExitCode.usage;
	}
	const settings = {
		presetTargets: options.targets,
		verify: options.verify,
		dryRun: options.dryRun,
		envFile: options.envFile,
		model: options.model,
		// The same decision the API client made: the wizard says it, and asks, before the key leaves.
		destination: decideDestination(process.env, { allow: options.allowBaseURL }),
		nodePath: process.execPath,
		parentPid: process.ppid,
		askClaudeCode: options.askClaudeCode,
	};
	if (plainMode) {
		const [{ runPlainWizard }, { lineInput }] = await Promise.all([
			import("./plain/wizard.js"),
			import("./plain/line-input.js"),
		]);
		const input = lineInput(process.stdin);
		const write = (text: string) => writeOut(text);
		const code = await runPlainWizard(system, settings, {
			input,
			write,
			columns: process.stdout.columns || 80,
			onGoodbye: (goodbye) => interrupts.setCleanup(() => void write(`\n${goodbye()}\n`)),
		});
		input.close();
		system.api.close?.();
		return code;
	}
	const [{ render }, { App }] = await Promise.all([import("ink"), import("./app.js")]);
	let code: ExitCodeValue = ExitCode.ok;
	firstFrame.handOver();
	const instance = render(
		<App
			system={system}
			settings={settings}
			onExit={(exitCode) => {
				code = exitCode;
			}}
		/>,
		// Ink's default cap of 30 frames a second holds back a step that is reached within 33 ms
		// of the previous frame; these frames are small, so show each step as it is reached.
		{ exitOnCtrlC: false, maxFps: 120 },
	);
	writeOut(BRACKETED_PASTE_ON);
	// The first frame is on screen: load what checking the key needs while it is pasted, then
	// collect the garbage that leaves before Enter (see idle-collection.ts).
	setImmediate(() => {
		void (options.verify ? prepareAnthropicApi() : Promise.resolve()).then(collectGarbageNow);
	});
	// Ink's unmount gives the terminal back: raw mode off, cursor shown.
	interrupts.setCleanup(async () => {
		writeOut(BRACKETED_PASTE_OFF);
		instance.unmount();
		await instance.waitUntilExit().catch(() => undefined);
	});
	await instance.waitUntilExit();
	writeOut(BRACKETED_PASTE_OFF);
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
		printError(`claude-setup stopped unexpectedly: ${message}`);
		// Not `npm bugs claude-setup`: that npm name belongs to an unrelated project.
		printError("Please report it to the claude-setup maintainers with this message (it holds no key).");
		process.exitCode = ExitCode.unexpected;
	},
);
