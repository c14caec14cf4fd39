#!/usr/bin/env node
// The entry: these run first, in this order — scrub every output, handle signals, clear CI for a person's terminal,
// draw the prompt — and only then is the rest (React, Ink, the wizard: main.tsx) read and
// compiled. The build makes them one small CommonJS file, dist/cli.cjs, so the prompt waits for
// Node and these few modules only (test/build/early-entry.mjs).
import "./guarded.js";
import { interrupts } from "./interrupted.js";
import "./interactive.js";
import { firstFrame } from "./first-frame.js";

// Until Ink has taken over, giving the terminal back means taking down the early prompt.
interrupts.setCleanup(firstFrame.dismiss);
// Not awaited: the entry is CommonJS, which has no top-level await; main.tsx reports its own errors.
void import("./main.js");
