// Installed by the first lines that run, before the early prompt puts the terminal in raw mode:
// from here on a signal lets a write in progress finish or roll back, gives the terminal back
// (see main.tsx's cleanups), and exits with 128 + its number.
import { handleInterrupts } from "./system/interrupts.js";

export const interrupts = handleInterrupts();
