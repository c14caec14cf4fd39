// The output guard: every write to a guarded stream passes the scrubber with every key the
// process has come to know (environment, files read and written, commands run, keys sent).
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { knownKeys, learnEnvironment, learningKeys } from "../../source/system/known-keys.js";
import { guardWrites, scrubOutput } from "../../source/system/output-guard.js";
import { makeTempSystem, removeTempSystems, testKey } from "../helpers/temp-system.js";

afterAll(removeTempSystems);

const body = (key: string) => key.slice("sk-ant-api03-".length);

function guarded(): { stream: PassThrough; written: () => string } {
	const stream = new PassThrough();
	const chunks: Buffer[] = [];
	stream.on("data", (chunk: Buffer) => chunks.push(chunk));
	guardWrites(stream);
	return { stream, written: () => Buffer.concat(chunks).toString("utf8") };
}

describe("the output guard", () => {
	it("masks a key from the environment, even without its prefix, in strings and in bytes", () => {
		const key = testKey("EnvSecretNeverShown1", "EnVv");
		learnEnvironment({ ANTHROPIC_API_KEY: key, OTHER: "x" });
		const { stream, written } = guarded();
		stream.write(`401: invalid x-api-key ${body(key)}\n`);
		stream.write(Buffer.from(`again ${key}\n`));
		stream.write(Buffer.from("plain bytes stay as they are\n"));
		expect(written()).not.toContain("EnvSecretNeverShown1");
		expect(written()).toContain("sk-ant-api03-…EnVv");
		expect(written()).toContain("plain bytes stay as they are");
	});

	it("masks any sk-ant- key, known or not, and an apiKeyHelper command holding one", () => {
		const { stream, written } = guarded();
		stream.write(`{"apiKeyHelper": "echo sk-ant-api03-${"Z".repeat(80)}HeLp"}`);
		expect(written()).toBe(`{"apiKeyHelper": "echo sk-ant-api03-…HeLp"}`);
	});

	it("learns the keys in files it reads (UTF-8 and UTF-16), writes, runs into and sends", async () => {
		const { system, home } = await makeTempSystem();
		const keys = {
			zshrc: testKey("ZshrcSecretNeverShown", "ZsHr"),
			profile: testKey("ProfileSecretNeverShwn", "PrOf"),
			bare: `${"b".repeat(10)}BareTokenNeverShown99`,
			written: testKey("WrittenSecretNeverShwn", "WrTn"),
			child: testKey("ChildSecretNeverShown", "ChLd"),
			sent: testKey("SentSecretNeverShown1", "SeNt"),
		};
		await writeFile(join(home, ".zshrc"), `export ANTHROPIC_API_KEY='${keys.zshrc}'\n`);
		await writeFile(
			join(home, "profile.ps1"),
			Buffer.from(`\uFEFF$env:ANTHROPIC_API_KEY = "${keys.profile}"`, "utf16le"),
		);
		await writeFile(join(home, ".env"), `ANTHROPIC_AUTH_TOKEN=${keys.bare}\n`);
		const learning = learningKeys({
			...system,
			api: {
				listModels: async () => ({ ok: true, value: [], ms: 1 }),
				sendTestMessage: async () => ({ ok: true, value: { model: "m", text: "hi" }, ms: 1 }),
			},
		});
		for (const file of [".zshrc", "profile.ps1", ".env"]) await learning.fs.read(join(home, file));
		await learning.fs.writeAtomic(join(home, "w"), Buffer.from(`export K=${keys.written}`), 0o600);
		await learning.run("printf", ["%s", keys.child]);
		await learning.api.listModels(keys.sent);
		const known = knownKeys();
		for (const key of Object.values(keys)) expect(known).toContain(key);
		// Only learning: a mode the write asks for (a 0644 startup file made 0600) still happens.
		await writeFile(join(home, "open"), "x", { mode: 0o644 });
		await learning.fs.writeAtomic(join(home, "open"), Buffer.from("y"), 0o600, 0o600);
		expect((await stat(join(home, "open"))).mode & 0o777).toBe(0o600);
		const shown = scrubOutput(Object.values(keys).map(body).join(" / "));
		for (const secret of [
			"ZshrcSecret",
			"ProfileSecret",
			"BareToken",
			"WrittenSecret",
			"ChildSecret",
			"SentSecret",
		])
			expect(shown).not.toContain(secret);
	});
});
