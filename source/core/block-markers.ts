// The marker lines that delimit claude-setup's block in a shell startup file.

export type ShellSyntax = "posix" | "fish";

export const BLOCK_START = "# >>> claude-setup >>>";
export const BLOCK_END = "# <<< claude-setup <<<";

/** Markers match as whole lines; trailing spaces, tabs and a stray "\r" are tolerated. */
function markerText(content: string): string {
	return content.replace(/[ \t\r]+$/, "");
}

export function isBlockStart(content: string): boolean {
	return markerText(content) === BLOCK_START;
}

export function isBlockEnd(content: string): boolean {
	return markerText(content) === BLOCK_END;
}

/** For each line: is it part of a claude-setup block (markers included)? */
export function blockMembership(
	lines: readonly { readonly content: string }[],
): boolean[] {
	let inside = false;
	return lines.map(({ content }) => {
		if (isBlockStart(content)) {
			inside = true;
			return true;
		}
		if (isBlockEnd(content)) {
			const wasInside = inside;
			inside = false;
			return wasInside;
		}
		return inside;
	});
}
