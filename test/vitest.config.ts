import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		root: fileURLToPath(new URL("..", import.meta.url)),
		include: ["test/**/*.test.{ts,tsx}"],
		// Ink draws only the final frame when CI is set; the screen tests need every frame.
		setupFiles: ["test/helpers/interactive-terminal.ts"],
	},
});
