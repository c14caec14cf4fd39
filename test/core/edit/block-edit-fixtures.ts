// What the block-edit tests share: the variable, one assignment of it, the block's comment,
// and the successful edit of a result that must have succeeded.
import type { BlockEdit } from "../../../source/core/edit/block-edit.js";

export const NAME = "ANTHROPIC_API_KEY";
export const set = (value: string) => [{ name: NAME, value }];
export const COMMENT =
	"# Added by claude-setup. Run claude-setup again to change the key; delete this block to remove it.";

export function applied(result: BlockEdit): Extract<BlockEdit, { ok: true }> {
	if (!result.ok) throw new Error(`expected ok, got ${result.problem}: ${result.message}`);
	return result;
}
