// What advice is made of, shared by the advice for HTTP answers and for connections that got none.

export interface Advice {
	readonly title: string;
	readonly why: string;
	readonly next: string[];
	/** For support; also written into `next` so it is seen. */
	readonly requestId?: string;
	/** refused: the key may not go to the API's address (nothing was sent). */
	readonly outcome: "rejected" | "unreachable" | "account" | "server" | "request" | "refused";
}

export interface AdviceContext {
	/** check = GET /v1/models, test = POST /v1/messages (after the key was saved). */
	readonly step: "check" | "test";
	/**
	 * Who meets the advice: the wizard (someone pasting, the prompt comes back), --key-stdin (a
	 * key piped in) or `status` (a key already saved). The next step differs. Default: wizard.
	 */
	readonly flow?: "wizard" | "key-stdin" | "status";
	readonly model?: string;
	/** ANTHROPIC_BASE_URL when set. */
	readonly baseURL?: string;
	/** The proxy on the way, as core/destination's viaProxy says it. */
	readonly proxy?: string;
}

/** Advice before the request id is added. */
export type Core = Omit<Advice, "requestId">;
