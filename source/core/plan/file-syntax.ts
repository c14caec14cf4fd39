// Which syntax a startup file speaks, from its name alone.
import type { TargetFile } from "./targets.js";

export function syntaxOf(path: string): TargetFile["syntax"] {
	const name = path.split(/[\\/]/).pop() ?? "";
	if (name.endsWith(".fish")) return "fish";
	if (name.endsWith(".json")) return "json";
	if (name.toLowerCase().endsWith(".ps1")) return "powershell";
	if (name === ".env" || name.startsWith(".env.") || name.endsWith(".env")) return "dotenv";
	return "posix";
}
