import { useStdout } from "ink";
import { createContext, useContext, useSyncExternalStore } from "react";
import { wrapText } from "../core/layout/wrap.js";
import { speak } from "../core/wording/voice.js";
import { Text } from "./text.js";

/** How the person ran claude-setup; commands of ours in a paragraph are named that way. */
export const Invocation = createContext("claude-setup");

/** A run of text in one style. */
export interface Span {
	readonly text: string;
	readonly color?: string;
	readonly dimColor?: boolean;
	readonly bold?: boolean;
	readonly italic?: boolean;
}
type Style = Omit<Span, "text">;

/** The app draws inside one column of padding on each side (app.tsx). */
const APP_PADDING = 2;

/** One "resize" listener per output, shared by every paragraph (one each would pass Node's limit of 10). */
const resizeWatchers = new WeakMap<NodeJS.WriteStream, Set<() => void>>();

function onResize(stdout: NodeJS.WriteStream, callback: () => void): () => void {
	let watchers = resizeWatchers.get(stdout);
	if (!watchers) {
		const created = new Set<() => void>();
		stdout.on("resize", () => {
			for (const watcher of created) watcher();
		});
		resizeWatchers.set(stdout, created);
		watchers = created;
	}
	watchers.add(callback);
	return () => {
		watchers.delete(callback);
	};
}

/** The terminal's width, kept current when the window is resized. */
function useColumns(): number {
	const { stdout } = useStdout();
	return useSyncExternalStore(
		(callback) => onResize(stdout, callback),
		() => stdout.columns || 80,
	);
}

interface Props {
	/** Starts the first line (a marker such as "✓ "); the following lines hang under the text. */
	readonly marker?: Span;
	readonly children: string | readonly Span[];
	/** The style of text given as a plain string. */
	readonly style?: Style;
	/** Text shown exactly as it is (a file's lines in the preview): no command is renamed. */
	readonly verbatim?: boolean;
}

/**
 * Text wrapped by the layout layer (core/layout) to the terminal's width, with a hanging indent
 * under its marker; a path or a command is never split (Ink alone would cut words at the edge).
 */
export function Paragraph({ marker, children, style = {}, verbatim = false }: Props) {
	const width = useColumns() - APP_PADDING;
	const invocation = useContext(Invocation);
	const given = typeof children === "string" ? [{ ...style, text: children }] : children;
	const spans = verbatim ? given : given.map((span) => ({ ...span, text: speak(span.text, invocation) }));
	const full = spans.map((span) => span.text).join("");
	const styles = spans.flatMap((span) => [...span.text].map(() => span as Style));
	const first = marker?.text ?? "";
	const rest = " ".repeat(first.length);
	const lines = wrapText(full, { width, first, rest, overlong: "flush" });
	let position = 0;
	const chars = [...full];
	return (
		<>
			{lines.map((line, index) => {
				const prefix = index === 0 ? first : line.startsWith(rest) ? rest : "";
				const content = [...line.slice(prefix.length)];
				while (chars[position] === " ") position++;
				const runs = styledRuns(content, styles.slice(position, position + content.length));
				position += content.length;
				return (
					// biome-ignore lint/suspicious/noArrayIndexKey: the lines of one paragraph, in order
					<Text key={index} {...style}>
						{index === 0 && marker ? <Text {...styleOf(marker)}>{marker.text}</Text> : prefix}
						{runs.map((run, at) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: runs of one line, in order
							<Text key={at} {...run.style}>
								{run.text}
							</Text>
						))}
					</Text>
				);
			})}
		</>
	);
}

function styleOf({ text: _text, ...style }: Span): Style {
	return style;
}

/** Consecutive characters of one style, joined. */
function styledRuns(chars: readonly string[], styles: readonly (Style | undefined)[]) {
	const runs: { text: string; style: Style }[] = [];
	chars.forEach((char, index) => {
		const style = styles[index] ?? {};
		const last = runs.at(-1);
		if (last && last.style === style) last.text += char;
		else runs.push({ text: char, style });
	});
	return runs;
}
