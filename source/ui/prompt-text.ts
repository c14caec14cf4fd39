// The words of the first screen, shared by the Ink screens and the frame drawn before Ink loads
// (source/first-frame.ts), so the two cannot drift apart.
export const TITLE = "claude-setup";
export const TITLE_COLOR = "#d97757";
export const TAGLINE = " · your Anthropic API key, saved and proven";
export const KEY_PROMPT = "Paste your Anthropic API key";
export const KEY_PROMPT_HINT = " (input is hidden; Enter to continue, Esc to quit)";
export const INPUT_MARK = "❯ ";
export const WHERE_TO_GET_A_KEY =
	"Create one at console.anthropic.com → API keys. It starts with sk-ant-api03-.";
