// What to tell a person about where the key goes: before it is sent (a note, a question) and
// when it is not (what happened, why, what to do). Every address here is shown safely.
import {
	ALLOW_FLAG,
	ALLOW_VARIABLE,
	type Blocked,
	DEFAULT_BASE_URL,
	type Destination,
	type DestinationDecision,
	type Refusal,
} from "./destination.js";
import type { ProxyRoute } from "./proxy.js";

export interface Explanation {
	readonly title: string;
	readonly why: string;
	readonly next: readonly string[];
}

/** "unset ANTHROPIC_BASE_URL to use Anthropic's API (https://api.anthropic.com)" */
function unsetHint(setBy: string): string {
	return `unset ${setBy} to use Anthropic's API (${DEFAULT_BASE_URL})`;
}

/** "through the proxy http://127.0.0.1:3128 (HTTPS_PROXY)" */
export function viaProxy(proxy: ProxyRoute): string {
	return `through the proxy ${proxy.shown} (${proxy.variable})`;
}

/** Where the key goes and why, when that is not simply Anthropic's API; undefined otherwise. */
export function routeNote(destination: Destination, allowedBy?: string): string | undefined {
	const via = destination.proxy && viaProxy(destination.proxy);
	if (destination.kind === "anthropic") return via && `Requests to ${DEFAULT_BASE_URL} go ${via}.`;
	const setBy = destination.setBy ?? "the default";
	const where = destination.kind === "loopback" ? " (this machine)" : "";
	const allowed = allowedBy ? `, as ${allowedBy} allows` : "";
	const proxy = via ? `, ${via}` : "";
	return `The key goes to ${destination.origin}${where}, set by ${setBy}${allowed}${proxy}.`;
}

/** The question before the first request to a host other than Anthropic's. */
export function askExplanation(destination: Destination): { title: string; why: string } {
	const proxy = destination.proxy ? ` It goes ${viaProxy(destination.proxy)}.` : "";
	return {
		title: `Send your key to ${destination.host}?`,
		why:
			`${destination.setBy ?? "The address"} is ${destination.shown}, so checking the key sends it to ` +
			`${destination.origin}, not to Anthropic's API (${DEFAULT_BASE_URL}).${proxy} ` +
			"Say yes only if you trust that host (your company's gateway, say).",
	};
}

/** Why nothing is sent: a refused address, or another host without the person's yes. */
export function blockedExplanation(decision: Blocked): Explanation;
export function blockedExplanation(decision: DestinationDecision): Explanation | undefined;
export function blockedExplanation(decision: DestinationDecision): Explanation | undefined {
	if (decision.verdict === "send") return undefined;
	if (decision.verdict === "refuse") return refusalExplanation(decision.refusal);
	const { destination } = decision;
	const { host, origin } = destination;
	const proxy = destination.proxy ? ` (${viaProxy(destination.proxy)})` : "";
	return {
		title: `Not sending the key to ${host}`,
		why:
			`${destination.setBy ?? "The address"} is ${destination.shown}, so the key would go to ${origin}${proxy}, ` +
			`not to Anthropic's API (${DEFAULT_BASE_URL}). It goes only where you say it may.`,
		next: [
			`If you trust ${host}, run again with ${ALLOW_FLAG} ${origin} (or set ${ALLOW_VARIABLE}=${origin}).`,
			`Otherwise ${unsetHint(destination.setBy ?? "ANTHROPIC_BASE_URL")}.`,
			"Or save the key without sending it anywhere: add --no-verify.",
		],
	};
}

/** Why a refused address is refused, as a clause: "ANTHROPIC_BASE_URL is plain http://, …". */
function refusalReason(refusal: Refusal): string {
	const { setBy } = refusal;
	switch (refusal.reason) {
		case "not-a-url":
			return `${setBy} is not a web address`;
		case "scheme":
			return `${setBy} does not start with https://`;
		case "plain-http":
			return `${setBy} is plain http://, so it would travel unencrypted`;
		case "credentials":
			return `${setBy} has a user name before "@", which hides the real host`;
		case "proxy":
			return `${refusal.proxy?.variable ?? "HTTPS_PROXY"} is not an http:// or https:// proxy`;
		case "mismatch":
			return `${refusal.allow?.by ?? ALLOW_FLAG} names another address than ${setBy}`;
	}
}

/** Under the key prompt: one sentence — what, why, and where the fix is. */
export function refusalNote(refusal: Refusal): string {
	const where = refusal.host ? ` to ${refusal.host}` : "";
	return `The key will not be sent${where}: ${refusalReason(refusal)}; paste it and press Enter to see the fix.`;
}

export function refusalExplanation(refusal: Refusal): Explanation {
	const { setBy, shown, host } = refusal;
	const unset = `Or ${unsetHint(setBy)}.`;
	switch (refusal.reason) {
		case "not-a-url":
			return {
				title: `${setBy} is not a web address`,
				why: `It is "${shown}", so the key was not sent anywhere.`,
				next: [`Set it to an address like ${DEFAULT_BASE_URL}.`, unset],
			};
		case "scheme":
			return {
				title: `${setBy} must start with https://`,
				why: `It is ${shown}: the key is sent only over https:// (or http:// to this machine), so it was not sent.`,
				next: [`Set it to an https:// address.`, unset],
			};
		case "plain-http":
			return {
				title: `Not sending the key over plain http:// to ${host}`,
				why:
					`${setBy} is ${shown}: over http:// the key would travel unencrypted, readable on the way. ` +
					"Only this machine (localhost, 127.0.0.1, ::1) is reached over http://.",
				next: [`Use https:// in ${setBy}.`, unset],
			};
		case "credentials":
			return {
				title: `Not sending the key to ${host}`,
				why:
					`${setBy} is ${shown}: the part before "@" is a user name, not the host. ` +
					`The key would go to ${host}, so it was not sent.`,
				next: [`Set ${setBy} to the host alone, without "…@".`, unset],
			};
		case "proxy": {
			const proxy = refusal.proxy ?? { variable: "HTTPS_PROXY", shown: "" };
			return {
				title: `Can't use the proxy in ${proxy.variable}`,
				why: `${proxy.variable} is ${proxy.shown}: claude-setup goes only through an http:// or https:// proxy, so the key was not sent.`,
				next: [
					`Set ${proxy.variable} to an http:// proxy (http://host:port),`,
					`or add ${host} to NO_PROXY to connect directly.`,
				],
			};
		}
		case "mismatch": {
			const allow = refusal.allow ?? { by: ALLOW_FLAG, shown: "" };
			return {
				title: `${allow.by} names another address`,
				why: `It allows ${allow.shown}, but ${setBy} sends the key to ${refusal.origin}: the key goes only where you said it may, so it was not sent.`,
				next: [`If ${host} is right, use ${ALLOW_FLAG} ${refusal.origin}.`, unset],
			};
		}
	}
}
