// @anthropic-ai/sdk (its client with the resources we call, ./anthropic-client.ts), loaded once
// and lazily so the first frame draws before it is compiled.

export type Sdk = typeof import("./anthropic-client.js");
let sdkPromise: Promise<Sdk> | undefined;
export function loadSdk(): Promise<Sdk> {
	sdkPromise ??= import("node:v8").then((v8) => {
		// Node's fetch parses HTTP with WebAssembly (llhttp), which V8 by default recompiles in the
		// background with its optimising tier: ~30 MB at peak for our two requests. The baseline
		// tier is plenty. Set before fetch first loads, and after Ink's own WebAssembly.
		v8.setFlagsFromString("--liftoff-only");
		return import("./anthropic-client.js");
	});
	return sdkPromise;
}
