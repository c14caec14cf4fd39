// Before --key-stdin sends the key anywhere: where it would go, said first; and no request at
// all to a refused address or to another host without the person's opt-in (exit 2).
import type { AdviceContext } from "../advice/advice.js";
import { type Destination, decideDestination } from "../destination/destination.js";
import { blockedExplanation, type Explanation, routeNote, viaProxy } from "../destination/messages.js";
import type { System } from "../system.js";

/** Who meets the advice: the wizard, --key-stdin or `status`. */
export type Flow = NonNullable<AdviceContext["flow"]>;

export type Gate =
	| {
			readonly ok: true;
			readonly destination: Destination;
			readonly note?: string;
			readonly allowedBy?: string;
	  }
	| { readonly ok: false; readonly explanation: Explanation };

/** Whether the key may go where the environment (and the opt-in) says, and what to tell first. */
export function destinationGate(system: System, allow: string | undefined): Gate {
	const decision = decideDestination(system.env, { allow });
	if (decision.verdict !== "send") return { ok: false, explanation: blockedExplanation(decision) };
	const { destination, allowedBy } = decision;
	// This machine is named too: a person reading a script's log should see where the key went.
	const note = routeNote(destination, allowedBy);
	return { ok: true, destination, note, allowedBy };
}

/** Where the key went, for --json: never a password (the proxy is shown without one). */
export function destinationReport(gate: Extract<Gate, { ok: true }>): Record<string, unknown> {
	const { destination, allowedBy } = gate;
	return {
		origin: destination.origin,
		kind: destination.kind,
		setBy: destination.setBy,
		allowedBy,
		proxy: destination.proxy
			? { address: destination.proxy.shown, variable: destination.proxy.variable }
			: undefined,
	};
}

/** What the advice for a failed request needs to know: the address set, the proxy on the way. */
export function adviceContext(
	system: System,
	step: AdviceContext["step"],
	flow: Flow,
	model?: string,
): AdviceContext {
	const decision = decideDestination(system.env);
	const proxy = decision.verdict !== "refuse" ? decision.destination.proxy : undefined;
	return {
		step,
		flow,
		...(model ? { model } : {}),
		baseURL: system.env.ANTHROPIC_BASE_URL || undefined,
		...(proxy ? { proxy: viaProxy(proxy) } : {}),
	};
}
