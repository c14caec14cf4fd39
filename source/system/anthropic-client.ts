// The SDK's own client — BaseAnthropic: the key, headers, retries, timeouts, ANTHROPIC_BASE_URL,
// its errors — with the two resources claude-setup calls. The package's default export adds
// twenty more (beta, organization, files, skills…) that nothing here uses: 70% of its bundle,
// and what kept the package over 400 kB.
import { BaseAnthropic } from "@anthropic-ai/sdk/client";
import { Messages } from "@anthropic-ai/sdk/resources/messages/messages";
import { Models } from "@anthropic-ai/sdk/resources/models";

export type { ClientOptions } from "@anthropic-ai/sdk/client";
export { APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk/error";

export default class AnthropicClient extends BaseAnthropic {
	readonly messages = new Messages(this);
	readonly models = new Models(this);
}
