// The first lines that run: from here on every write to stdout and stderr passes the scrubber
// (system/output-guard.ts), with the keys this terminal's environment holds already known.
import { guardOutput } from "./system/output-guard.js";

guardOutput(process.env);
