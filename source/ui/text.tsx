// Every screen's text goes through this Text: what came from outside (API replies and errors,
// paths, file contents, environment values) is shown with its control characters, escape
// sequences and bidi controls made visible (core/text/visible.ts), never acted on by the terminal.
// Ink adds its own colours and cursor moves after this, so only the words are touched.
import { Text as InkText, type TextProps } from "ink";
import type { ReactNode } from "react";
import { visible } from "../core/text/visible.js";

export type { TextProps };

function inert(node: ReactNode): ReactNode {
	if (typeof node === "string") return visible(node);
	if (Array.isArray(node)) return node.map(inert);
	return node;
}

export function Text({ children, ...props }: TextProps) {
	return <InkText {...props}>{inert(children)}</InkText>;
}
