// The error-mapping helpers on their own: cause chains, retry-after, key scrubbing.
import { describe, expect, it } from "vitest";
import {
	innermostCode,
	retryAfterSeconds,
	scrubKey,
	toApiFailure,
} from "../../source/system/anthropic-api-failure.js";

const KEY = `sk-ant-api03-${"f".repeat(89)}TestAA`;

describe("mapping helpers", () => {
	it("walks the cause chain (and AggregateError members) to the innermost code", () => {
		const inner = Object.assign(new Error("connect ECONNREFUSED"), {
			code: "ECONNREFUSED",
		});
		const outer = new TypeError("fetch failed", {
			cause: new AggregateError([inner], "all failed"),
		});
		expect(innermostCode(new Error("Connection error.", { cause: outer }))).toBe("ECONNREFUSED");
		expect(innermostCode(new Error("no code"))).toBeUndefined();
	});

	it.each([
		[{ "retry-after": "12" }, 12],
		[{ "retry-after": "1.2" }, 2],
		[{ "retry-after-ms": "1500", "retry-after": "60" }, 2],
		[{ "retry-after": new Date(Date.now() + 30_000).toUTCString() }, 30],
		[{ "retry-after": "soon" }, undefined],
		[{}, undefined],
	])("retry-after %j → %s seconds", (headers, seconds) => {
		const result = retryAfterSeconds(new Headers(headers));
		if (seconds === 30) expect(result).toBeGreaterThanOrEqual(28);
		else expect(result).toBe(seconds);
	});

	it("scrubs the key from messages, even from a plain Error", async () => {
		const sdk = await import("@anthropic-ai/sdk");
		const failure = toApiFailure(sdk, new Error(`bad header Bearer ${KEY}`), KEY);
		expect(failure).toEqual({
			kind: "connection",
			message: expect.stringContaining("sk-ant-api03-…stAA"),
		});
		expect(JSON.stringify(failure)).not.toContain(KEY);
		expect(scrubKey(`x ${KEY} y ${KEY}`, ` ${KEY}\n`)).not.toContain(KEY);
	});
});
