// The answers that are about the key or the account (400 credit, 401, 402, 403): what to do next
// depends on who meets them — someone pasting, a script piping the key in, or `status`.
import type { ApiFailure } from "../system.js";
import type { AdviceContext, Core } from "./advice-types.js";

export const KEYS_PAGE = "console.anthropic.com → API keys";
export const BILLING_PAGE = "console.anthropic.com → Plans & Billing";

/** ` The API said: "…".` without doubling the message's own full stop. */
export function said(message: string | undefined): string {
	if (!message) return "";
	return ` The API said: "${message}"${/[.!?]$/.test(message) ? "" : "."}`;
}

/** After a 401: paste again (the prompt comes back), pipe in another key, or save a new one. */
function afterRejected(flow: AdviceContext["flow"]): string {
	switch (flow) {
		case "key-stdin":
			return `Check the key you piped in (the whole key, not revoked), or create a new one at ${KEYS_PAGE} and pipe that in.`;
		case "status":
			return `Create a new key at ${KEYS_PAGE}, then run \`claude-setup\` to save it.`;
		default:
			return `Paste the key again, or create a new one at ${KEYS_PAGE}.`;
	}
}

/** The live test runs after the key was saved: nothing but the account needs fixing. */
const SAVED = "The key is saved: it works once";

export function adviseKeyAnswer(
	failure: Extract<ApiFailure, { kind: "http" }>,
	context: AdviceContext,
): Core | undefined {
	const { status, message } = failure;
	const saved = context.step === "test";
	if (status === 400 && /credit balance/i.test(message ?? "")) {
		return {
			title: "Your account has no credit left",
			why: "The key works, but the API answered 400: the credit balance is too low to use the API.",
			next: [
				saved
					? `Add credits at ${BILLING_PAGE}. ${SAVED} the balance is topped up.`
					: `Add credits at ${BILLING_PAGE}, then run \`claude-setup\` again.`,
			],
			outcome: "account",
		};
	}
	if (status === 401 && /oauth/i.test(message ?? "")) {
		return {
			title: "This is a Claude Code token, not an API key",
			why: "Tokens that start with sk-ant-oat01 come from `claude setup-token` and only work in Claude Code, not with the API.",
			next: [`Create an API key (it starts with sk-ant-api03) at ${KEYS_PAGE} and use that.`],
			outcome: "rejected",
		};
	}
	if (status === 401) {
		// Only sk-ant-api03 keys are ever sent (a Claude Code token is recognised first), so no
		// "if it starts with sk-ant-oat01" here.
		return {
			title: "The key was rejected",
			why: `The API answered 401: the key is invalid, revoked or mistyped.${said(message)}`,
			next: [afterRejected(context.flow)],
			outcome: "rejected",
		};
	}
	if (status === 402) {
		return {
			title: "There is a billing problem with this account",
			why: `The API answered 402 (payment required).${said(message)}`,
			next: [
				`Fix the payment details or add credits at ${BILLING_PAGE}.${saved ? ` ${SAVED} the account is in order.` : ""}`,
			],
			outcome: "account",
		};
	}
	if (status === 403) return adviseForbidden(message, context);
	return undefined;
}

function adviseForbidden(message: string | undefined, context: AdviceContext): Core {
	const admin = "Ask your organization's admin to check the key's workspace and permissions in the Console.";
	if (context.step === "test" && context.model) {
		return {
			title: `This key has no access to ${context.model}`,
			why: `The API answered 403: the key or its workspace may not use this model.${said(message)}`,
			next: [`To test it with another model, run \`claude-setup\` again with --model <id>.`, admin],
			outcome: "rejected",
		};
	}
	// GET /v1/models: no model is involved yet.
	return {
		title: "This key is not allowed to use the API",
		why: `The API answered 403 to listing the models: the key or its workspace lacks the permission.${said(message)}`,
		next: [admin],
		outcome: "rejected",
	};
}
