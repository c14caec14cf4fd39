import { Box } from "ink";
import { useState } from "react";
import { useKeys } from "./keys.js";
import { Paragraph } from "./paragraph.js";

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
	const [index, setIndex] = useState(() =>
		Math.max(
			0,
			options.findIndex((option) => option.value === defaultValue),
		),
	);
	useKeys((input, key) => {
		if (key.upArrow) setIndex((current) => (current + options.length - 1) % options.length);
		else if (key.downArrow || key.tab) setIndex((current) => (current + 1) % options.length);
		else if (key.return) {
			const option = options[index];
			if (option) onSubmit(option.value);
		} else if (/^[1-9]$/.test(input) && Number(input) <= options.length) setIndex(Number(input) - 1);
	});
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
