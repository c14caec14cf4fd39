import { Box } from "ink";
import type { Advice } from "../core/advice/advice.js";
import { Paragraph } from "./paragraph.js";

export function AdviceView({ advice }: { readonly advice: Advice }) {
	return (
		<Box flexDirection="column">
			<Paragraph marker={{ text: "✗ ", color: "red" }} style={{ color: "red" }}>
				{advice.title}
			</Paragraph>
			<Paragraph>{advice.why}</Paragraph>
			{advice.next.map((step) => (
				<Paragraph key={step} marker={{ text: "→ ", color: "yellow" }}>
					{step}
				</Paragraph>
			))}
			{advice.requestId ? (
				<Paragraph
					style={{ dimColor: true }}
				>{`request-id: ${advice.requestId} (give this to support)`}</Paragraph>
			) : null}
		</Box>
	);
}
