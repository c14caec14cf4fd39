// Every message in a table, rendered, and checked against the wording rules (core/wording):
// sentence case, our commands in backticks (so they can be named as the person ran them), one
// yes/no style, each step said once, nothing that points at something not shown or at the
// unrelated npm package.
import { describe, expect, it } from "vitest";
import { HELP } from "../../../source/args.js";
import { type AdviceContext, adviseApiFailure } from "../../../source/core/advice/advice.js";
import { locateBlock } from "../../../source/core/edit/block-markers.js";
import { ExitCode } from "../../../source/core/exit-codes.js";
import { fromStdin } from "../../../source/core/flow/key-stdin-messages.js";
import { stoppedLines } from "../../../source/core/flow/stopped.js";
import { checkKey } from "../../../source/core/key/key.js";
import type { ApiFailure } from "../../../source/core/system.js";
import { splitLines } from "../../../source/core/text/line-endings.js";
import { FIX_BY_HAND } from "../../../source/core/text/shell-statements.js";
import type { ShellSyntax } from "../../../source/core/text/shell-words.js";
import { backedUp, claudeReplied, sentenceCase, speak } from "../../../source/core/wording/voice.js";
import { seeHelp } from "../../../source/help.js";
import { CORPUS } from "../../helpers/hostile-corpus.js";

interface Message {
	readonly from: string;
	readonly text: string;
}

const FLOWS: readonly AdviceContext[] = ["wizard", "key-stdin", "status"].flatMap((flow) =>
	(["check", "test"] as const).flatMap((step) =>
		[undefined, "http://127.0.0.1:8080"].map((baseURL) => ({
			step,
			flow: flow as AdviceContext["flow"],
			model: "claude-haiku-5-5",
			baseURL,
		})),
	),
);
const FAILURES: readonly ApiFailure[] = [
	...[400, 401, 402, 403, 404, 408, 413, 429, 500, 502, 529].map(
		(status): ApiFailure => ({ kind: "http", status, message: "said", requestId: "req_1" }),
	),
	{ kind: "timeout" },
	...["ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "CERT_HAS_EXPIRED", "EAI_AGAIN"].map(
		(code): ApiFailure => ({ kind: "connection", code, message: code }),
	),
];

function allMessages(): Message[] {
	const messages: Message[] = [];
	for (const context of FLOWS) {
		for (const failure of FAILURES) {
			const advice = adviseApiFailure(failure, context);
			const from = `advice ${JSON.stringify(failure)} ${JSON.stringify(context)}`;
			messages.push({ from, text: advice.title }, { from, text: advice.why });
			for (const step of advice.next) messages.push({ from: `${from} next`, text: step });
			expect(new Set(advice.next).size, `${from}: a step said twice`).toBe(advice.next.length);
		}
	}
	for (const input of CORPUS) {
		const check = checkKey(input.input);
		if (check.ok) continue;
		messages.push(
			{ from: `key ${input.name}`, text: check.message },
			{ from: `key ${input.name}`, text: check.hint },
		);
		const piped = fromStdin(input.input, check);
		messages.push(
			{ from: `stdin ${input.name}`, text: piped.message },
			{ from: `stdin ${input.name}`, text: piped.hint },
		);
	}
	const written = [{ display: "~/.zshrc", path: "/h/.zshrc", action: "inserted" as const }];
	for (const code of [ExitCode.cancelled, ExitCode.notProven]) {
		for (const line of [...stoppedLines(code, []), ...stoppedLines(code, written)]) {
			messages.push({ from: `stopped ${code}`, text: line });
		}
	}
	messages.push({
		from: "backup",
		text: backedUp("~/.local/state/claude-setup/backups/.zshrc.1.bak", "file"),
	});
	messages.push({ from: "reply", text: claudeReplied({ model: "m", ms: 3, reply: "Hi" }) });
	messages.push(...blockProblems());
	messages.push({ from: "fix by hand", text: sentenceCase(FIX_BY_HAND) });
	for (const command of ["setup", "status", "remove"] as const)
		messages.push({ from: `see help ${command}`, text: seeHelp(command) });
	for (const line of HELP.split("\n")) messages.push({ from: "help", text: line });
	return messages;
}

/** Every way a marked block can be broken, in each syntax: the message edit/ refuses it with. */
function blockProblems(): Message[] {
	const broken = (start: string, end: string) => [
		[start, "x=1"],
		[end],
		[start, end, start, end],
		[start, start, end],
	];
	const markers: Record<ShellSyntax, readonly [string, string]> = {
		posix: ["# >>> claude-setup >>>", "# <<< claude-setup <<<"],
		fish: ["# >>> claude-setup >>>", "# <<< claude-setup <<<"],
		powershell: ["#region claude-setup", "#endregion claude-setup"],
	};
	return Object.entries(markers).flatMap(([syntax, [start, end]]) =>
		broken(start, end).map((lines) => {
			const found = locateBlock(splitLines(`${lines.join("\n")}\n`).lines, syntax as ShellSyntax);
			expect(found && "problem" in found, `${lines.join(" / ")} is a problem`).toBe(true);
			return {
				from: `block ${syntax} ${lines.join(" / ")}`,
				text: found && "message" in found ? found.message : "",
			};
		}),
	);
}

const MESSAGES = allMessages();

describe("the wording rules, over every message in the table", () => {
	it("has a table worth checking", () => {
		expect(MESSAGES.length).toBeGreaterThan(400);
	});

	it("names our commands in backticks, so they can be said as the person ran them", () => {
		const bare = MESSAGES.filter(({ text, from }) => {
			if (from === "help") return false; // --help shows commands as a synopsis
			const outside = text.replace(/`[^`]*`/g, "");
			return /\b(?:run|Run)\s+(?:npx\s+)?claude-setup\b|claude-setup (?:remove|status|--)/.test(outside);
		});
		expect(bare).toEqual([]);
	});

	it("names claude-setup as the person ran it in a broken block's message (edit/)", () => {
		const blocks = MESSAGES.filter(({ from }) => from.startsWith("block "));
		expect(blocks).toHaveLength(12);
		for (const { text } of blocks)
			expect(speak(text, "npm start --")).toMatch(/then run `npm start --` again\.$/);
	});

	it("starts each sentence with a capital (sentence case)", () => {
		const lower = MESSAGES.filter(
			({ text, from }) =>
				from !== "help" && from !== "backup" && /^[a-z]/.test(text) && !/^[a-z]+[./]/.test(text),
		);
		expect(lower).toEqual([]);
	});

	it("asks yes or no one way, and points at nothing unseen or unrelated", () => {
		const wrong = MESSAGES.filter(({ text }) =>
			/\((?:y\/N|Y\/n|yes\/no)\)|shown above|npm bugs|status\.anthropic\.com.*127\.0\.0\.1/.test(text),
		);
		expect(wrong).toEqual([]);
	});

	it("names status.anthropic.com only for Anthropic's own API", () => {
		const local = MESSAGES.filter(
			({ from, text }) => from.includes("127.0.0.1") && text.includes("status.anthropic.com"),
		);
		expect(local).toEqual([]);
	});
});
