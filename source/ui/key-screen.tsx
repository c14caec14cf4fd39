import type { Key } from "ink";
import { Box } from "ink";
import { useEffect } from "react";
import type { Advice } from "../core/advice/advice.js";
import type { DestinationDecision } from "../core/destination/destination.js";
import type { ExistingKey } from "../core/flow/session.js";
import type { AcceptedKey } from "../core/flow/wizard.js";
import { checkKey, cleanKey, maskKey } from "../core/key/key.js";
import { AdviceView } from "./advice-view.js";
import { DestinationNote } from "./destination-note.js";
import { type Answered, answered, useKeyState } from "./keys.js";
import { Paragraph } from "./paragraph.js";
import { usePlainQuestion } from "./plain-context.js";
import { INPUT_MARK, KEY_PROMPT, KEY_PROMPT_HINT, WHERE_TO_GET_A_KEY } from "./prompt-text.js";
import { Text } from "./text.js";

interface Props {
	readonly existing: readonly ExistingKey[];
	readonly advice?: Advice;
	/** Where the key would go: said before it is pasted when that is not plainly Anthropic's API. */
	readonly destination?: DestinationDecision;
	readonly onSubmit: (key: AcceptedKey) => void;
	/** Called at the first key typed or pasted. */
	readonly onTyping?: () => void;
	/** Called when what was typed looks like an API key (a check with the API may follow). */
	readonly onApiKeyLooksRight?: () => void;
}

const MAX_DOTS = 24;

/** What the prompt holds: the text typed so far, whether Enter was tried on it, a token to confirm. */
export interface KeyPromptState {
	readonly raw: string;
	readonly tried: boolean;
	readonly token?: AcceptedKey;
}

export const EMPTY_PROMPT: KeyPromptState = { raw: "", tried: false };

/** The prompt after a key: text is added, Backspace and Ctrl-U erase, Enter submits what checks out. */
export function keyPromptKey(
	state: KeyPromptState,
	input: string,
	key: Key,
): KeyPromptState | Answered<KeyPromptState> {
	if (state.token) {
		// Save the OAuth token as CLAUDE_CODE_OAUTH_TOKEN? Y/n: no starts over with an empty prompt.
		if (key.return || input.toLowerCase() === "y") return answered(state);
		return input.toLowerCase() === "n" ? EMPTY_PROMPT : state;
	}
	if (key.return) {
		const check = checkKey(state.raw);
		if (check.ok && check.kind === "oauth-token") return { ...state, token: check };
		if (check.ok) return answered(state);
		// Only a key that is not right looks different once Enter was tried: a key that is
		// right is not drawn again (that frame would hold back the next screen's).
		return state.tried ? state : { ...state, tried: true };
	}
	if (key.backspace || key.delete) return { ...state, raw: state.raw.slice(0, -1) };
	if (key.ctrl && input === "u") return { ...state, raw: "" };
	if (key.ctrl || key.meta || key.escape || key.upArrow || key.downArrow || key.tab || input === "")
		return state;
	return { ...state, raw: state.raw + input };
}

/** Hidden input: shows only dots and a count, plus live feedback from the key checker. */
export function KeyScreen({ existing, advice, destination, onSubmit, onTyping, onApiKeyLooksRight }: Props) {
	const prompt = useKeyState(
		EMPTY_PROMPT,
		(state: KeyPromptState, input, key) => {
			const next = keyPromptKey(state, input, key);
			// Said at once, before the next frame: detection finishing meanwhile must not take the
			// prompt away from under the person typing.
			if ("raw" in next && next.raw.length > state.raw.length) onTyping?.();
			return next;
		},
		({ raw, token }) => {
			const check = token ?? checkKey(raw);
			if (check.ok) onSubmit(check);
		},
	);
	const { raw, tried, token } = prompt;
	const ask = usePlainQuestion();
	ask?.({ kind: "key", onSubmit });
	const check = raw === "" ? undefined : checkKey(raw);
	const looksRight = check?.ok === true && check.kind === "api-key";
	// biome-ignore lint/correctness/useExhaustiveDependencies: each time it starts to look right
	useEffect(() => {
		if (looksRight) onApiKeyLooksRight?.();
	}, [looksRight]);

	if (token?.kind === "oauth-token") {
		return (
			<Box flexDirection="column">
				<Text color="yellow">! {token.note}</Text>
				<Text>
					Save it as <Text bold>CLAUDE_CODE_OAUTH_TOKEN</Text> instead? <Text color="cyan">Y/n</Text>
				</Text>
			</Box>
		);
	}

	const length = [...raw].length;
	return (
		<Box flexDirection="column">
			{existing.length > 0 ? (
				<Box flexDirection="column" marginBottom={1}>
					{existing.map((place) => (
						<Text key={place.source} dimColor>
							Already set: {place.masked} in {place.source}.{place.managed ? " A new key replaces it." : ""}
						</Text>
					))}
				</Box>
			) : null}
			{advice ? (
				<Box marginBottom={1}>
					<AdviceView advice={advice} />
				</Box>
			) : null}
			<DestinationNote decision={destination} />
			<Text>
				<Text bold>{KEY_PROMPT}</Text>
				<Text dimColor>{KEY_PROMPT_HINT}</Text>
			</Text>
			{/* Accessible mode asks for the key on a line of its own, and shows nothing of it. */}
			{ask ? null : (
				<Text>
					<Text color="cyan">{INPUT_MARK}</Text>
					{"•".repeat(Math.min(length, MAX_DOTS))}
					{length > MAX_DOTS ? "…" : ""}
					{length > 0 ? <Text dimColor> {characterCount(raw, check)}</Text> : null}
				</Text>
			)}
			<Feedback check={check} emphasise={tried} />
		</Box>
	);
}

function Feedback({
	check,
	emphasise,
}: {
	check: ReturnType<typeof checkKey> | undefined;
	emphasise: boolean;
}) {
	if (!check) {
		return <Text dimColor>{WHERE_TO_GET_A_KEY}</Text>;
	}
	if (check.ok) {
		return (
			<Box flexDirection="column">
				<Text color="green">
					✓ {check.kind === "api-key" ? "Looks like an API key" : "A Claude Code OAuth token"}:{" "}
					{maskKey(check.key)}
				</Text>
				{check.fixes.length > 0 ? (
					<Paragraph marker={{ text: "  " }} style={{ dimColor: true }}>
						{`cleaned: ${check.fixes.join("; ")}`}
					</Paragraph>
				) : null}
			</Box>
		);
	}
	return (
		<Box flexDirection="column">
			<Paragraph
				marker={{ text: emphasise ? "✗ " : "! ", color: emphasise ? "red" : "yellow" }}
				style={{ color: emphasise ? "red" : "yellow" }}
			>
				{check.message}
			</Paragraph>
			<Paragraph style={{ dimColor: true }}>{check.hint}</Paragraph>
		</Box>
	);
}

/** The count of the key as cleaned (what is checked), and of the paste when cleaning changed it. */
function characterCount(raw: string, check: ReturnType<typeof checkKey> | undefined): string {
	const pasted = [...raw].length;
	// Also when the check fails: its message counts the cleaned key ("113 of 108 characters").
	const cleaned = [...(check?.ok ? check.key : cleanKey(raw).key)].length;
	return cleaned === pasted ? `${pasted} characters` : `${cleaned} characters (${pasted} pasted)`;
}
