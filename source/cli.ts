#!/usr/bin/env node
// The entry: these run first, in this order — scrub every output, handle signals, clear CI for a person's terminal,
// draw the prompt — and only then is the rest (React, Ink, the wizard: main.tsx) read and
// compiled. The build puts them in small files of their own, so the prompt waits for Node and
// these few modules, not for V8 to parse the whole program.
import "./guarded.js";
import { interrupts } from "./interrupted.js";
import "./interactive.js";
import { firstFrame } from "./first-frame.js";

// Until Ink has taken over, giving the terminal back means taking down the early prompt.
interrupts.setCleanup(firstFrame.dismiss);
await import("./main.js");
