/** Reads all of standard input as text (the key for --key-stdin). Caps at 1 MiB: a key is ~108 bytes. */
export async function readAllStdin(stream: NodeJS.ReadableStream, limit = 1024 * 1024): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
		size += buffer.length;
		if (size > limit) break;
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString("utf8");
}

/** A y/N question on the terminal; only "y" or "yes" agrees. */
export async function askYesNo(question: string): Promise<boolean> {
	const { createInterface } = await import("node:readline/promises");
	const prompt = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return /^y(es)?$/i.test((await prompt.question(question)).trim());
	} finally {
		prompt.close();
	}
}
