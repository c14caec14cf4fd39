import type { Key } from "ink";
import { Box } from "ink";
import { type Answered, answered, useKeyState } from "./keys.js";
import { Paragraph } from "./paragraph.js";
import { usePlainQuestion } from "./plain-context.js";
import { Text } from "./text.js";

export interface ChoiceOption<T extends string> {
	readonly value: T;
	readonly label: string;
	readonly hint?: string;
}

interface Props<T extends string> {
	readonly options: readonly ChoiceOption<T>[];
	readonly defaultValue: T;
	readonly onSubmit: (value: T) => void;
}

/** Arrow keys (or the option's number) move, Enter picks. Enter on the default picks the default —
 * @inkjs/ui's Select fires nothing in that case, which breaks "Enter accepts the default". */
export function Choice<T extends string>({ options, defaultValue, onSubmit }: Props<T>) {
	const index = useKeyState(
		() =>
			Math.max(
				0,
				options.findIndex((option) => option.value === defaultValue),
			),
		(current: number, input, key) => choiceKey(options.length, current, input, key),
		(picked) => {
			const option = options[picked];
			if (option) onSubmit(option.value);
		},
	);
	const ask = usePlainQuestion();
	if (ask) {
		ask({ kind: "choice", options, defaultValue, onSubmit: (value) => onSubmit(value as T) });
		// Numbered, the default said in words: read aloud, a mark like ❯ means nothing.
		return (
			<Box flexDirection="column">
				{options.map((option, position) => (
					<Text key={option.value}>
						{`  ${position + 1}. ${option.label}`}
						{option.hint ? ` ${option.hint}` : ""}
						{option.value === defaultValue ? " (default)" : ""}
					</Text>
				))}
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			{options.map((option, position) => {
				const focused = position === index;
				return (
					<Paragraph
						key={option.value}
						marker={{ text: focused ? "❯ " : "  ", color: "cyan" }}
						style={{ color: focused ? "cyan" : undefined }}
					>
						{[{ text: option.label }, ...(option.hint ? [{ text: ` ${option.hint}`, dimColor: true }] : [])]}
					</Paragraph>
				);
			})}
		</Box>
	);
}

/** The focused option after a key: arrows and Tab move, a number jumps there, Enter answers. */
export function choiceKey(count: number, index: number, input: string, key: Key): number | Answered<number> {
	if (key.upArrow) return (index + count - 1) % count;
	if (key.downArrow || key.tab) return (index + 1) % count;
	if (key.return) return answered(index);
	if (/^[1-9]$/.test(input) && Number(input) <= count) return Number(input) - 1;
	return index;
}
