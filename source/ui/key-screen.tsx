import { Box, Text } from "ink";
import { useEffect, useState } from "react";
import type { Advice } from "../core/advice/advice.js";
import type { DestinationDecision } from "../core/destination/destination.js";
import type { ExistingKey } from "../core/flow/session.js";
import type { AcceptedKey } from "../core/flow/wizard.js";
import { checkKey, maskKey } from "../core/key/key.js";
import { AdviceView } from "./advice-view.js";
import { DestinationNote } from "./destination-note.js";
import { useKeys } from "./keys.js";
import { Paragraph } from "./paragraph.js";
import { INPUT_MARK, KEY_PROMPT, KEY_PROMPT_HINT, WHERE_TO_GET_A_KEY } from "./prompt-text.js";
import { YesNo } from "./yes-no.js";

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

/** Hidden input: shows only dots and a count, plus live feedback from the key checker. */
export function KeyScreen({ existing, advice, destination, onSubmit, onTyping, onApiKeyLooksRight }: Props) {
	const [raw, setRaw] = useState("");
	const [tried, setTried] = useState(false);
	const [token, setToken] = useState<AcceptedKey>();
	const check = raw === "" ? undefined : checkKey(raw);
	const looksRight = check?.ok === true && check.kind === "api-key";
	// biome-ignore lint/correctness/useExhaustiveDependencies: each time it starts to look right
	useEffect(() => {
		if (looksRight) onApiKeyLooksRight?.();
	}, [looksRight]);

	useKeys((input, key) => {
		if (key.return) {
			if (check?.ok && check.kind === "oauth-token") setToken(check);
			else if (check?.ok) onSubmit(check);
			// Only a key that is not right looks different once Enter was tried: a key that is
			// right is not drawn again (that frame would hold back the next screen's).
			else setTried(true);
		} else if (key.backspace || key.delete) setRaw((value) => value.slice(0, -1));
		else if (key.ctrl && input === "u") setRaw("");
		else if (!key.ctrl && !key.meta && !key.escape && !key.upArrow && !key.downArrow && !key.tab) {
			onTyping?.();
			setRaw((value) => value + input);
		}
	}, token === undefined);

	if (token?.kind === "oauth-token") {
		return (
			<Box flexDirection="column">
				<Text color="yellow">! {token.note}</Text>
				<Text>
					Save it as <Text bold>CLAUDE_CODE_OAUTH_TOKEN</Text> instead?{" "}
					<YesNo
						defaultYes
						onAnswer={(yes) => {
							if (yes) onSubmit(token);
							else {
								setToken(undefined);
								setRaw("");
								setTried(false);
							}
						}}
					/>
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
			<Text>
				<Text color="cyan">{INPUT_MARK}</Text>
				{"•".repeat(Math.min(length, MAX_DOTS))}
				{length > MAX_DOTS ? "…" : ""}
				{length > 0 ? <Text dimColor> {characterCount(raw, check)}</Text> : null}
			</Text>
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
	const cleaned = check?.ok ? [...check.key].length : pasted;
	return cleaned === pasted ? `${pasted} characters` : `${cleaned} characters (${pasted} pasted)`;
}
