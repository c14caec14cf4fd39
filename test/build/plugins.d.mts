// Types for the build plugins, for the tests that check them.
import type { Plugin } from "esbuild";

export const EMOJI_PREFILTER: RegExp;
export const noInkDevtools: Plugin;
export const yogaWithoutFetch: Plugin;
export const lazyEmojiRegex: Plugin;
export const oneStringWidth: Plugin;
export const ansiDiffFastPath: Plugin;
export function compileOnFirstUse(
	packages: readonly string[],
	options: { root: string; inputs: Set<string> },
): Plugin;
