// Decided by the first lines that run: is a person at this terminal for the wizard?
import { isatty } from "node:tty";
import { parseCommandLine } from "./args.js";

/** The command line, parsed once here for main.tsx as well. */
export const commandLine = parseCommandLine(process.argv.slice(2));

/** Accessible mode: asked for (--plain), or a terminal that cannot move its cursor (TERM=dumb). */
export const plainMode =
	(commandLine.kind === "run" && commandLine.options.plain) || process.env.TERM === "dumb";

/** The wizard will run: no subcommand, no --key-stdin, and the keyboard is a terminal. */
export const wizardAtTerminal =
	commandLine.kind === "run" &&
	commandLine.options.command === "setup" &&
	!commandLine.options.keyStdin &&
	isatty(0);

if (wizardAtTerminal) {
	// A person is at this terminal: Ink must draw every frame even if CI happens to be set (it
	// would otherwise show only the last one), and colours must not be turned off for it.
	// Ink and chalk read CI when they load, hence here, before anything imports them.
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
	// chalk ignores NO_COLOR (no-color.org); FORCE_COLOR=0 is its way of saying the same.
	if (process.env.NO_COLOR) process.env.FORCE_COLOR = "0";
}
