// The wizard's steps, state and actions (the reducer is in wizard.ts).
import type { Advice } from "../advice/advice.js";
import type { Written } from "../apply/apply.js";
import type { DestinationDecision } from "../destination/destination.js";
import type { ExitCodeValue } from "../exit-codes.js";
import type { KeyCheck } from "../key/key.js";
import type { Plan } from "../plan/plan.js";
import type { TargetName } from "../plan/targets.js";
import type { Proof } from "../prove/proofs.js";
import type { ModelInfo } from "../system.js";
import type { AskedShell } from "../windows/guidance.js";
import type { Purgeable } from "./purge-offer.js";
import type { Environment, LiveTest } from "./session.js";

export type AcceptedKey = Extract<KeyCheck, { ok: true }>;

export type Step =
	| { readonly name: "existing" }
	| { readonly name: "keeping" }
	| { readonly name: "key"; readonly advice?: Advice }
	/** Before the key first leaves for another host (or cannot leave): asked once. */
	| { readonly name: "destination"; readonly leadsTo: "checking" | "keeping" }
	/** `tries`: checks of this key that already failed (none, unless the person tries again). */
	| { readonly name: "checking"; readonly tries?: number }
	/** `tries`: how many checks of this key failed so far, this one included. */
	| { readonly name: "unreachable"; readonly advice: Advice; readonly tries: number }
	| { readonly name: "target" }
	/** The keychain was chosen: new terminals load the key (a shell block), or only `claude-setup run`. */
	| { readonly name: "keychain-shell" }
	| { readonly name: "others" }
	| { readonly name: "planning" }
	| { readonly name: "dotfiles"; readonly plan: Plan }
	| { readonly name: "policy"; readonly plan: Plan; readonly failure?: string }
	/** A subscription login and a key for every terminal: the project .env instead, or go on. */
	| { readonly name: "billing"; readonly plan: Plan }
	| { readonly name: "allowing"; readonly plan: Plan }
	| { readonly name: "preview"; readonly plan: Plan }
	| { readonly name: "writing"; readonly plan: Plan }
	| { readonly name: "untrack"; readonly plan: Plan }
	| { readonly name: "proving"; readonly plan: Plan }
	| { readonly name: "testing" }
	/** Windows could not tell which shell this is, and the guidance depends on it: ask. */
	| { readonly name: "shell" }
	/** Proven: look for what still holds the old key (commented-out lines, backups). */
	| { readonly name: "old-keys" }
	| { readonly name: "purge"; readonly found: Purgeable }
	| { readonly name: "purging"; readonly found: Purgeable }
	| { readonly name: "done" }
	| { readonly name: "failed"; readonly title: string; readonly message: string }
	| { readonly name: "exit"; readonly code: ExitCodeValue };

export interface WizardState {
	readonly step: Step;
	readonly environment?: Environment;
	readonly key?: AcceptedKey;
	readonly models?: readonly ModelInfo[];
	/** The user chose to save although the API could not be reached (or the key may not go there). */
	readonly unchecked: boolean;
	/** Saved unchecked because the key was not to go to the API's address. */
	readonly notSent?: boolean;
	readonly targets: readonly TargetName[];
	readonly plan?: Plan;
	readonly written: readonly Written[];
	readonly untracked?: boolean;
	/** Why allowing PowerShell profiles did not work, shown when the policy question returns. */
	readonly policyFailure?: string;
	readonly proofs: readonly Proof[];
	readonly liveTest?: LiveTest;
	readonly exitCode: ExitCodeValue;
	/** The person started typing a key: detection must not switch screens under them. */
	readonly typing: boolean;
	/** Comment out definitions claude-setup did not write (rotation's default). */
	readonly disableOthers: boolean;
	/** The answer to "a target file is under version control": keep the key in a private file. */
	readonly privateFile?: boolean;
	/** The answer to "Claude Code will bill the key instead of your subscription" (asked once). */
	readonly billing?: "dotenv" | "go-on";
	/** The answer to "a startup file others can read": leave its mode (default: make it 0600). */
	readonly keepModes?: boolean;
	/** The person said yes to sending the key to the destination's host (asked once). */
	readonly destinationAllowed?: boolean;
	/** The keychain's probe (store, read back, delete a test item): offered only when it worked. */
	readonly keychainProbe?: { readonly ok: true } | { readonly ok: false; readonly reason: string };
	/** With the keychain: new terminals load the key (default), or only `claude-setup run` does. */
	readonly shellBlock?: boolean;
	/** After a proven rotation: what the old key was deleted from, or that it was kept. */
	readonly purge?: { readonly done: boolean; readonly line: string };
	/** "Keep it and test it": the key that was kept, masked, and where it comes from. */
	readonly kept?: { readonly masked: string; readonly where: string };
}

export interface WizardSettings {
	readonly presetTargets: readonly TargetName[];
	readonly verify: boolean;
	readonly dryRun: boolean;
	/** Where the key would go (core/destination); absent means Anthropic's API. */
	readonly destination?: DestinationDecision;
}

export type WizardAction =
	| { readonly type: "detected"; readonly environment: Environment }
	| { readonly type: "typing" }
	| { readonly type: "existing-choice"; readonly choice: "replace" | "keep" | "quit" }
	| { readonly type: "kept"; readonly masked: string; readonly where: string; readonly result: LiveTest }
	| { readonly type: "others-answered"; readonly yes: boolean }
	| { readonly type: "key-accepted"; readonly key: AcceptedKey }
	| { readonly type: "destination-answered"; readonly choice: "send" | "save" | "quit" }
	| { readonly type: "check-passed"; readonly models: readonly ModelInfo[] }
	| { readonly type: "check-failed"; readonly advice: Advice }
	| { readonly type: "unreachable-choice"; readonly choice: "retry" | "save" | "quit" }
	| { readonly type: "keychain-probed"; readonly probe: NonNullable<WizardState["keychainProbe"]> }
	| { readonly type: "targets-chosen"; readonly targets: readonly TargetName[] }
	| { readonly type: "shell-choice"; readonly shellBlock: boolean }
	| { readonly type: "planned"; readonly plan: Plan }
	| { readonly type: "dotfiles-choice"; readonly choice: "private" | "inline" | "quit" }
	| { readonly type: "policy-choice"; readonly choice: "windows" | "allow" | "keep" }
	| { readonly type: "billing-choice"; readonly choice: "dotenv" | "go-on" | "quit" }
	| { readonly type: "profiles-allowed"; readonly failure?: string }
	| { readonly type: "confirmed"; readonly yes: boolean }
	| { readonly type: "keep-modes" }
	| { readonly type: "written"; readonly written: readonly Written[] }
	| { readonly type: "untrack-answered"; readonly untracked: boolean }
	| { readonly type: "proved"; readonly proofs: readonly Proof[] }
	| { readonly type: "tested"; readonly result: LiveTest }
	| { readonly type: "shell-answered"; readonly shell: AskedShell }
	| { readonly type: "old-keys-found"; readonly found?: Purgeable }
	| { readonly type: "purge-answered"; readonly yes: boolean }
	| { readonly type: "purged"; readonly line: string }
	| {
			readonly type: "failed";
			readonly title: string;
			readonly message: string;
			readonly code: ExitCodeValue;
	  }
	| { readonly type: "cancel" };
