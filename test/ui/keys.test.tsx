// Keys read together reach the screen one by one: a Ctrl-C or an Enter is never swallowed by
// the keys read with it, and a paste keeps its bytes (a Ctrl-C or line break pasted is text).
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KeyRouter } from "../../source/ui/keys.js";

afterEach(() => cleanup());

/** Every key the router hands on, as (input, return, ctrl) — what the screens look at. */
function routed() {
	const keys: string[] = [];
	const instance = render(
		<KeyRouter onKey={(input, key) => keys.push(key.return ? "⏎" : `${key.ctrl ? "^" : ""}${input}`)}>
			{null}
		</KeyRouter>,
	);
	return { keys, write: (text: string) => instance.stdin.write(text) };
}

describe("the key router", () => {
	it.each([
		["Enter, then Ctrl-C", "\r\u0003", ["⏎", "^c"]],
		["letters typed ahead, then Ctrl-C", "abc\u0003", ["abc", "^c"]],
		["a key, then Enter", "sk-ant\r", ["sk-ant", "⏎"]],
		["Enter between two runs", "ab\rcd\r", ["ab", "⏎", "cd", "⏎"]],
		["Backspace typed ahead", "ab\u007fc", ["ab", "", "c"]],
		["Ctrl-C between two runs", "y\u0003n", ["y", "^c", "n"]],
		["Ctrl-C alone", "\u0003", ["^c"]],
		["two Ctrl-C", "\u0003\u0003", ["^c", "^c"]],
		["no Ctrl-C: as Ink reads it", "abc", ["abc"]],
	])("%s", async (_, chunk, expected) => {
		const router = routed();
		router.write(chunk);
		await vi.waitFor(() => expect(router.keys).toEqual(expected));
	});

	it("leaves a bracketed paste whole, a Ctrl-C in it included", async () => {
		const router = routed();
		router.write("\u001b[200~ab\u0003cd\u001b[201~\u0003");
		await vi.waitFor(() => expect(router.keys.at(-1)).toBe("^c"));
		expect(router.keys.filter((key) => key.includes("ab"))).toEqual(["ab\u0003cd"]);
		expect(router.keys.filter((key) => key === "^c")).toHaveLength(1);
	});

	it("keeps a line break inside a bracketed paste, and the marks themselves from the screens", async () => {
		const router = routed();
		router.write("\u001b[200~sk-ant\rrest\u001b[201~\r");
		await vi.waitFor(() => expect(router.keys).toEqual(["sk-ant\rrest", "⏎"]));
	});
});
