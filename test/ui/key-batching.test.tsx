// However the terminal batches keys into reads (SSH, tmux and fast typists deliver several at
// once; a slow link one at a time), a screen ends in the same place: each key acts on the state
// the keys before it left. The oracle is a plain model of each screen, not the screen's reducer.
import fc from "fast-check";
import { cleanup } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkKey } from "../../source/core/key/key.js";
import { Choice } from "../../source/ui/choice.js";
import { KeyScreen } from "../../source/ui/key-screen.js";
import { YesNo } from "../../source/ui/yes-no.js";
import { renderScreen } from "../helpers/render-app.js";
import { TEST_KEY } from "../helpers/sandbox.js";

afterEach(() => cleanup());

const KEY = {
	down: "\x1b[B",
	up: "\x1b[A",
	tab: "\t",
	enter: "\r",
	backspace: "\x7f",
	ctrlU: "\x15",
} as const;

/** The keys, cut into reads at the given places (an index past a key ends a read there). */
function reads(keys: readonly string[], cuts: readonly boolean[]): string[] {
	const chunks: string[] = [];
	let chunk = "";
	keys.forEach((key, index) => {
		chunk += key;
		if (cuts[index % Math.max(1, cuts.length)] === true) {
			chunks.push(chunk);
			chunk = "";
		}
	});
	if (chunk !== "") chunks.push(chunk);
	return chunks;
}

const batching = fc.array(fc.boolean(), { minLength: 1, maxLength: 16 });
const RUNS = { numRuns: Number(process.env.RUNS ?? 40) };

const OPTIONS = ["zsh", "bash", "fish", "dotenv"].map((value) => ({ value, label: `option ${value}` }));

/** Where a person lands: arrows and Tab wrap around, 1-4 jump, the first Enter picks. */
function choiceModel(keys: readonly string[]): { focus: number; picked?: string } {
	let focus = 0;
	for (const key of keys) {
		if (key === KEY.enter) return { focus, picked: OPTIONS[focus]?.value };
		if (key === KEY.up) focus = (focus + 3) % 4;
		else if (key === KEY.down || key === KEY.tab) focus = (focus + 1) % 4;
		else if (/^[1-4]$/.test(key)) focus = Number(key) - 1;
	}
	return { focus };
}

describe("keys read together act in order", { timeout: 120_000 }, () => {
	it.each([
		["Down, Down, Enter", [KEY.down, KEY.down, KEY.enter], "fish"],
		["Down, Enter", [KEY.down, KEY.enter], "bash"],
		["3, Up, Enter", ["3", KEY.up, KEY.enter], "bash"],
	])("a choice picks what the focus moved to: %s in one read", async (_, keys, picked) => {
		const onSubmit = vi.fn();
		const screen = renderScreen(<Choice options={OPTIONS} defaultValue="zsh" onSubmit={onSubmit} />);
		await screen.waitForText("❯ option zsh");
		screen.type(keys.join(""));
		await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
		expect(onSubmit.mock.calls).toEqual([[picked]]);
		await screen.waitForText(`❯ option ${picked}`);
	});

	it("a choice: any batching of the same keys gives the same focus and pick", async () => {
		const keys = fc.array(fc.constantFrom(KEY.down, KEY.up, KEY.tab, KEY.enter, "1", "2", "3", "4", "x"), {
			minLength: 1,
			maxLength: 10,
		});
		await fc.assert(
			fc.asyncProperty(keys, batching, async (sequence, cuts) => {
				cleanup();
				const onSubmit = vi.fn();
				const screen = renderScreen(<Choice options={OPTIONS} defaultValue="zsh" onSubmit={onSubmit} />);
				await screen.waitForText("❯ option zsh");
				for (const chunk of reads(sequence, cuts)) screen.type(chunk);
				const expected = choiceModel(sequence);
				await screen.waitForText(`❯ option ${OPTIONS[expected.focus]?.value}`);
				if (expected.picked) await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
				expect(onSubmit.mock.calls).toEqual(expected.picked ? [[expected.picked]] : []);
			}),
			RUNS,
		);
	});

	it("a yes/no question: the first answer counts, however the keys were read", async () => {
		const keys = fc.array(fc.constantFrom("y", "n", "Y", "x", KEY.enter, KEY.down), {
			minLength: 1,
			maxLength: 8,
		});
		await fc.assert(
			fc.asyncProperty(keys, batching, async (sequence, cuts) => {
				cleanup();
				const onAnswer = vi.fn();
				const screen = renderScreen(<YesNo defaultYes={false} onAnswer={onAnswer} />);
				await screen.waitForText("y/N");
				for (const chunk of reads(sequence, cuts)) screen.type(chunk);
				const first = sequence.find((key) => key === KEY.enter || /^[yn]$/i.test(key));
				if (first === undefined) {
					// Nothing answers: the question is still there, and nothing was called.
					screen.type("\u001b[C");
					await screen.waitForText("y/N");
					expect(onAnswer).not.toHaveBeenCalled();
					return;
				}
				await vi.waitFor(() => expect(onAnswer).toHaveBeenCalled());
				expect(onAnswer.mock.calls).toEqual([[first.toLowerCase() === "y"]]);
			}),
			RUNS,
		);
	});

	it("the key prompt: a key typed in any batching, with mistakes erased, then Enter, submits that key once", async () => {
		// A typo and its Backspace, or a wrong start erased with Ctrl-U, at some place in the key.
		const typing = fc.record({
			at: fc.nat({ max: TEST_KEY.length - 1 }),
			mistake: fc.constantFrom([`Q${KEY.backspace}`], [`zz${KEY.ctrlU}`]),
			extraEnter: fc.boolean(),
		});
		await fc.assert(
			fc.asyncProperty(typing, batching, async ({ at, mistake, extraEnter }, cuts) => {
				cleanup();
				const onSubmit = vi.fn();
				const screen = renderScreen(<KeyScreen existing={[]} onSubmit={onSubmit} />);
				await screen.waitForText("Paste your Anthropic API key");
				const characters = [...TEST_KEY];
				const erased = mistake[0]?.endsWith(KEY.ctrlU) ? characters.slice(at) : characters;
				const before = mistake[0]?.endsWith(KEY.ctrlU) ? [] : characters.slice(0, at);
				const after = mistake[0]?.endsWith(KEY.ctrlU) ? erased : characters.slice(at);
				const sequence = [...before, ...mistake, ...after, KEY.enter, ...(extraEnter ? [KEY.enter] : [])];
				for (const chunk of reads(sequence, cuts)) screen.type(chunk);
				const typed = mistake[0]?.endsWith(KEY.ctrlU) ? after.join("") : TEST_KEY;
				const check = checkKey(typed);
				if (!check.ok) {
					// A Ctrl-U that erased the start leaves a key that is not right: Enter says so.
					await screen.waitForText("✗");
					expect(onSubmit).not.toHaveBeenCalled();
					return;
				}
				await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
				expect(onSubmit.mock.calls).toHaveLength(1);
				expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ ok: true, key: TEST_KEY, fixes: [] });
			}),
			RUNS,
		);
	});
});
