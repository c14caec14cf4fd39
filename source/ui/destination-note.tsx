import type { DestinationDecision } from "../core/destination/destination.js";
import { refusalNote, routeNote } from "../core/destination/messages.js";
import { Text } from "./text.js";

/**
 * Under the key prompt, before anything is sent: where the key will go when that is not plainly
 * Anthropic's API (this machine is named in the header), or why it will not go at all.
 */
export function DestinationNote({ decision }: { readonly decision: DestinationDecision | undefined }) {
	if (!decision) return null;
	if (decision.verdict === "refuse") return <Text color="red">✗ {refusalNote(decision.refusal)}</Text>;
	const { destination } = decision;
	if (decision.verdict === "ask") {
		const setBy = destination.setBy ?? "The address";
		return (
			<Text color="yellow">
				! {setBy} sends the key to {destination.origin}, not to Anthropic's API: you will be asked before it
				goes.
			</Text>
		);
	}
	if (destination.kind === "loopback") return null;
	const note = routeNote(destination, decision.allowedBy);
	return note ? <Text dimColor>{note}</Text> : null;
}
