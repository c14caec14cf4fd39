import { Box } from "ink";
import { Text, type TextProps } from "./text.js";

/**
 * Prose set in by `by` columns, also on the lines it wraps onto (leading spaces would not be).
 * Not for lines that end in a long path: a path broken across lines should not gain spaces.
 */
export function Indented({ by, ...text }: TextProps & { readonly by: number }) {
	return (
		<Box paddingLeft={by}>
			<Text {...text} />
		</Box>
	);
}
