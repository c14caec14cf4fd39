// `npm run bench`: the figures of issue 6, measured side by side in one run on this machine
// (medians after a warm-up), each next to its bound. A benchmark, never part of `npm test`.
import { rmSync } from "node:fs";
import os from "node:os";
import { startFakeAnthropic } from "../helpers/fake-anthropic.js";
import { TEST_KEY } from "../helpers/sandbox.js";
import { firstFrame, install, ownOverhead, pack, peakMemory, tempDir } from "./figures.js";
import { keychainShellCost } from "./keychain-shell.js";
import { repeat } from "./stats.js";
import { startTimedProxy } from "./timed-proxy.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_UP = 3;

const api = await startFakeAnthropic({ validKeys: [TEST_KEY] });
const proxy = await startTimedProxy(api.url);
const work = tempDir("work");
try {
	const frame = await repeat(RUNS, WARM_UP, () => firstFrame(api.url));
	const packed = pack(work);
	const installed = await repeat(RUNS, 1, async () => install(packed.tarball));
	const memory = await repeat(RUNS, 1, () => peakMemory(api.url, work));
	const overhead = await repeat(RUNS, 1, () => ownOverhead(proxy));
	const keychainZsh = await keychainShellCost("zsh", RUNS);
	const keychainBash = await keychainShellCost("bash", RUNS);

	const ratio = frame.cli / frame.node;
	const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
	const ms = (value: number) => `${value.toFixed(0)} ms`;
	const check = (ok: boolean) => (ok ? "✓" : "✗");
	const rows: [string, string, string, string][] = [
		["first frame, claude-setup", ms(frame.cli), "", ""],
		["  Ink redraws it, keys read", ms(frame.ink), "", ""],
		["first frame, node -e", ms(frame.node), "", ""],
		["first frame / node", `${ratio.toFixed(2)}×`, "≤ 1.5×", check(ratio <= 1.5)],
		["tarball (packed)", kb(packed.bytes), "≤ 400 kB", check(packed.bytes <= 400_000)],
		["unpacked", kb(packed.unpackedBytes), "", ""],
		["files in tarball", String(packed.files), "", ""],
		["runtime dependencies", String(packed.dependencies), "0", check(packed.dependencies === 0)],
		["packages installed with it", String(installed.packages - 1), "0", check(installed.packages === 1)],
		["install, empty folder and cache", ms(installed.ms), "", ""],
		["peak memory, --key-stdin run", `${memory.mb.toFixed(1)} MB`, "≤ 80 MB", check(memory.mb <= 80)],
		["key submitted → verdict, total", ms(overhead.wizard), "", ""],
		["  of which the (fake) API", ms(overhead.api), "", ""],
		["  the wizard's own overhead", ms(overhead.own), "≤ 100 ms", check(overhead.own <= 100)],
		["zsh -i start, keychain block", ms(keychainZsh.withBlock), "", ""],
		["  without it", ms(keychainZsh.without), "", ""],
		["  cost of the keychain block", ms(keychainZsh.cost), "≤ 30 ms", check(keychainZsh.cost <= 30)],
		["bash -i start, cost of the block", ms(keychainBash.cost), "≤ 30 ms", check(keychainBash.cost <= 30)],
	];
	const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
	const cpu = os.cpus()[0]?.model ?? "unknown CPU";
	console.log(
		`claude-setup bench · ${new Date().toISOString().slice(0, 10)} · ${os.availableParallelism()} × ${cpu} · ` +
			`Node ${process.version} · ${os.type()} ${os.release()} · median of ${RUNS} runs after warm-up\n`,
	);
	console.log(`| figure | measured | bound | |\n|---|--:|--:|:-:|`);
	for (const [name, value, bound, ok] of rows) {
		console.log(
			`| ${name.padEnd(widths[0] ?? 0)} | ${value.padStart(widths[1] ?? 0)} | ${bound.padStart(widths[2] ?? 0)} | ${ok} |`,
		);
	}
} finally {
	await proxy.close();
	await api.close();
	rmSync(work, { recursive: true, force: true });
}
