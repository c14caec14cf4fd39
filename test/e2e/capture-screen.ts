// `npm run screen`: runs the built CLI in a real pseudo-terminal against the fake API,
// with HOME in a temp dir, and puts the real screens into README.md between markers.
// The README's pictures are therefore never edited by hand.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { makeSandbox, TEST_KEY } from "../helpers/sandbox.js";
import { KEYS, runInTerminal } from "../helpers/terminal.js";

const README = resolve(process.cwd(), "README.md");

async function capture(): Promise<{ prompt: string; preview: string; done: string }> {
	const api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
	try {
		const sandbox = makeSandbox({ shell: "zsh", baseURL: api.url });
		const run = runInTerminal([], { ...sandbox, cols: 92, rows: 30 });
		await run.waitForText("Paste your Anthropic API key");
		run.write(`  export ANTHROPIC_API_KEY="${TEST_KEY}"\n`);
		const prompt = await run.waitForText("cleaned:");
		run.write(KEYS.enter);
		await run.waitForText("Where should the key go?");
		run.write(KEYS.enter);
		const preview = await run.waitForText("Write these changes?");
		run.write(KEYS.enter);
		const done = await run.waitForText("All set.");
		await run.exited;
		// The fake API listens on a random port; keep the README stable.
		const stable = (screen: string) =>
			screen
				.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT")
				.replace(/\d{4}-\d{2}-\d{2}T[\d-]+Z/g, "<time>")
				.replace(/replied in \d+ ms/, "replied in 12 ms")
				.replace(new RegExp(sandbox.home, "g"), "~");
		return { prompt: stable(prompt), preview: stable(preview), done: stable(done) };
	} finally {
		await api.close();
	}
}

function replaceBetween(text: string, name: string, content: string): string {
	const start = `<!-- screen:${name}:start -->`;
	const end = `<!-- screen:${name}:end -->`;
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers.`);
	return `${text.slice(0, from + start.length)}\n\`\`\`text\n${content}\n\`\`\`\n${text.slice(to)}`;
}

const screens = await capture();
let readme = readFileSync(README, "utf8");
for (const [name, screen] of Object.entries(screens)) readme = replaceBetween(readme, name, screen);
writeFileSync(README, readme);
console.log("README.md: screens updated from a real run.");
