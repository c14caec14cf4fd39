// The old key is said to stay valid only when it was checked live and works; a rejected one has
// nothing left to revoke; an unchecked one is said to be unchecked.
import { describe, expect, it } from "vitest";
import { checkOldKeys, type OldKey, revokeReminder } from "../../../source/core/flow/rotation.js";

const A: OldKey = { value: "a", masked: "sk-ant-api03-…AAAA" };
const B: OldKey = { value: "b", masked: "sk-ant-api03-…BBBB" };

describe("revokeReminder says only what was checked", () => {
	it.each([
		{ keys: [], said: [] },
		{
			keys: [{ ...A, checked: "works" as const }],
			said: [/^The old key \(sk-ant-api03-…AAAA\) still works and stays valid until revoked/],
		},
		{
			keys: [{ ...A, checked: "rejected" as const }],
			said: [
				/^The API already rejects the old key \(sk-ant-api03-…AAAA\): there is nothing left to revoke\.$/,
			],
		},
		{
			keys: [A],
			said: [/^The old key \(sk-ant-api03-…AAAA\) was not checked: if it still works, revoke it/],
		},
		{
			keys: [
				{ ...A, checked: "works" as const },
				{ ...B, checked: "rejected" as const },
			],
			said: [/^The old key \(…?.*AAAA\) still works/, /rejects the old key \(sk-ant-api03-…BBBB\)/],
		},
		{ keys: [A, B], said: [/^The old keys \(sk-ant-api03-…AAAA, sk-ant-api03-…BBBB\) were not checked/] },
	])("$keys.length keys", ({ keys, said }) => {
		const lines = revokeReminder(keys);
		expect(lines).toHaveLength(said.length);
		for (const [index, pattern] of said.entries()) expect(lines[index]).toMatch(pattern);
		for (const line of lines) expect(line).not.toMatch(/rejects.*stays valid|stays valid.*rejects/);
	});

	it("checkOldKeys: 200 works, 401 rejected, anything else (or a throw) stays unchecked", async () => {
		const answers: Record<string, { ok: boolean; status?: number } | Error> = {
			a: { ok: true },
			b: { ok: false, status: 401 },
			c: { ok: false, status: 529 },
			d: new Error("offline"),
		};
		const keys = ["a", "b", "c", "d"].map((value) => ({ value, masked: value }));
		const checked = await checkOldKeys(keys, async (value) => {
			const answer = answers[value];
			if (answer instanceof Error || answer === undefined) throw answer;
			return answer;
		});
		expect(checked.map((key) => key.checked)).toEqual(["works", "rejected", undefined, undefined]);
	});
});
