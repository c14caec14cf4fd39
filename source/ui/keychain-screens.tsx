// The wizard's questions around the keychain and the old key: screens only display and ask.
import { Box } from "ink";
import { type Purgeable, stillIn } from "../core/flow/purge-offer.js";
import { Choice } from "./choice.js";
import { Text } from "./text.js";
import { YesNo } from "./yes-no.js";

/** The keychain was chosen: a shell block for every new terminal, or only `claude-setup run`. */
export function KeychainShellScreen({ onSubmit }: { readonly onSubmit: (shellBlock: boolean) => void }) {
	const options = [
		{
			value: "every",
			label: "Every new terminal",
			hint: "— a short block in your shell's startup file reads it from the keychain",
		},
		{
			value: "ask",
			label: "Only when I ask",
			hint: "— no shell block: claude-setup run -- <command> gives it to that command",
		},
	] as const;
	return (
		<Box flexDirection="column">
			<Text bold>
				When should your terminal get the key? (Claude Code reads it from the keychain either way)
			</Text>
			<Choice options={options} defaultValue="every" onSubmit={(choice) => onSubmit(choice === "every")} />
		</Box>
	);
}

/** A proven rotation: the old key still sits in commented-out lines and backups. */
export function PurgeScreen({
	found,
	onAnswer,
}: {
	readonly found: Purgeable;
	readonly onAnswer: (yes: boolean) => void;
}) {
	return (
		<Box flexDirection="column">
			<Text>Claude answered with the new key. {stillIn(found)}.</Text>
			<Text dimColor>Backups that do not hold {found.plural ? "them" : "it"} are kept.</Text>
			<Box marginTop={1}>
				<Text>Delete {found.subject} from them? </Text>
				{/* Backups are the way back: deleting them is opt-in, as --purge-old is. */}
				<YesNo defaultYes={false} onAnswer={onAnswer} />
			</Box>
		</Box>
	);
}
