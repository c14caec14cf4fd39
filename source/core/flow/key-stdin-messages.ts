// `--key-stdin`: what checking the key says, for a key that came on standard input. checkKey
// speaks to someone pasting ("Paste your key"); a script piping nothing needs to hear that.

const PIPE_HINT =
	'Pipe the key in, e.g. `printf %s "$KEY" | claude-setup --key-stdin --target zsh` (is $KEY set?).';

/** checkKey speaks to someone pasting; here the key came on standard input, so say that. */
export function fromStdin(raw: string, check: { kind: string; message: string; hint: string }) {
	if (check.kind === "empty") {
		const message =
			raw === ""
				? "Standard input was empty: no key was read."
				: "Standard input held only spaces, quotes or line breaks: no key was read.";
		return { message, hint: PIPE_HINT };
	}
	const hint = check.hint
		.replace(/^Paste just/, "Send just")
		.replace(/^Copy the whole key again/, "Copy the whole key again into what you pipe in");
	return { message: check.message, hint };
}
